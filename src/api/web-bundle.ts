/**
 * The desk's page as served: web/'s modules bundled by esbuild when the server starts (one script
 * and a shared chunk, minified, instead of a dozen modules: on HTTP/1.1 a browser fetches six at a
 * time, so the modules came in three waves), with the incident, article and "add news" pages as
 * chunks loaded on demand. Built from web/ at every start into a directory of its own, so it is
 * never older than the sources. Where esbuild is not installed (it is a development dependency)
 * the server serves web/'s modules as they are.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface WebBundle {
  dir: string;
  close(): void;
}

/** Bundle `webDir` into a new directory; null where esbuild is missing or the build fails. */
export async function bundleWeb(webDir: string): Promise<WebBundle | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
  try {
    const topojson = join(dirname(require.resolve('topojson-client')), '..', 'src');
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
    return { dir, close: () => rmSync(dir, { recursive: true, force: true }) };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
