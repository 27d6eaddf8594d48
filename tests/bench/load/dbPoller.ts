import Database from 'better-sqlite3';
import { serveCalls } from '../rpc';
import { findMarkers } from './protocol';

/**
 * The durability probe: a separate process that reads Sakutei's SQLite database read-only
 * (WAL lets it read beside the writing server) every `everyMs` and notes when each marker's
 * update first appears in `doc_updates`, i.e. once the server's transaction has committed
 * into the WAL file. That survives a crash of the server process; with synchronous=NORMAL
 * not necessarily a power cut.
 */
let timer: NodeJS.Timeout | null = null;
/**
 * Per marker: `diskUs`, send → the start of the first read that saw it (an upper bound), and
 * `notYetUs`, send → the start of the read before, which did not (a lower bound: the commit
 * fell between the two).
 */
type Seen = { writer: number; seq: number; diskUs: number; notYetUs: number };
let seen = new Map<string, Seen>();
let polls = 0;
let lastRowId = 0;
let previousPoll: bigint | null = null;

function pollOnce(query: Database.Statement<[number], Record<string, unknown>>): void {
  // The read sees what was committed when it began: stamp that moment.
  const now = process.hrtime.bigint();
  const before = previousPoll ?? now;
  previousPoll = now;
  const rows = query.all(lastRowId);
  polls++;
  for (const row of rows) {
    lastRowId = Math.max(lastRowId, Number(row.rid));
    // Whatever the row's columns are, the update is the blob among them.
    for (const value of Object.values(row)) {
      if (!Buffer.isBuffer(value)) continue;
      for (const m of findMarkers(value)) {
        const key = `${m.writer}.${m.seq}`;
        if (!seen.has(key)) seen.set(key, { writer: m.writer, seq: m.seq, diskUs: Number(now - m.sentNs) / 1000, notYetUs: Number(before - m.sentNs) / 1000 });
      }
    }
  }
}

serveCalls({
  start(arg: { dbPath: string; everyMs: number }) {
    const db = new Database(arg.dbPath, { readonly: true, fileMustExist: true });
    const query = db.prepare<[number], Record<string, unknown>>('SELECT rowid AS rid, * FROM doc_updates WHERE rowid > ? ORDER BY rowid');
    lastRowId = Number((db.prepare('SELECT coalesce(max(rowid), 0) AS m FROM doc_updates').get() as { m: number }).m);
    seen = new Map();
    polls = 0;
    previousPoll = null;
    const tick = () => {
      pollOnce(query);
      timer = setTimeout(tick, arg.everyMs);
    };
    tick();
    return { startRowId: lastRowId };
  },
  stop() {
    if (timer) clearTimeout(timer);
    timer = null;
    return { polls, seen: [...seen.values()] };
  },
});
