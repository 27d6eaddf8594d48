import { foldWidth } from '../measures/numbering';

/**
 * How the plan list's search box compares text: full-width and half-width forms alike
 * (ＡＢＣ, ｶﾀｶﾅ, ２０２５), case ignored, spaces of either width ignored.
 */
export function planSearchKey(text: string): string {
  return foldWidth(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether every word of `query` occurs in one of `fields` (an empty query matches everything). */
export function planMatchesSearch(query: string, fields: readonly string[]): boolean {
  const words = foldWidth(query).normalize('NFKC').split(/\s+/).map(planSearchKey).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.map(planSearchKey).join('\u0000');
  return words.every((word) => haystack.includes(word));
}
