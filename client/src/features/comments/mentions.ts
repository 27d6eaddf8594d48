import { mentionToken, plainBody, searchKey, type Person } from '@sakutei/shared';

/**
 * People type `@name` in a plain textarea; the stored body carries `@[name](userId)` tokens.
 * These helpers go between the two, so the textarea never shows token syntax.
 */

/** An `@` that starts a mention, not the middle of an e-mail address. */
function startsMention(text: string, at: number): boolean {
  return text[at] === '@' && (at === 0 || !/[A-Za-z0-9._%+-]/.test(text[at - 1]!));
}

/**
 * Replaces every `@name` naming a known person with that person's token. Longer names win
 * (`@委員 佐藤花子` before `@委員 佐藤`); when two people share a name, the one picked from
 * the list (`preferred`) wins.
 */
export function toMentionTokens(text: string, people: readonly Person[], preferred: readonly Person[] = []): string {
  const byName = new Map<string, Person>();
  for (const person of [...preferred, ...people]) if (person.name && !byName.has(person.name)) byName.set(person.name, person);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const name = startsMention(text, i) ? names.find((candidate) => text.startsWith(candidate, i + 1)) : undefined;
    if (name === undefined) {
      out += text[i];
      i += 1;
      continue;
    }
    out += mentionToken(name, byName.get(name)!.id);
    i += 1 + name.length;
  }
  return out;
}

/** A stored body as the textarea shows it when its author edits it. */
export function toEditableText(body: string): string {
  return plainBody(body);
}

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

const MAX_QUERY = 40;

/** The `@…` being typed just before the caret, if any. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  if (/[\n@]/.test(query) || !startsMention(text, start)) return null;
  return { start, query };
}

/** People whose name contains the query, as every search box compares (shared searchKey): 「たなか」 finds 「タナカ」. */
export function matchPeople<P extends Person>(people: readonly P[], query: string, limit = 8): P[] {
  const wanted = searchKey(query);
  return people.filter((person) => searchKey(person.name).includes(wanted)).slice(0, limit);
}
