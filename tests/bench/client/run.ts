import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { killAll, killChildrenOnExit } from '../children';
import { ROOT } from '../servers/process';
import { type Summary, summarize } from '../stats';
import { launchBrowser } from './browser';
import { bundleReport, renderBundleReport } from './bundle';
import { type LoadSample, measurePageLoads } from './pageLoad';
import { measureScroll } from './scroll';
import { startClientBenchServer } from './server';
import { measureTyping } from './typing';

/**
 * `pnpm bench:client [--quick] [--build] [--only=load,typing,scroll] [--port=18812]
 *   [--client-dir=DIR] [--server-root=DIR] [--out=FILE]`
 *
 * The client as a person meets it: the real server (SQLite, demo seeded, its own data folder
 * and port) serving the built client, driven by Chromium. Prints a table of figures and
 * writes them to tests/.tmp/bench-client.json. Not a test: nothing fails on a missed target.
 * --client-dir and --server-root measure another build or checkout (a before/after pair).
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    build: { type: 'boolean' },
    only: { type: 'string' },
    port: { type: 'string' },
    'client-dir': { type: 'string' },
    'server-root': { type: 'string' },
    out: { type: 'string' },
  },
});

const quick = values.quick === true;
const settings = {
  mode: quick ? 'quick' : 'full',
  loadRuns: quick ? 3 : 9,
  keystrokes: quick ? 60 : 250,
  rows: 2000,
  scrollSeconds: quick ? 3 : 6,
  port: Number(values.port ?? 18812),
};
const SCENARIOS = ['load', 'typing', 'scroll'] as const;
const only = new Set(values.only ? values.only.split(',') : SCENARIOS);
for (const name of only) if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${name} (one of ${SCENARIOS.join(', ')})`);

const serverRoot = path.resolve(values['server-root'] ?? ROOT);
const clientDir = path.resolve(values['client-dir'] ?? path.join(serverRoot, 'client/dist'));
const outFile = path.resolve(values.out ?? path.join(ROOT, 'tests/.tmp/bench-client.json'));
const dataDir = path.join(ROOT, `tests/.tmp/bench-client-data-${settings.port}`);

const log = (line: string) => console.error(line);

function machine() {
  const cpus = os.cpus();
  const chromium = (() => {
    try {
      return execFileSync(process.env.CHROMIUM_PATH ?? 'chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
    loadAverage: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** The 1-minute load average: on a shared machine, the context every figure needs. */
const load1 = () => Number(os.loadavg()[0]!.toFixed(1));

type Line = { figure: string; summary?: Summary; value?: string; target?: { p95Max: number } | { max: number } | { valueMax: number } };

