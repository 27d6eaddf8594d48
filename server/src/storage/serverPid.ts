import fs from 'node:fs';
import path from 'node:path';

/**
 * A running server names itself in `server.pid` in its data folder, so tools that must not
 * run beside it (restore) can tell. Node has no portable file lock; a pid file whose process
 * is gone is stale (a SIGKILL leaves one behind) and is ignored.
 */
const FILE = 'server.pid';

/** Records this process as the data folder's server; the returned function forgets it again. */
export function claimServerPid(dataDir: string): () => void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    // Another server started on the same folder since may have replaced the file: leave theirs.
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  };
}

/** The pid of a live server holding `dataDir`, or null when there is none. */
export function runningServerPid(dataDir: string): number | null {
  const pid = readPid(path.join(dataDir, FILE));
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive but someone else's process, so still a server we must not run beside.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
