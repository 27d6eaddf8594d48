const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id for a row, project, KPI or actor: 16 base-36 characters (about 82 bits). */
export function newMeasureId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % 36];
  return id;
}
