/**
 * The desk's page as served: web/'s modules bundled by esbuild when the server starts (one script
 * and a shared chunk, minified, instead of a dozen modules: on HTTP/1.1 a browser fetches six at a
 * time, so the modules came in three waves), with the incident, article and "add news" pages as
 * chunks loaded on demand. Kept in node_modules/.cache/sitrep-web/, in a directory named by a
 * hash of web/'s files and esbuild's version, so it is never older than the sources, is built once per version (a later start, or a
 * second server, finds it), and nothing is left behind per start. Where esbuild is not installed
 * (it is a development dependency) the server serves web/'s modules as they are.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface WebBundle {
  dir: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/** Bundle `webDir` into a new directory; null where esbuild is missing or the build fails. */
export async function bundleWeb(webDir: string): Promise<WebBundle | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const topojson = join(dirname(require.resolve('topojson-client')), '..', 'src');
  const hash = createHash('sha256').update(esbuild.version).update(topojson);
  for (const f of filesUnder(webDir)) hash.update(f.slice(webDir.length)).update(readFileSync(f));
  // In the project's node_modules/.cache (where esbuild is installed), not in a shared /tmp where
  // another user could place a directory of that name first.
  const cache = join(webDir, '..', 'node_modules', '.cache', 'sitrep-web');
  const final = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(final)) return { dir: final };
  let dir: string;
  try {
    mkdirSync(cache, { recursive: true });
    // Built aside, then renamed into place at once: a directory under the final name is complete.
    dir = mkdtempSync(`${final}-`);
  } catch {
    return null;
  }
  try {
    const built = await esbuild.build({
      metafile: true,
      entryPoints: [join(webDir, 'js', 'app.js')],
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: 'linked',
      outdir: join(dir, 'js'),
      logLevel: 'silent',
      plugins: [
        {
          // The page imports topojson-client's modules from the server's /vendor/ path.
          name: 'vendor',
          setup(b) {
            b.onResolve({ filter: /^\/vendor\/topojson-client\// }, (a) => ({ path: join(topojson, a.path.slice('/vendor/topojson-client/'.length)) }));
          },
        },
      ],
    });
    // The chunks the entry imports statically, preloaded with it (else they are found only once
    // it has arrived and been parsed: one more round trip before the page runs).
    const entry = Object.entries(built.metafile.outputs).find(([, o]) => o.entryPoint !== undefined);
    const preloads = (entry?.[1].imports ?? [])
      .filter((i) => i.kind === 'import-statement' && !i.external)
      .map((i) => `  <link rel="modulepreload" href="/js/${i.path.split('/').pop()}">\n`)
      .join('');
    // Everything else in web/ as it is (style.css); index.html with the bundle's preloads for the modules'.
    for (const f of readdirSync(webDir)) {
      if (f === 'js' || !statSync(join(webDir, f)).isFile()) continue;
      if (f === 'index.html') {
        const html = readFileSync(join(webDir, f), 'utf8')
          .replace(/^\s*<!--[^\n]*modules?[^\n]*-->\n/m, '')
          .replace(/^\s*<link rel="modulepreload"[^\n]*\n/gm, '')
          .replace(/(<script type="module" src="\/js\/app.js"><\/script>\n)/, `$1${preloads}`);
        writeFileSync(join(dir, f), html);
      } else copyFileSync(join(webDir, f), join(dir, f));
    }
    try {
      renameSync(dir, final);
    } catch {
      // Another server built the same version first.
      rmSync(dir, { recursive: true, force: true });
    }
    return { dir: final };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
