import * as Y from 'yjs';
import { LightClient, type Target, whenSynced } from './lightClient';
import { bytesHash, contentHash, syncPayload } from './protocol';

/**
 * Cold load: a client with nothing opens the document and waits for the server's sync reply.
 * Timed from creating the socket (TCP connect, upgrade, auth included) to the moment the last
 * byte of the reply arrived (`ws` emits a message only once all of it is in).
 */
type Fetch = { ms: number; openMs: number; payload: Uint8Array } | { failure: string };

async function fetchOnce(target: Target, timeoutMs: number): Promise<Fetch> {
  const client = new LightClient(target);
  try {
    if (!(await whenSynced(client, timeoutMs))) return { failure: client.failure ?? 'no sync reply in time' };
    const ms = Number(client.syncedNs! - client.startedNs) / 1e6;
    const openMs = Number(client.openedNs! - client.startedNs) / 1e6;
    // Hashed later: hashing a megabyte here would delay the other joiners in this process.
    return { ms, openMs, payload: syncPayload(client.stateFrame!.frame, client.stateFrame!.offset + 1) };
  } finally {
    client.close();
  }
}

/** Identical bytes are identical content: each distinct reply is decoded once. */
function report(results: Fetch[]) {
  const ok = results.filter((r): r is Extract<Fetch, { ms: number }> => 'ms' in r);
  const distinct = new Map<string, Uint8Array>();
  for (const r of ok) {
    const hash = bytesHash(r.payload);
    if (!distinct.has(hash)) distinct.set(hash, r.payload);
  }
  return {
    ms: ok.map((r) => r.ms),
    openMs: ok.map((r) => r.openMs),
    bytes: ok[0]?.payload.length ?? 0,
    failures: results.filter((r) => 'failure' in r).map((r) => (r as { failure: string }).failure),
    distinctReplies: distinct.size,
    contentHashes: [...distinct.values()].map((payload) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, payload);
      const hash = contentHash(doc);
      doc.destroy();
      return hash;
    }),
  };
}

/** `count` fresh clients one after another. */
export async function freshFetches(arg: { target: Target; count: number; pauseMs: number; timeoutMs: number }) {
  const results: Fetch[] = [];
  for (let i = 0; i < arg.count; i++) {
    results.push(await fetchOnce(arg.target, arg.timeoutMs));
    await new Promise((r) => setTimeout(r, arg.pauseMs));
  }
  return report(results);
}

/** `count` fresh clients at once (this process's share of the joiners). */
export async function joinTogether(arg: { target: Target; count: number; timeoutMs: number }) {
  const results = await Promise.all(Array.from({ length: arg.count }, () => fetchOnce(arg.target, arg.timeoutMs)));
  return report(results);
}
