/**
 * Text as it arrives from Word, Excel and PDFs, folded for comparison only. Names are
 * imported as typed; these forms decide whether two spellings are the same thing.
 */

/**
 * NFKC (full-width letters and digits, ｶﾅ, ①→1 is NOT wanted here so circled digits are
 * protected), all whitespace removed (a PDF breaks lines and spaces words apart at random),
 * and the marks that vary between sources unified: middle dots, dashes, brackets.
 */
export function matchKey(text: string): string {
  return (
    protectCircled(text)
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[・･·•]/g, '・')
      .replace(/[‐‑‒–—―−﹣-]/g, '-')
      .replace(/[（(【［\[「『〔〈《]/g, '(')
      .replace(/[）)】］\]」』〕〉》]/g, ')')
      .replace(/[〜～~]/g, '~')
      .toLowerCase()
      .replace(/[\uE000-\uE0FF]/g, (char) => String.fromCodePoint(0x2460 + char.charCodeAt(0) - 0xe000))
  );
}

/** NFKC turns ① into 1; keep circled numbers distinct by parking them in the private-use area. */
function protectCircled(text: string): string {
  return text.replace(/[\u2460-\u2473]/g, (char) => String.fromCharCode(0xe000 + char.charCodeAt(0) - 0x2460));
}

/** A header word folded for the synonym list: NFKC, no whitespace, no trailing colon or asterisk. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[:：*※]+$/g, '')
    .replace(/[･·]/g, '・')
    .toLowerCase();
}

/** Levenshtein distance, for "only similar" 再掲 names. Names are short; O(n·m) is fine. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two match keys are close enough to offer as the same project: a few characters
 * apart for their length (a typo, a dropped 等), or one wholly inside the other when the
 * shorter is not trivially short (`事業承継の推進` in `事業承継やM&Aの推進`? no; in
 * `事業承継の推進（再掲）` yes).
 */
export function similarKeys(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && (a.includes(b) || b.includes(a))) return true;
  const allowed = Math.max(1, Math.floor(Math.max(a.length, b.length) * 0.2));
  return shorter >= 3 && editDistance(a, b) <= allowed;
}

/**
 * Lines that are layout, not rows: form feeds and the page lines a PDF or Word leaves in a
 * paste (`- 12 -`, `12 ページ`, `page 3`, `P.4`), and rules drawn with dashes (`-----`, `――――`, `＝＝＝`).
 */
export function isPageLine(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length > 0 && filled.every((cell) => /^[-‐‑–—―─━=＝_＿~〜～*＊・･.。\s]{3,}$/.test(cell))) return true;
  if (cells.some((cell) => cell.includes('\f'))) return filled.every((cell) => cell.replace(/\f/g, '').trim() === '' || isPageText(cell));
  return filled.length === 1 && isPageText(filled[0]!);
}

function isPageText(text: string): boolean {
  const t = text.replace(/\f/g, '').normalize('NFKC').trim();
  return /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.?)\s*\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?|\d{1,4}\s*(?:ページ|頁|page)|\d{1,4}\s*\/\s*\d{1,4})$/i.test(t);
}
