import type { ProjectStatus } from '../model';

/**
 * 新規 / 充実 / 継続 as plans print them, with the words some use instead (拡充 for 充実)
 * and the one-character forms of a narrow column (新, 充, 継).
 */
const STATUS_WORDS: Record<string, ProjectStatus> = {
  新規: 'new',
  新: 'new',
  充実: 'enhanced',
  拡充: 'enhanced',
  充: 'enhanced',
  継続: 'continued',
  継: 'continued',
};

/** `undefined` for text that is not a status; null for none. */
export function readStatus(text: string): ProjectStatus | null | undefined {
  // `新規事業`, `（継続）`: the word with a bracket or 事業 around it is still the word.
  const key = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[(（【]|[)）】]$/g, '')
    .replace(/(?<=.)事業$/, '');
  if (key === '') return null;
  return STATUS_WORDS[key];
}
