import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** A pool or a client inside a transaction: whatever a query can run on. */
export type Queryable = pg.Pool | pg.PoolClient;

const INT8_OID = 20;

/**
 * pg hands BIGINT back as a string, since it may exceed a double. Ours are ids, counts and
 * millisecond times, far below 2^53; a value beyond that is refused rather than rounded.
 */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`BIGINT ${text} is beyond JavaScript's safe integers`);
  return n;
}

// Per pool, not pg.types.setTypeParser: the process-wide registry is other code's too.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Each pool's open connections, so closing can wait until they are really gone. */
const connections = new WeakMap<Pool, Set<pg.PoolClient>>();

/**
 * Edits wait for their write before anyone sees them, so a hung connection would hold a
 * document still: a dead peer is noticed by keep-alive, and a connection or statement that
 * takes far longer than any of ours should is given up (the caller retries). Lock waits are
 * exempt: the lock pool waits for advisory locks as long as their holders work.
 */
export function createPool(url: string, max: number, options: { statementTimeoutMs?: number } = {}): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max,
    application_name: 'sakutei',
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle client whose connection drops emits here; unhandled, the event would end the process.
  // The pool has already discarded it, and the next query opens a new connection.
  pool.on('error', (err) => console.error('PostgreSQL connection lost:', err.message));
  const open = new Set<pg.PoolClient>();
  connections.set(pool, open);
  pool.on('connect', (client) => {
    open.add(client);
    client.once('end', () => open.delete(client));
    // A client in use whose connection drops between two queries emits 'error' too, and the
    // pool does not listen while it is lent out. Its holder's next query fails with the cause.
    client.on('error', () => undefined);
  });
  return pool;
}

/**
 * Ends the pool and waits until every connection has closed. pool.end() alone resolves once
 * the connections are asked to close; the server sessions behind them may linger a moment,
 * and a DROP DATABASE (or a restore) right after would find them still there.
 */
export async function closePool(pool: Pool): Promise<void> {
  const open = [...(connections.get(pool) ?? [])];
  const ended = open.map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
  await pool.end();
  await Promise.all(ended);
}

/**
 * Runs `fn` inside BEGIN/COMMIT on one client, rolling back when it throws. A client whose
 * rollback fails is closed instead of going back to the pool in an unknown state.
 */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = await rollbackFailure(client);
    throw err;
  } finally {
    client.release(broken);
  }
}

async function rollbackFailure(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
