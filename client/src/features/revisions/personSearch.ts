import type { Member } from '@sakutei/shared';

/**
 * Folds what a person types and what is searched to one form: full-width letters and digits
 * to half-width (NFKC), upper to lower case, katakana to hiragana, and no spaces, so that
 * 「たなか」 finds 「タナカ」 and 「田中 健」 is found by 「田中健」.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

/**
 * What a person is found by: the name and the e-mail address. A member carries no 所属 of its
 * own yet; when it does, it belongs here and nowhere else.
 */
export function personSearchText(member: Pick<Member, 'name' | 'email'>): string {
  return `${member.name} ${member.email}`;
}

/** Whether every word of `query` (split on spaces) occurs in `text`; an empty query matches all. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return query
    .split(/\s+/)
    .map(foldForSearch)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
