/**
 * Analysts' edits as overlays. Fusion writes an incident's `base`; the edits are kept apart, each
 * with its author and time, and laid over the base to make the `view` that listings and exports
 * read. Re-running extraction or fusion rewrites the base only, so an edit is never lost: it is
 * simply laid over the new base again.
 */
import { INCIDENT_FIELDS, ReportIncident } from '../core/report.js';
import { SUB_EVENT_TYPES, type SubEventType } from '../core/types.js';
import { fuseValues, type FusedIncident } from '../fuse/fuse.js';

export interface EditRow {
  id: number;
  incident_id: string;
  author: string;
  at: string;
  action: string;
  field: string | null;
  value: string | null;
  note: string | null;
}

export type IncidentStatus = 'new' | 'reviewed' | 'rejected' | 'merged' | 'orphaned';

export type IncidentView = FusedIncident & {
  id: string;
  status: IncidentStatus;
  merged_into: string | null;
  /** Fields an analyst set or cleared: who, when, and the value the extraction had given. */
  edited: Record<string, { author: string; at: string; extracted: unknown; note?: string }>;
  /** Every edit of this incident, oldest first. */
  edits: Array<{ action: string; field?: string; value?: unknown; author: string; at: string; note?: string }>;
};

const EDITABLE = new Set<string>([...INCIDENT_FIELDS, 'background']);

/** Why a value cannot be set on a field, or null if it can. */
export function checkField(field: string, value: unknown): string | null {
  if (!EDITABLE.has(field)) return `unknown field "${field}" (editable: ${[...EDITABLE].join(', ')})`;
  const schema = ReportIncident.shape[field as keyof typeof ReportIncident.shape];
  const r = schema.safeParse(value);
  if (!r.success) return value === null ? `${field} cannot be cleared` : `bad value for ${field}: ${r.error.issues[0]?.message ?? 'invalid'}`;
  return null;
}

/**
 * Replay the merges and splits, oldest first, over fusion's membership: which report keys each
 * incident holds after the analysts' structural edits, and which incident each merged one went into.
 */
export function replayStructure(
  bases: Map<string, FusedIncident>,
  structural: EditRow[],
  articleOf: (key: string) => string | null,
): { members: Map<string, Set<string>>; mergedInto: Map<string, string> } {
  const members = new Map<string, Set<string>>();
  for (const [id, b] of bases) members.set(id, new Set(b.reports));
  const mergedInto = new Map<string, string>();
  const get = (id: string) => {
    let s = members.get(id);
    if (!s) members.set(id, (s = new Set()));
    return s;
  };
  for (const e of structural) {
    const v = e.value ? (JSON.parse(e.value) as { other?: string; articles?: string[]; into?: string }) : {};
    if (e.action === 'merge' && v.other) {
      const into = get(e.incident_id);
      for (const k of get(v.other)) into.add(k);
      members.set(v.other, new Set());
      mergedInto.set(v.other, e.incident_id);
    } else if (e.action === 'split' && v.into && v.articles) {
      const from = get(e.incident_id);
      const to = get(v.into);
      const out = new Set(v.articles);
      for (const k of [...from]) {
        const a = articleOf(k);
        if (a !== null && out.has(a)) {
          from.delete(k);
          to.add(k);
        }
      }
    }
  }
  return { members, mergedInto };
}

/** The view of one incident: its fused values (or its last base when no report is left), with the edits on top. */
export function applyEdits(
  id: string,
  base: FusedIncident,
  fused: FusedIncident | null,
  fieldEdits: EditRow[],
  mergedInto: string | null,
  structural: EditRow[],
): IncidentView {
  const v = { ...(fused ?? { ...base, reports: [], articles: [], sources: [] }) } as FusedIncident;
  const values = v as unknown as Record<string, unknown>;
  v.trace = { ...v.trace };
  let status: IncidentStatus = 'new';
  const edited: IncidentView['edited'] = {};
  const all = [...fieldEdits, ...structural].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  for (const e of fieldEdits) {
    if (e.action === 'set' || e.action === 'clear') {
      const f = e.field!;
      const value = e.action === 'clear' ? null : (JSON.parse(e.value ?? 'null') as unknown);
      if (!(f in edited)) edited[f] = { author: e.author, at: e.at, extracted: values[f] ?? null };
      else edited[f] = { ...edited[f]!, author: e.author, at: e.at };
      if (e.note) edited[f]!.note = e.note;
      values[f] = value;
      v.trace[f] = { rule: 'analyst-edit', note: `${e.author}, ${e.at}`, evidence: [] };
      if (f === 'sub_event_type' && typeof value === 'string' && value in SUB_EVENT_TYPES) {
        // The event type follows from the sub-event type in ACLED's codebook.
        values.event_type = SUB_EVENT_TYPES[value as SubEventType];
      }
    } else if (e.action === 'review') status = 'reviewed';
    else if (e.action === 'reject') status = 'rejected';
    else if (e.action === 'reopen') status = 'new';
  }
  if (!fused) status = 'orphaned';
  if (mergedInto) status = 'merged';
  return {
    ...v,
    id,
    status,
    merged_into: mergedInto,
    edited,
    edits: all.map((e) => ({
      action: e.action,
      ...(e.field ? { field: e.field } : {}),
      ...(e.value !== null ? { value: JSON.parse(e.value) as unknown } : {}),
      author: e.author,
      at: e.at,
      ...(e.note ? { note: e.note } : {}),
    })),
  };
}

export { fuseValues };
