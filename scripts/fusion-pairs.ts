/**
 * What fusion does to the pairs of reports of the development sets, against the gold: the pairs
 * fused that the gold keeps apart (wrong merges, with why they fused: the hand rules or the
 * model's chance) and the pairs of one gold incident left apart (with the veto, the rule that
 * refused them and the model's chance). The loop to live in while changing src/fuse/.
 *
 *   node dist/scripts/fusion-pairs.js                        news-dev and acled-2020-afpak
 *   node dist/scripts/fusion-pairs.js --set dev/news-dev     one set (repeatable)
 *   node dist/scripts/fusion-pairs.js --wrong | --missed     one side only
 *   node dist/scripts/fusion-pairs.js --text                 also each article's text (cut)
 *   node dist/scripts/fusion-pairs.js --fresh                extract again (else cached)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { blocks } from '../src/fuse/articles.js';
import { compatible, wordWeights } from '../src/fuse/compatible.js';
import { cluster, type FusionReport } from '../src/fuse/fuse.js';
import { modelChance, pairReasons, veto } from '../src/fuse/score.js';
import { EVAL, load, show, type SetData } from './fusion-data.js';

const args = process.argv.slice(2);
const sets = args.flatMap((a, i) => (a === '--set' ? [args[i + 1]!] : []));
const wrongOnly = args.includes('--wrong');
const missedOnly = args.includes('--missed');
const withText = args.includes('--text');

/** 1 when the gold says the two are one incident, 0 when two, null when it cannot tell (as fit-fusion labels pairs). */
function label(d: SetData, a: FusionReport, b: FusionReport): 0 | 1 | null {
  const ga = d.goldOf.get(a.key);
  const gb = d.goldOf.get(b.key);
  if (ga !== undefined && gb !== undefined) return ga === gb ? 1 : 0;
  if (ga !== undefined) return d.articlesOf[ga]!.has(b.article) ? 1 : 0;
  if (gb !== undefined) return d.articlesOf[gb]!.has(a.article) ? 1 : 0;
  return null;
}

function main(): number {
  if (!existsSync(join(EVAL, 'score.mjs'))) {
    console.log(`fusion-pairs: ${EVAL} is not here; nothing to show.`);
    return 0;
  }
  for (const set of sets.length ? sets : ['dev/news-dev', 'dev/acled-2020-afpak']) {
    const d = load(set);
    const texts = new Map(d.batch.map((b) => [b.article.id, b.article.text.replace(/\s+/g, ' ')]));
    const clusterOf = new Map<string, number>();
    const weightsOf = new Map<string, ReturnType<typeof wordWeights>>();
    let n = 0;
    for (const [block, rs] of blocks(d.reports)) {
      const w = wordWeights(rs.map((r) => r.incident));
      for (const c of cluster(rs)) {
        for (const r of c) {
          clusterOf.set(r.key, n);
          weightsOf.set(r.key, w);
        }
        n++;
      }
      void block;
    }
    const wrong: string[] = [];
    const missed: string[] = [];
    const why = new Map<string, number>();
    const byBlock = [...blocks(d.reports).values()];
    for (const rs of byBlock) {
      for (let i = 0; i < rs.length; i++) {
        for (let j = i + 1; j < rs.length; j++) {
          const a = rs[i]!;
          const b = rs[j]!;
          if (a.articleKey === b.articleKey) continue;
          const y = label(d, a, b);
          if (y === null) continue;
          const together = clusterOf.get(a.key) === clusterOf.get(b.key);
          const w = weightsOf.get(a.key)!;
          if (together && y === 1) {
            // Right merges, tallied by what merged them.
            const c = compatible(a.incident, b.incident, w, !!a.note && !!b.note);
            const reason = `right: ${c.ok ? `rules: ${c.why}` : 'model'}`;
            why.set(reason, (why.get(reason) ?? 0) + 1);
          }
          if (together === (y === 1)) continue;
          const v = veto(a, b);
          const c = compatible(a.incident, b.incident, w, !!a.note && !!b.note);
          const p = v ? 0 : modelChance(a, b, w);
          const head = together ? `WRONG (${c.ok ? `rules: ${c.why}` : `model p=${p.toFixed(2)}`})` : `MISSED ${v ? `veto: ${v}` : `rules: ${c.why}; model p=${p.toFixed(2)}`}`;
          const reason = together ? (c.ok ? `wrong: rules: ${c.why}` : 'wrong: model') : v ? `missed: veto ${v.replace(/\d+/g, 'N')}` : `missed: ${c.why}`;
          why.set(reason, (why.get(reason) ?? 0) + 1);
          const lines = [`${head}\n  ${a.article}: ${show(a)}\n  ${b.article}: ${show(b)}\n  ${pairReasons(a, b, w).join('; ')}`];
          if (withText) for (const r of [a, b]) lines.push(`  [${r.article}] ${texts.get(r.article)!.slice(0, 400)}`);
          (together ? wrong : missed).push(lines.join('\n'));
        }
      }
    }
    console.log(`\n== ${d.name}: ${wrong.length} pairs fused that the gold keeps apart, ${missed.length} pairs of one gold incident left apart ==`);
    for (const [k, v] of [...why.entries()].sort((x, y) => y[1] - x[1])) console.log(`  ${String(v).padStart(4)}  ${k}`);
    if (!missedOnly) for (const l of wrong) console.log(l);
    if (!wrongOnly) for (const l of missed) console.log(l);
  }
  return 0;
}

process.exitCode = main();
