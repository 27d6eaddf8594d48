import { scanXml } from './xmlScan';

/**
 * How a cell's stored value reads as text, as Excel shows it closely enough for an import:
 * shared and inline strings as written (phonetic guides left out), numbers as numbers, dates
 * (numbers under a date format) as YYYY-MM-DD, booleans as true/false, errors as their code.
 */

/** The shared strings table; each item's runs joined, its phonetic guide (`rPh`) left out. */
export function sharedStrings(xml: string, cellChars: number): string[] {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = 0;
  let inPhonetic = 0;
  scanXml(xml, (event) => {
    if (event.kind === 'open') {
      if (event.name === 'si') current = [];
      else if (event.name === 't') inText++;
      else if (event.name === 'rPh') inPhonetic++;
    } else if (event.kind === 'close') {
      if (event.name === 'si' && current) {
        strings.push(current.join('').slice(0, cellChars));
        current = null;
      } else if (event.name === 't') inText--;
      else if (event.name === 'rPh') inPhonetic--;
    } else if (current && inText > 0 && inPhonetic === 0) {
      current.push(event.text);
    }
  });
  return strings;
}

/** Excel's built-in date and time formats (ids 14–22, 27–36 and 45–58 in the Japanese locale). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a number format shows a date or time: y, m, d, h or s outside quotes and [brackets]. */
export function isDateFormat(code: string): boolean {
  return /[ymdhs]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** For each cell style (`s` attribute), whether it formats its number as a date. */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  scanXml(xml, (event) => {
    if (event.kind === 'open' && event.name === 'numFmt') custom.set(Number(event.attrs['numFmtId']), event.attrs['formatCode'] ?? '');
    else if (event.kind === 'open' && event.name === 'cellXfs') inCellXfs = true;
    else if (event.kind === 'close' && event.name === 'cellXfs') inCellXfs = false;
    else if (event.kind === 'open' && event.name === 'xf' && inCellXfs) {
      const id = Number(event.attrs['numFmtId'] ?? 0);
      const code = custom.get(id);
      styles.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id));
    }
  });
  return styles;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial day (1900 date system) as YYYY-MM-DD, with hh:mm when it has a time of day. */
export function serialDate(serial: number): string {
  // Day 0 is 1899-12-30 once Excel's phantom 1900-02-29 (day 60) is behind us.
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  if (!Number.isFinite(date.getTime())) return String(serial);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  return minutes === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** The text of one cell from its type (`t`), its stored value and whether its style is a date. */
export function cellValueText(type: string | undefined, value: string, strings: readonly string[], isDate: boolean): string {
  switch (type) {
    case 's':
      return strings[Number(value)] ?? '';
    case 'b':
      return value === '' ? '' : value.trim() === '1' ? 'true' : 'false';
    case 'str':
    case 'inlineStr':
    case 'e':
      return value;
    default: {
      if (value.trim() === '') return '';
      const number = Number(value);
      if (!Number.isFinite(number)) return value;
      return isDate ? serialDate(number) : String(number);
    }
  }
}
