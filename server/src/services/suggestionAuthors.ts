import { type ProseNode, suggestionAuthorIds } from '@sakutei/shared';
import type { AccountStore } from '../storage';
import { UNKNOWN_AUTHOR } from './export/proseDocx';

/**
 * The display names of everyone with a pending suggestion in the prose, in the order their
 * first one appears (the print legend's order): marks carry user ids, and a reader of a Word
 * file or a printed page is shown names. An account that is gone reads as 「不明な利用者」.
 */
export function suggestionAuthors(accounts: AccountStore, prose: ProseNode): Promise<Array<{ id: string; name: string }>> {
  return namesOf(accounts, suggestionAuthorIds(prose));
}

/** Display names for user ids, in their order. */
export async function namesOf(accounts: AccountStore, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const users = await Promise.all(ids.map((id) => accounts.findUserById(id)));
  return ids.map((id, k) => ({ id, name: users[k]?.name || UNKNOWN_AUTHOR }));
}
