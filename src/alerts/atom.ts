/**
 * A rule's alerts as an Atom feed (RFC 4287), for feed readers and chat apps that follow feeds.
 * Built with fast-xml-parser's builder, which escapes text and attributes; each entry is one
 * alert: what, where, when, the toll, the sources and the quoted sentences, with a link to the
 * incident page.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { AlertRule } from './rule.js';
import type { FiredAlert } from './rules-store.js';
import type { AlertPayload } from './record.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true });

export function atomFeed(rule: AlertRule, alerts: FiredAlert[], base: string, selfUrl: string): string {
  const updated = alerts[0]?.at ?? rule.created_at;
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      id: `urn:sitrep:alert-rule:${rule.id}`,
      title: `sitrep alerts: ${rule.name}`,
      updated,
      author: { name: rule.owner },
      generator: 'sitrep',
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': selfUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${base}/` },
      ],
      entry: alerts.map((a) => ({
        id: `urn:sitrep:alert:${rule.id}:${a.id}`,
        title: a.payload.title,
        updated: a.at,
        published: a.at,
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': base + a.payload.path },
        category: { '@_term': a.kind },
        summary: { '@_type': 'text', '#text': plainText(a.payload, base) },
      })),
    },
  };
  return builder.build(feed) as string;
}

/** The alert as plain text: used by the feed's summary and the e-mail body. */
export function plainText(p: AlertPayload, base: string): string {
  const f = p.facts;
  const lines = [
    p.title,
    `What: ${f.sub_event_type}${f.actor1 ? ` by ${f.actor1}` : ''}${f.actor2 ? ` against ${f.actor2}` : ''}`,
    `Where: ${[f.location, f.admin2, f.admin1, f.country].filter(Boolean).join(', ') || 'unknown'}`,
    `When: ${f.event_date ?? 'unknown'}`,
    `Toll: ${f.fatalities ?? 'unknown'}${f.fatalities_low !== null || f.fatalities_high !== null ? ` (reports range ${f.fatalities_low ?? '?'}–${f.fatalities_high ?? '?'})` : ''}${f.disputed ? '; accounts differ' : ''}`,
    `Sources: ${p.sources.map((s) => `${s.source ?? s.article}${s.url ? ` <${s.url}>` : ''}`).join('; ') || 'none'}`,
    ...p.evidence.map((e) => `"${e.text}" (${e.article}, characters ${e.start}–${e.end})`),
    `Incident: ${base}${p.path}`,
  ];
  return lines.join('\n');
}
