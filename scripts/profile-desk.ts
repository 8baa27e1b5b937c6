/**
 * Where the desk's first load goes: opens the desk in headless Chromium (a new profile each time)
 * and prints, per load, when it was drawn (body[data-ready=true]), each resource's start, request,
 * first byte and end (ms from navigation) with its size and the server's `Server-Timing`, the
 * long tasks, and the page's functions by self time (a CPU profile; written to
 * profile-desk-N.cpuprofile for Chrome's DevTools).
 *
 *   node dist/scripts/profile-desk.js http://127.0.0.1:8787/ [loads]
 *
 * Start the server first (`sitrep serve --db big.db --anonymous viewer`).
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? 'http://127.0.0.1:8787/';
  const runs = Number(process.argv[3] ?? 2);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await ctx.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __lt: number[][]; __ready?: number };
        w.__lt = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.__lt.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
        new MutationObserver(() => {
          if (document.body?.dataset.ready === 'true' && w.__ready === undefined) w.__ready = performance.now();
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
      });
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      writeFileSync(`profile-desk-${i}.cpuprofile`, JSON.stringify(profile));
      const r = await page.evaluate(() => {
        const w = window as unknown as { __lt: number[][]; __ready?: number };
        return {
          ready: Math.round(w.__ready ?? NaN),
          res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
            n: e.name.replace(location.origin, '').slice(0, 80),
            t: [e.startTime, e.requestStart, e.responseStart, e.responseEnd].map((x) => String(Math.round(x)).padStart(5)).join(' '),
            kb: (e.encodedBodySize / 1024).toFixed(1),
            srv: e.serverTiming.map((s) => `${s.name}=${s.duration.toFixed(1)}ms`).join(' '),
          })),
          lt: w.__lt,
        };
      });
      console.log(`load ${i}: drawn at ${r.ready} ms`);
      console.log('  start   req first   end      KB  resource');
      for (const x of r.res) console.log(`  ${x.t} ${x.kb.padStart(7)}  ${x.n} ${x.srv}`);
      console.log(`  long tasks [start, ms]: ${JSON.stringify(r.lt)}`);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, k) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0));
      });
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
      console.log(`  self time: ${top.map(([k, us]) => `${k} ${(us / 1000).toFixed(0)} ms`).join(' | ')}`);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
