/**
 * The `sitrep` command line. Exit codes:
 *   0  every input went through
 *   1  some inputs failed (each named on stderr); the others went through and are in the output
 *   2  bad usage, or no input could be read at all
 *   70 an internal error (a bug: please report it)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { Report } from '../core/report.js';
import { buildReport, runInputs, VERSION } from '../run.js';
import { formatSummary } from './summary.js';
import { registerStoreCommands } from './store-commands.js';
import { registerServeCommands } from './serve-commands.js';
import { registerQueueCommands } from './queue-commands.js';
import { registerAlertCommands } from './alert-commands.js';

export const EXIT = { OK: 0, PARTIAL: 1, USAGE: 2, INTERNAL: 70 } as const;

const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

function isoDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  }
  return v;
}

async function extract(inputs: string[], opts: { published?: string; json?: boolean; out?: string; perArticle?: boolean }): Promise<number> {
  const run = await runInputs(inputs, { published: opts.published });
  for (const p of run.problems) process.stderr.write(`sitrep: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  const output = opts.json ? JSON.stringify(buildReport(run, { fuse: !opts.perArticle }), null, 1) + '\n' : formatSummary(run.results);
  if (opts.out) writeFileSync(opts.out, output);
  else await writeStdout(output);
  if (run.problems.length === 0) return EXIT.OK;
  return run.results.length > 0 ? EXIT.PARTIAL : EXIT.USAGE;
}

function writeStdout(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(s, (err) => (err ? reject(err) : resolve()));
  });
}

export function buildProgram(setCode: (c: number) => void): Command {
  const program = new Command('sitrep')
    .description('Turns conflict news into an incident database, with the evidence for every field.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('extract')
    .description('extract incidents, quotes and claims from articles (.txt, .html, .jsonl, a directory, or - for stdin)')
    .argument('<inputs...>', 'files, directories, or - for standard input')
    .option('--published <YYYY-MM-DD>', 'publication date of plain-text inputs', isoDate)
    .option('--json', "write FORMAT.md's JSON report instead of the readable summary")
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--per-article', 'keep each article\'s reports apart (no fusion across articles)')
    .action(async (inputs: string[], opts) => setCode(await extract(inputs, opts)));

  program
    .command('schema')
    .description('print the JSON Schema of the --json report')
    .action(() => {
      process.stdout.write(JSON.stringify(z.toJSONSchema(Report, { io: 'output', unrepresentable: 'any' }), null, 2) + '\n');
      setCode(EXIT.OK);
    });

  program
    .command('demo')
    .description('extract the bundled example articles and print what was found, with its evidence')
    .option('--json', 'print the JSON report')
    .action(async (opts: { json?: boolean }) => {
      process.stdout.write(`sitrep ${VERSION}: extracting the bundled examples in ${EXAMPLES_DIR}\n\n`);
      setCode(await extract([EXAMPLES_DIR], { json: opts.json }));
    });

  registerStoreCommands(program, setCode);
  registerServeCommands(program, setCode);
  registerQueueCommands(program, setCode);
  registerAlertCommands(program, setCode);
  return program;
}

async function main(): Promise<void> {
  let code: number = EXIT.OK;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') code = EXIT.OK;
      else code = EXIT.USAGE;
    } else {
      process.stderr.write(`sitrep: internal error: ${(e as Error).stack ?? String(e)}\n`);
      code = EXIT.INTERNAL;
    }
  }
  process.exitCode = code;
}

await main();
