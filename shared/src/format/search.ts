import { foldWidth } from '../measures/numbering';

/**
 * How every search box compares text (plans, people, @-mentions): full-width and half-width
 * forms alike (ＡＢＣ, ｶﾀｶﾅ, ２０２５), case ignored, katakana read as hiragana (「たなか」 finds
 * 「タナカ」), and spaces of either width ignored (「田中健」 finds 「田中 健」).
 */
export function searchKey(text: string): string {
  return foldWidth(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

/**
 * Whether every word of `query` (split on spaces of either width) occurs in one of `fields`;
 * an empty query matches everything.
 */
export function matchesSearch(query: string, fields: string | readonly string[]): boolean {
  const words = foldWidth(query).normalize('NFKC').split(/\s+/).map(searchKey).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = (typeof fields === 'string' ? [fields] : fields).map(searchKey).join('\u0000');
  return words.every((word) => haystack.includes(word));
}
