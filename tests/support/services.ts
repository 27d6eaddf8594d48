import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A private server for one test run, on loopback; `stop` ends it and deletes its files. */
export type Service = { url: string; stop(): Promise<void> };

/** How long a freshly started server may take to accept connections. */
const READY_TIMEOUT_MS = 30_000;
/** Attempts at starting on a free port, in case another process takes the port meanwhile. */
const PORT_ATTEMPTS = 3;

const POSTGRES_VERSIONS = '/usr/lib/postgresql';

/** Which Debian package brings which server. */
const PACKAGES = { postgres: 'postgresql', redis: 'redis-server' } as const;

/**
 * Installs the Debian packages of the servers that are missing, with one apt-get for all of
 * them. Only as root with apt-get; elsewhere it throws, naming what to install.
 */
export function ensureServicePackages(which: Array<keyof typeof PACKAGES> = ['postgres', 'redis']): void {
  const missing = which.filter((service) => (service === 'postgres' ? postgresBinDir() : findExecutable('redis-server')) === null);
  installDebianPackages(missing.map((service) => PACKAGES[service]));
}

/** A private PostgreSQL: its own cluster in a temp folder, trust auth, 127.0.0.1 only. */
export async function startPostgres(): Promise<Service> {
  ensureServicePackages(['postgres']);
  const bin = postgresBinDir()!;
  const owner = postgresOwner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-pg-'));
  try {
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    const data = path.join(dir, 'data');
    // No fsync of the new cluster's files: it lives as long as this test run.
    await runToEnd(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      cwd: dir,
      owner,
    });
    const { port, child } = await startOnFreePort(dir, 'postgres.log', (p) => ({
      command: path.join(bin, 'postgres'),
      // The socket goes in the temp folder: the system's socket folder may not exist or be ours.
      args: ['-D', data, '-p', String(p), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      owner,
      ready: () => acceptsQueries(`postgres://postgres@127.0.0.1:${p}/postgres`),
    }));
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is waited for.
      stop: () => stopChild(child, 'SIGINT').then(() => removeDir(dir)),
    };
  } catch (err) {
    removeDir(dir);
    throw err;
  }
}

/** A private Redis in a temp folder, nothing persisted, 127.0.0.1 only. */
export async function startRedis(): Promise<Service> {
  ensureServicePackages(['redis']);
  const redis = findExecutable('redis-server')!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-redis-'));
  try {
    const { port, child } = await startOnFreePort(dir, 'redis.log', (p) => ({
      command: redis,
      args: ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir],
      owner: null,
      ready: () => answersPing(p),
    }));
    return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM').then(() => removeDir(dir)) };
  } catch (err) {
    removeDir(dir);
    throw err;
  }
}

type Owner = { uid: number; gid: number };
type Launch = { command: string; args: string[]; owner: Owner | null; ready: () => Promise<boolean> };

/**
 * Starts a server on a port that was free a moment ago and waits until it answers. Its output
 * goes to a file in `dir` (a pipe nobody reads would stall it once full) and is quoted when it
 * fails to start.
 */
async function startOnFreePort(dir: string, logName: string, launch: (port: number) => Launch) {
  const logFile = path.join(dir, logName);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const { command, args, owner, ready } = launch(port);
    const log = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', log, log], ...(owner ?? {}) });
    fs.closeSync(log);
    try {
      await waitUntilReady(child, ready);
      return { port, child };
    } catch (err) {
      await stopChild(child, 'SIGKILL');
      const output = readTail(logFile);
      if (attempt < PORT_ATTEMPTS && /address already in use/i.test(output)) continue;
      throw new Error(`${path.basename(command)} did not start: ${(err as Error).message}\n${output}`);
    }
  }
}

async function waitUntilReady(child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`));
  child.once('error', (err) => (exited = err.message));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) throw new Error(exited);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`not accepting connections after ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function acceptsQueries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  // A refused connection also emits 'error' on the client; connect()'s rejection says it all.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      // Until it has loaded, Redis answers -LOADING instead of +PONG.
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

function readTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '';
  }
}

/** Runs a command to its end as `owner`, failing with its output when it fails. */
function runToEnd(command: string, args: string[], options: { cwd: string; owner: Owner | null }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], ...(options.owner ?? {}) });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output.slice(-3000)}`)),
    );
  });
}

/** The newest installed PostgreSQL's programs (Debian keeps them off PATH), or null. */
function postgresBinDir(): string | null {
  const versions = fs.existsSync(POSTGRES_VERSIONS)
    ? fs
        .readdirSync(POSTGRES_VERSIONS)
        .filter((v) => fs.existsSync(path.join(POSTGRES_VERSIONS, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(POSTGRES_VERSIONS, versions[0], 'bin');
  const initdb = findExecutable('initdb');
  return initdb ? path.dirname(fs.realpathSync(initdb)) : null;
}

/**
 * Whom PostgreSQL runs as: it refuses to run as root, so as root it runs as the `postgres`
 * user Debian's package creates; otherwise as ourselves (null).
 */
function postgresOwner(): Owner | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: '-u' | '-g') => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('PostgreSQL refuses to run as root, and there is no postgres user to run it as (Debian: apt-get install postgresql)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function findExecutable(name: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin']) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

function installDebianPackages(packages: string[]): void {
  if (packages.length === 0) return;
  const hint = `install them (Debian: apt-get install ${packages.join(' ')})`;
  if (process.getuid?.() !== 0 || findExecutable('apt-get') === null) {
    throw new Error(`The tests need ${packages.join(' and ')}, which are not installed: ${hint}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // To a file, not a pipe: a service that a package's install script starts would inherit the
  // pipe, and waiting for its end would wait for that service.
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sakutei-apt-')), 'apt.log');
  const apt = (args: string[]) => {
    const log = fs.openSync(logFile, 'a');
    try {
      return spawnSync('apt-get', args, { env, stdio: ['ignore', log, log] }).status;
    } finally {
      fs.closeSync(log);
    }
  };
  const install = () => apt(['install', '-y', '-qq', ...packages]);
  console.log(`• Installing Debian ${packages.join(', ')} for the tests …`);
  // The package lists may be missing (a fresh image) or stale; fetch them only then.
  if (install() !== 0 && (apt(['update', '-qq']), install()) !== 0) {
    throw new Error(`apt-get install ${packages.join(' ')} failed:\n${readTail(logFile)}`);
  }
}
