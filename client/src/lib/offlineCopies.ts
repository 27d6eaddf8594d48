/**
 * What this browser keeps beside the offline copies of plans (offlineStore.ts), without
 * loading Yjs, so that pages which never open a plan (the sign-out on the plan list) can use it.
 *
 * One database per user and document: a second person signing in on the same PC never loads,
 * or sends, the first one's edits. Signing out deletes every database of that user
 * (`clearOfflineCopies`). Beside each database, localStorage keeps how many edits were not yet
 * confirmed stored, so a plan reopened offline can say how many are waiting; and a list of the
 * user's databases, for browsers without `indexedDB.databases()`.
 */

const DB_PREFIX = 'sakutei-plan';
const UNSENT_PREFIX = 'sakutei-unsent';
const REGISTRY_PREFIX = 'sakutei-offline-docs';

/** Ids are URL-safe today; encoding keeps a `:` in a future id from blurring two users' names. */
const part = (value: string) => encodeURIComponent(value);

/** The IndexedDB database that holds `docName` for `userId`. */
export function offlineDbName(userId: string, docName: string): string {
  return `${DB_PREFIX}:${part(userId)}:${part(docName)}`;
}

const unsentKey = (userId: string, docName: string) => `${UNSENT_PREFIX}:${part(userId)}:${part(docName)}`;
const registryKey = (userId: string) => `${REGISTRY_PREFIX}:${part(userId)}`;

/** localStorage can be missing or refuse writes (private modes, full quota): degrade to memory only. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readRegistry(userId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(registryKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(userId: string, docName: string): void {
  const docs = readRegistry(userId);
  if (docs.includes(docName)) return;
  try {
    storage()?.setItem(registryKey(userId), JSON.stringify([...docs, docName]));
  } catch {
    // Without the list, clearing still finds the database through indexedDB.databases().
  }
}

/** Edits of `docName` made by `userId` on this device and not yet confirmed stored by the server. */
export function readUnsentCount(userId: string, docName: string): number {
  const value = Number(storage()?.getItem(unsentKey(userId, docName)) ?? 0);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function writeUnsentCount(userId: string, docName: string, count: number): void {
  try {
    if (count > 0) storage()?.setItem(unsentKey(userId, docName), String(count));
    else storage()?.removeItem(unsentKey(userId, docName));
  } catch {
    // The count is a courtesy for the next visit; the edits themselves are in IndexedDB.
  }
}

/** Edits of all `userId`'s plans on this device not yet confirmed stored: what signing out would delete. */
export function unsentEditsOf(userId: string): number {
  const local = storage();
  if (!local) return 0;
  const prefix = `${UNSENT_PREFIX}:${part(userId)}:`;
  let total = 0;
  for (let i = 0; i < local.length; i++) {
    const key = local.key(i);
    const count = key?.startsWith(prefix) ? Number(local.getItem(key)) : 0;
    if (Number.isSafeInteger(count) && count > 0) total += count;
  }
  return total;
}

function deleteDatabase(name: string, timeoutMs = Infinity): Promise<void> {
  return new Promise((resolve) => {
    // Blocked by another tab that keeps the copy open: do not wait for it forever.
    if (Number.isFinite(timeoutMs)) setTimeout(resolve, timeoutMs);
    const request = indexedDB.deleteDatabase(name);
    // An open copy (a plan tab still closing) is asked to close by the versionchange event
    // y-indexeddb answers; the deletion then completes. Failure leaves nothing to retry here.
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

/** Names of every local database of `userId`: the ones we listed, and any the browser reports. */
export async function offlineDbNamesOf(userId: string): Promise<string[]> {
  const names = new Set(readRegistry(userId).map((docName) => offlineDbName(userId, docName)));
  const prefix = `${DB_PREFIX}:${part(userId)}:`;
  try {
    const all = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    for (const { name } of all) if (name?.startsWith(prefix)) names.add(name);
  } catch {
    // Some browsers refuse databases() in some modes; the list above still covers what we opened.
  }
  return [...names];
}

/**
 * Forgets this browser's copy of one document (its database and its unsent count), so the
 * document opens next from the server alone: what reopening after a refused update does.
 * The copy must be closed first (OfflineCopy.destroy). Gives up waiting after `timeoutMs`.
 */
export async function dropOfflineCopy(userId: string, docName: string, timeoutMs = 3_000): Promise<void> {
  writeUnsentCount(userId, docName, 0);
  if (typeof indexedDB !== 'undefined') await deleteDatabase(offlineDbName(userId, docName), timeoutMs);
}

/** Deletes every local copy of `userId`'s plans and the counts beside them: what signing out does. */
export async function clearOfflineCopies(userId: string): Promise<void> {
  const local = storage();
  if (typeof indexedDB !== 'undefined') await Promise.all((await offlineDbNamesOf(userId)).map((name) => deleteDatabase(name)));
  if (!local) return;
  const unsentPrefix = `${UNSENT_PREFIX}:${part(userId)}:`;
  const keys = Array.from({ length: local.length }, (_, i) => local.key(i));
  for (const key of keys) if (key?.startsWith(unsentPrefix)) local.removeItem(key);
  local.removeItem(registryKey(userId));
}
