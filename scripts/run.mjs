#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Each brings what a fresh machine
// with only Node and npm lacks (pnpm 10, the packages, Debian's chromium for browser tests).
import { execSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
process.chdir(root);

function quiet(cmd) {
  try {
    return execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/**
 * A test phase in its own process group, with a time limit. A phase that hangs (a worker stuck
 * in a loop, a browser that never answers) is ended with what is still running printed, instead
 * of holding the whole run until CI gives up on it without a word. Whatever the phase leaves
 * behind in its group is ended too: a leftover process holding our output open would keep the
 * run from finishing after its last line.
 */
const UNIT_LIMIT_MS = 30 * 60_000;
const BROWSER_LIMIT_MS = 40 * 60_000;

function bounded(what, limitMs, cmd, args, options = {}, running = null) {
  const child = spawn(cmd, args, { stdio: 'inherit', detached: true, ...options });
  const group = child.pid;
  const killGroup = (signal) => {
    try {
      process.kill(-group, signal);
    } catch {
      // the group is already empty
    }
  };
  const stop = () => killGroup('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`\n✖ ${what}: still running after ${limitMs / 60_000} minutes; what is running:`);
      run('ps', ['-eo', 'pid,ppid,pgid,etime,args', '--forest'], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (running && fs.existsSync(running)) console.error(`\nThe test files (and tests) still running:\n${fs.readFileSync(running, 'utf8')}`);
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
    }, limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup('SIGKILL');
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function must(cmd, args, what) {
  const status = run(cmd, args);
  if (status !== 0) {
    console.error(`\n✖ ${what} failed (exit ${status}).`);
    process.exit(status);
  }
}

/** pnpm 10 on PATH, installed globally if missing; npx as the last resort. */
function ensurePnpm() {
  if (quiet('pnpm --version')?.startsWith('10.')) return ['pnpm'];
  console.log('• Installing pnpm 10 …');
  if (run('npm', ['install', '--global', 'pnpm@10']) === 0 && quiet('pnpm --version')?.startsWith('10.')) return ['pnpm'];
  return ['npx', '--yes', 'pnpm@10'];
}

/** better-sqlite3 compiles against Node's headers; point node-gyp at them when npm has not. */
function ensureNodeHeaders() {
  if (process.env.npm_config_nodedir) return;
  const candidates = [quiet('npm config get nodedir'), path.resolve(path.dirname(process.execPath), '..')];
  const dir = candidates.find((d) => d && d !== 'undefined' && fs.existsSync(path.join(d, 'include', 'node', 'node.h')));
  if (dir) process.env.npm_config_nodedir = dir;
}

/** Debian's PostgreSQL keeps its programs off PATH, in one folder per version. */
function postgresInstalled() {
  const versions = '/usr/lib/postgresql';
  const debian = fs.existsSync(versions) && fs.readdirSync(versions).some((v) => fs.existsSync(path.join(versions, v, 'bin', 'initdb')));
  return debian || quiet('command -v initdb') !== null;
}

const findChromium = () => quiet('command -v chromium') ?? quiet('command -v chromium-browser');

/**
 * What the tests need from Debian: chromium for the browser tests (Playwright cannot download
 * browsers here), PostgreSQL and Redis for the storage and cluster tests, which start private
 * instances of them. Whatever is missing comes in one apt-get install.
 */
function ensureTestPackages() {
  let chromium = process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : findChromium();
  const missing = () => [
    ...(chromium ? [] : ['chromium']),
    ...(postgresInstalled() ? [] : ['postgresql']),
    ...(quiet('command -v redis-server') ? [] : ['redis-server']),
  ];
  const wanted = missing();
  if (wanted.length > 0 && process.getuid?.() === 0 && quiet('command -v apt-get')) {
    console.log(`• Installing Debian ${wanted.join(', ')} for the tests …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // apt-get writes to a file, never to our output: a service that a package's install script
    // starts would inherit it and keep it open after the tests end.
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-apt-')), 'apt.log');
    const apt = (args) => {
      const log = fs.openSync(logFile, 'a');
      try {
        return run('apt-get', args, { env, stdio: ['ignore', log, log] });
      } finally {
        fs.closeSync(log);
      }
    };
    const install = () => apt(['install', '-y', '-qq', ...wanted]);
    // Fetch the package lists only when the install needs them (a fresh image has none).
    if (install() !== 0 && (apt(['update', '-qq']), install()) !== 0) {
      console.error(fs.readFileSync(logFile, 'utf8').slice(-3000));
    }
    chromium ??= findChromium();
  }
  const still = missing();
  if (still.length > 0) {
    console.error(
      `✖ The tests need ${still.join(', ')}: install them (Debian: apt-get install ${still.join(' ')})` +
        (still.includes('chromium') ? ', or set CHROMIUM_PATH.' : '.'),
    );
    process.exit(1);
  }
  process.env.CHROMIUM_PATH = chromium;
}

/**
 * A maintained Node LTS beside the machine's own, from the npm registry's `node` package, which
 * carries the whole distribution (binary and headers). Kept in `.node/<major>` between runs.
 */
function ensureNode(major) {
  const prefix = path.join(root, '.node', String(major));
  const bin = path.join(prefix, 'node_modules', 'node', 'bin', 'node');
  const headers = path.join(prefix, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  const ready = () => quiet(`"${bin}" --version`)?.startsWith(`v${major}.`) && fs.existsSync(path.join(headers, 'include', 'node', 'node.h'));
  if (!ready()) {
    console.log(`• Installing Node ${major} from the npm registry …`);
    fs.mkdirSync(prefix, { recursive: true });
    // The package's install script fetches the platform's binary package from the same registry.
    must('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--foreground-scripts', '--prefix', prefix, `node@${major}`], `Installing Node ${major}`);
  }
  if (!ready()) {
    console.error(`✖ Node ${major} did not install into ${prefix}.`);
    process.exit(1);
  }
  return { bin, binDir: path.dirname(bin), headers };
}

/** The installed better-sqlite3 package (a dependency of the server). */
function sqlitePackageDir() {
  const require = createRequire(path.join(root, 'server', 'package.json'));
  return fs.realpathSync(path.dirname(require.resolve('better-sqlite3/package.json')));
}

/**
 * better-sqlite3 is a native module built for one Node ABI. Its binary for another Node is built
 * once from a copy of the package's sources (with that Node's headers: node-gyp cannot download
 * them here) and kept beside that Node, so the installed package itself is never rebuilt.
 */
function sqliteBinaryFor(node, major) {
  // Keyed by the package's version too: an upgraded better-sqlite3 gets a binary of its own.
  const { version } = JSON.parse(fs.readFileSync(path.join(sqlitePackageDir(), 'package.json'), 'utf8'));
  const built = path.join(root, '.node', String(major), `better_sqlite3-${version}.node`);
  if (fs.existsSync(built)) return built;
  console.log(`• Building better-sqlite3 for Node ${major} …`);
  const source = path.join(root, '.node', String(major), 'better-sqlite3');
  fs.rmSync(source, { recursive: true, force: true });
  fs.cpSync(sqlitePackageDir(), source, { recursive: true, dereference: true, filter: (from) => !from.includes(`${path.sep}build${path.sep}`) && !from.endsWith(`${path.sep}build`) });
  const gyp = path.join(quiet('npm root --global') ?? '', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  // npm_config_nodedir (set for this Node's own builds) would win over --nodedir: replace it.
  const env = { ...process.env, npm_config_nodedir: node.headers };
  const status = run(node.bin, [gyp, 'rebuild', '--release', `--nodedir=${node.headers}`, `-j`, String(os.availableParallelism?.() ?? 2)], { cwd: source, env });
  if (status !== 0) return null;
  const product = path.join(source, 'build', 'Release', 'better_sqlite3.node');
  // A binary for the wrong ABI would fail every test with a loader error: check it loads first.
  if (run(node.bin, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(product)})`]) !== 0) return null;
  fs.copyFileSync(product, built);
  fs.rmSync(source, { recursive: true, force: true });
  return built;
}

/**
 * Puts `binary` in place of the installed better-sqlite3 binary and returns how to put the
 * original back. The original is renamed, never written, as it may be a hard link into pnpm's
 * store. A run killed in between is repaired by the next (restoreSqliteBinary at the start).
 * So two test runs in one checkout must not overlap this phase: the other would load the wrong
 * ABI (better-sqlite3's nativeBinding option would avoid the swap, but every `new Database` in
 * the server and the tests would have to pass it).
 */
function swapSqliteBinary(binary) {
  const installed = path.join(sqlitePackageDir(), 'build', 'Release', 'better_sqlite3.node');
  fs.renameSync(installed, `${installed}.own`);
  fs.copyFileSync(binary, installed);
  return () => restoreSqliteBinary();
}

function restoreSqliteBinary() {
  let installed;
  try {
    installed = path.join(sqlitePackageDir(), 'build', 'Release', 'better_sqlite3.node');
  } catch {
    return;
  }
  if (!fs.existsSync(`${installed}.own`)) return;
  fs.rmSync(installed, { force: true });
  fs.renameSync(`${installed}.own`, installed);
}

/** The unit and integration suites once more on another Node LTS, with its own SQLite binary. */
async function unitOnNode(major) {
  const node = ensureNode(major);
  const binary = sqliteBinaryFor(node, major);
  if (!binary) {
    console.error(`✖ Building better-sqlite3 for Node ${major} failed.`);
    return 1;
  }
  const restore = swapSqliteBinary(binary);
  try {
    console.log(`\n• Unit and integration tests on ${quiet(`"${node.bin}" --version`)} …`);
    // That Node first on PATH too, so every server and CLI the tests start runs on it as well.
    const running = `tests/.tmp/running-node${major}.txt`;
    const env = { ...process.env, PATH: `${node.binDir}${path.delimiter}${process.env.PATH}`, SAKUTEI_RUNNING_FILE: running };
    const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
    return await bounded(
      `unit + integration on Node ${major}`,
      UNIT_LIMIT_MS,
      node.bin,
      [vitest, 'run', '--reporter=dot', `--reporter=${RUNNING_REPORTER}`, '--reporter=json', `--outputFile.json=tests/.tmp/vitest-node${major}.json`],
      { env },
      running,
    );
  } finally {
    restore();
  }
}

const RUNNING_REPORTER = './tests/support/runningReporter.mjs';

/**
 * The failed tests of every phase, one line each, at the very end of the output: CI shows only
 * its last lines, and a failure printed twenty minutes earlier is not among them.
 */
function printFailures() {
  const lines = [];
  const firstLine = (message) => String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';
  for (const [file, phase] of [['tests/.tmp/vitest.json', 'Node 20'], ['tests/.tmp/vitest-node22.json', 'Node 22']]) {
    for (const result of readJson(file)?.testResults ?? []) {
      const where = path.relative(root, result.name);
      const failedTests = result.assertionResults.filter((a) => a.status === 'failed');
      for (const a of failedTests) lines.push(`✖ [${phase}] ${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
      if (result.status === 'failed' && failedTests.length === 0) lines.push(`✖ [${phase}] ${where}: ${firstLine(result.message)}`);
    }
  }
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const error = test.results?.at(-1)?.error?.message;
        lines.push(`✖ [browser] ${spec.file} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of readJson('tests/.tmp/playwright.json')?.suites ?? []) walk(suite, []);
  if (lines.length > 0) console.log(`\nFailed:\n${lines.join('\n')}`);
}

function countResults() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of ['tests/.tmp/vitest.json', 'tests/.tmp/vitest-node22.json']) {
    const vitest = readJson(file);
    if (!vitest) continue;
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  const pw = readJson('tests/.tmp/playwright.json');
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected;
    skipped += pw.stats.skipped;
  }
  return { passed, failed, skipped };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const pnpm = ensurePnpm();
const p = (args, what) => must(pnpm[0], [...pnpm.slice(1), ...args], what);
ensureNodeHeaders();
p(['install', '--frozen-lockfile'], 'Installing packages');
// A test run ended while the suites ran on another Node leaves that Node's SQLite binary in place.
restoreSqliteBinary();

if (mode === 'start') {
  p(['--filter', '@sakutei/client', 'build'], 'Building the client');
  const child = spawn(pnpm[0], [...pnpm.slice(1), 'exec', 'tsx', 'server/src/main.ts'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else if (mode === 'dev') {
  const server = spawn(pnpm[0], [...pnpm.slice(1), 'exec', 'tsx', 'watch', 'server/src/main.ts'], { stdio: 'inherit' });
  const client = spawn(pnpm[0], [...pnpm.slice(1), '--filter', '@sakutei/client', 'dev'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => [server, client].forEach((c) => c.kill(signal)));
} else if (mode === 'test') {
  ensureTestPackages();
  fs.rmSync('tests/.tmp', { recursive: true, force: true });
  fs.mkdirSync('tests/.tmp', { recursive: true });
  p(['exec', 'tsc', '-b'], 'Type checking');
  p(['--filter', '@sakutei/client', 'build'], 'Building the client');
  const unit = await bounded(
    'unit + integration',
    UNIT_LIMIT_MS,
    pnpm[0],
    [...pnpm.slice(1), 'exec', 'vitest', 'run', '--reporter=default', `--reporter=${RUNNING_REPORTER}`, '--reporter=json', '--outputFile.json=tests/.tmp/vitest.json'],
    { env: { ...process.env, SAKUTEI_RUNNING_FILE: 'tests/.tmp/running.txt' } },
    'tests/.tmp/running.txt',
  );
  const e2e = await bounded('browser', BROWSER_LIMIT_MS, pnpm[0], [...pnpm.slice(1), 'exec', 'playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']);
  // Node 20 is out of maintenance: the suites must pass on the LTS that production should run.
  const lts = process.env.SAKUTEI_SKIP_NODE22 === '1' ? 0 : await unitOnNode(22);
  const { passed, failed, skipped } = countResults();
  printFailures();
  console.log(`\nunit + integration: ${unit === 0 ? 'ok' : 'FAILED'}; browser: ${e2e === 0 ? 'ok' : 'FAILED'}; unit + integration on Node 22: ${lts === 0 ? 'ok' : 'FAILED'}`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(unit === 0 && e2e === 0 && lts === 0 && passed > 0 ? 0 : 1);
} else {
  console.error('usage: node scripts/run.mjs start|test|dev');
  process.exit(2);
}