function fmt(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  return v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

function render(sections: Array<{ title: string; lines: Line[]; load?: [number, number] }>): string {
  const out = [`${'figure'.padEnd(46)} ${'n'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ${'target'.padEnd(10)} met`];
  out.push(`${'-'.repeat(46)} ${'-'.repeat(5)} ${'-'.repeat(8)} ${'-'.repeat(8)} ${'-'.repeat(8)}  ${'-'.repeat(10)} ---`);
  for (const section of sections) {
    out.push(`[${section.title}]${section.load ? `  load ${section.load[0]} → ${section.load[1]}` : ''}`);
    for (const line of section.lines) {
      let target = '';
      let met = '';
      if (line.target && 'p95Max' in line.target && line.summary) {
        target = `p95 ≤ ${line.target.p95Max}`;
        met = line.summary.p95 <= line.target.p95Max ? 'yes' : 'NO';
      } else if (line.target && 'max' in line.target && line.summary) {
        target = `max ≤ ${line.target.max}`;
        met = line.summary.max <= line.target.max ? 'yes' : 'NO';
      } else if (line.target && 'valueMax' in line.target) {
        target = `≤ ${line.target.valueMax}`;
        met = Number(line.value) <= line.target.valueMax ? 'yes' : 'NO';
      }
      const s = line.summary;
      const cells = s
        ? [String(s.count).padStart(5), fmt(s.p50).padStart(8), fmt(s.p95).padStart(8), fmt(s.max).padStart(8)]
        : ['', '', '', (line.value ?? '').padStart(8)].map((c, i) => (i < 3 ? c.padStart(i === 0 ? 5 : 8) : c));
      out.push(`  ${line.figure.padEnd(44)} ${cells.join(' ')}  ${target.padEnd(10)} ${met}`);
    }
  }
  return out.join('\n');
}

const kb = (samples: LoadSample[]) => summarize(samples.map((s) => s.transferBytes / 1024));

async function main() {
  killChildrenOnExit();
  if (values.build || !fs.existsSync(path.join(clientDir, 'index.html'))) {
    log('building the client…');
    execFileSync('pnpm', ['--filter', '@sakutei/client', 'build'], { cwd: serverRoot, stdio: 'inherit' });
  }
  const bundle = bundleReport(clientDir);
  const editorFiles = new Set(bundle.routes.slice(1).filter((r) => r.name.includes('PlanPage')).flatMap((r) => r.files.map((f) => `/${f}`)));

  // The 2,000 rows take a while to send; only the scrolling scenario needs them.
  const rows = only.has('scroll') ? settings.rows : 0;
  log(`starting the server on port ${settings.port}${rows ? ` and filling a plan with ${rows} rows` : ''}…`);
  const startedAt = Date.now();
  const server = await startClientBenchServer({ serverRoot, dataDir, clientDir, port: settings.port, rows });
  log(`  ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const browser = await launchBrowser();
  const sections: Array<{ title: string; lines: Line[]; load?: [number, number] }> = [];
  const loadAt: Record<string, [number, number]> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const before = load1();
    const result = await fn();
    loadAt[name] = [before, load1()];
    return result;
  };
  const raw: Record<string, unknown> = {};
  try {
    if (only.has('load')) {
      log(`page loads at 4× CPU, 10 Mbit/s, 40 ms (${settings.loadRuns} runs)…`);
      const loads = await timed('load', () => measurePageLoads(browser, server.url, server.demoPlanId, settings.loadRuns, log));
      raw.loads = loads;
      const ms = (samples: LoadSample[]) => summarize(samples.map((s) => s.ms));
      const editorOnListPages = [...loads.signIn, ...loads.planList].some((s) => s.files.some((f) => editorFiles.has(f)));
      sections.push({
        title: 'page loads: 4× CPU slowdown, 10 Mbit/s, 40 ms latency',
        load: loadAt.load,
        lines: [
          { figure: 'sign-in form ready, cold cache ms', summary: ms(loads.signIn) },
          { figure: 'plan list ready, cold cache ms', summary: ms(loads.planList) },
          { figure: 'editor chunk fetched by those two pages', value: editorOnListPages ? 'YES' : 'no' },
          { figure: 'usable editor, demo plan, cold cache ms', summary: ms(loads.editorCold), target: { p95Max: 1500 } },
          { figure: 'usable editor, demo plan, warm cache ms', summary: ms(loads.editorWarm), target: { p95Max: 1500 } },
          { figure: 'sign-in: KB over the network', summary: kb(loads.signIn) },
          { figure: 'editor cold: KB over the network', summary: kb(loads.editorCold) },
          { figure: 'editor warm: KB over the network', summary: kb(loads.editorWarm) },
          { figure: 'runs abandoned (a page not ready in 60 s)', value: String(loads.failedRuns) },
          { figure: 'editor warm: files from cache, no request', value: `${loads.editorWarm.at(-1)?.fromCache ?? 0} of ${(loads.editorWarm.at(-1)?.requests ?? 1) - 1}` },
        ],
      });
    }
    if (only.has('typing')) {
      log(`typing ${settings.keystrokes} letters with a co-editor watching…`);
      const typing = await timed('typing', () => measureTyping(browser, server.url, server.demoPlanId, settings.keystrokes));
      raw.typing = typing;
      sections.push({
        title: 'typing, two co-editors, loopback, no slowdown',
        load: loadAt.typing,
        lines: [
          { figure: 'keydown → character in the DOM ms', summary: summarize(typing.local.dom) },
          { figure: 'keydown → keystroke handled (paintable) ms', summary: summarize(typing.local.idle), target: { p95Max: 16 } },
          { figure: 'keydown → next animation frame ms', summary: summarize(typing.local.frame) },
          { figure: "keydown in A → character in B's DOM ms", summary: summarize(typing.remote), target: { p95Max: 50 } },
        ],
      });
    }
    if (only.has('scroll')) {
      log(`scrolling the ${settings.rows}-row measure table for ${settings.scrollSeconds} s…`);
      const scroll = await timed('scroll', () => measureScroll(browser, server.url, server.bigPlanId, settings.rows, settings.scrollSeconds));
      raw.scroll = scroll;
      const frames = summarize(scroll.frames);
      sections.push({
        title: `scrolling ${settings.rows} measure rows (${scroll.rowsInDom} rows in the DOM, scrolled by ${scroll.scroller})`,
        load: loadAt.scroll,
        lines: [
          { figure: 'open the 施策・事業 tab (click → rows painted) ms', value: fmt(scroll.openMs) },
          { figure: 'frame duration while scrolling ms', summary: frames, target: { max: 50 } },
          { figure: 'frames over 50 ms', value: String(scroll.frames.filter((f) => f > 50).length), target: { valueMax: 0 } },
          { figure: 'long animation frames reported', value: scroll.longFrames === null ? 'unsupported' : String(scroll.longFrames.length) },
          { figure: 'pixels scrolled', value: String(scroll.scrolledPx) },
        ],
      });
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const report = { when: new Date().toISOString(), settings, clientDir, serverRoot, machine: machine(), bundle, sections, raw };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(report, null, 2));
  console.log(renderBundleReport(bundle));
  console.log(`assets ${bundle.precompressed ? 'pre-compressed (.br, .gz)' : 'not pre-compressed'}\n`);
  console.log(render(sections));
  console.log(`\nmachine: ${report.machine.cpu}, ${report.machine.memoryGiB} GiB, ${report.machine.node}, ${report.machine.chromium}`);
  console.log('load: the 1-minute load average before → after each section (other processes share the cores)');
  console.log(`figures: ${path.relative(process.cwd(), outFile)}`);
}

main().catch((err) => {
  console.error(err);
  killAll();
  process.exit(1);
});
