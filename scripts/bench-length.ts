/**
 * `npm run bench -- --length` (or `node dist/scripts/bench-length.js`): how extraction time grows
 * with the length of one article. Three kinds of text × 10,000 / 100,000 / 1,000,000 characters:
 *
 *   sentence  one news sentence repeated ('Gunmen killed three policemen in Peshawar …')
 *   notes     short incident notes written for this benchmark, concatenated (many places,
 *             actors, dates and tolls: the work per incident, many incidents)
 *   token     one long token without spaces (the tokenizer and every regex over a word)
 *
 * Each case runs in its own process (its memory and JIT its own) with a time limit, so that a
 * superlinear case is reported as over the limit instead of stopping the table. The last column
 * is the growth from the previous size: linear is 10×.
 *
 *   --json          one JSON object
 *   --limit-s N     time limit per case (default 120)
 *   --sizes a,b,c   other sizes
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractArticle, loadResources } from '../src/pipeline.js';

export const KINDS = ['sentence', 'notes', 'token'] as const;
export type Kind = (typeof KINDS)[number];

/** Incident notes in the manner of a conflict dataset's, written for this benchmark. */
const NOTES = [
  'On 3 March 2024, unidentified gunmen shot dead two policemen guarding a polio team in Bajaur district, Khyber Pakhtunkhwa.',
  'On 5 March 2024, a roadside bomb struck a Frontier Corps vehicle near Turbat in Kech district, Balochistan, killing one soldier and wounding three.',
  'On 7 March 2024, Taliban fighters attacked a checkpoint in the Nad Ali district of Helmand province; officials said four attackers were killed.',
  'Around 8 March 2024, several hundred traders protested in Quetta against power outages and blocked the main road for two hours. No injuries were reported.',
  'On 10 March 2024, a drone strike hit a house in Mir Ali, North Waziristan; residents said three civilians were killed, while the military said five militants died.',
  'On 12 March 2024, police in Karachi clashed with supporters of a religious party who tried to march on the provincial assembly; 12 people were injured.',
  'On 14 March 2024, al-Shabaab militants fired mortars at the presidential palace in Mogadishu, Banadir. Two shells landed in a market, killing a woman.',
  'On 15 March 2024, Russian forces shelled Kherson city, damaging a hospital and killing a nurse, according to the regional governor.',
  'On 17 March 2024, an IED exploded in a market in Maiduguri, Borno state, Nigeria; Boko Haram was suspected and seven people were killed.',
  'On 19 March 2024, students staged a peaceful sit-in at the University of Peshawar demanding lower fees.',
];

const SENTENCE = 'Gunmen killed three policemen in Peshawar on Monday, police said. ';

export function lengthText(kind: Kind, chars: number): string {
  let unit: string;
  if (kind === 'sentence') unit = SENTENCE;
  else if (kind === 'notes') unit = NOTES.join('\n') + '\n';
  else unit = 'Peshawarkilledpolice';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

interface CaseResult {
  kind: Kind;
  chars: number;
  ms: number | null;
  cpu_ms?: number;
  incidents: number | null;
  error?: string;
}

/** One case, in this process: prints one JSON line. */
function runCase(kind: Kind, chars: number): void {
  loadResources();
  // Warm the JIT on a short text of the same kind, so that the timing is the work's, not the compiler's.
  extractArticle({ id: 'warm', text: lengthText(kind, 2000) });
  const text = lengthText(kind, chars);
  const t = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const r = extractArticle({ id: 'bench', text, published: '2024-03-20' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  // CPU time (user + system) beside wall time: on a shared machine the wall time includes the
  // others' turns, the CPU time does not (it does include the garbage collector's threads).
  console.log(JSON.stringify({ kind, chars, ms: Math.round(ms), cpu_ms: Math.round((cpu.user + cpu.system) / 1000), incidents: r.incidents.length }));
}

export function runLengthBench(opts: { sizes?: number[]; limitS?: number } = {}): CaseResult[] {
  const sizes = opts.sizes ?? [10_000, 100_000, 1_000_000];
  const limitS = opts.limitS ?? 120;
  const me = fileURLToPath(import.meta.url);
  const out: CaseResult[] = [];
  for (const kind of KINDS) {
    for (const chars of sizes) {
      const r = spawnSync(process.execPath, [me, '--case', kind, String(chars)], { encoding: 'utf8', timeout: limitS * 1000 });
      const last = r.stdout?.trim().split('\n').pop() ?? '';
      if (r.error || r.status !== 0 || !last.startsWith('{')) {
        const why = r.signal === 'SIGTERM' ? `over ${limitS} s` : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').pop() ?? ''}`;
        out.push({ kind, chars, ms: null, incidents: null, error: why });
        // A larger text of the same kind would only take longer.
        if (r.signal === 'SIGTERM') break;
        continue;
      }
      out.push(JSON.parse(last) as CaseResult);
    }
  }
  return out;
}

export function formatLengthTable(rows: CaseResult[]): string {
  const lines = ['kind          chars   wall ms    cpu ms   incidents   × previous size (wall)'];
  let prev: CaseResult | null = null;
  for (const r of rows) {
    const growth = prev && prev.kind === r.kind && prev.ms && r.ms ? `${(r.ms / Math.max(prev.ms, 1)).toFixed(1)}×` : '';
    lines.push(
      `${r.kind.padEnd(9)} ${String(r.chars).padStart(9)} ${(r.ms === null ? (r.error ?? '-') : String(r.ms)).padStart(9)} ${String(r.cpu_ms ?? '-').padStart(9)}   ${String(r.incidents ?? '-').padStart(9)}   ${growth}`,
    );
    prev = r;
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const ci = args.indexOf('--case');
  if (ci >= 0) {
    runCase(args[ci + 1] as Kind, Number(args[ci + 2]));
    return;
  }
  const li = args.indexOf('--limit-s');
  const si = args.indexOf('--sizes');
  const rows = runLengthBench({
    limitS: li >= 0 ? Number(args[li + 1]) : undefined,
    sizes: si >= 0 ? args[si + 1]!.split(',').map(Number) : undefined,
  });
  if (args.includes('--json')) console.log(JSON.stringify({ length_scaling: rows }));
  else console.log(`extraction time by text length (one article, one process per case)\n${formatLengthTable(rows)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
