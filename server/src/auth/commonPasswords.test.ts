import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from './password';

// Imported by URL: the script is plain JavaScript outside the server's sources, and importing it writes nothing.
const script = new URL('../../../scripts/commonPasswords.mjs', import.meta.url).href;
const shipped = fileURLToPath(new URL('./commonPasswords.txt', import.meta.url));

describe('the shipped list of common passwords', () => {
  it('is exactly what scripts/commonPasswords.mjs writes for the current minimum length', async () => {
    const before = fs.statSync(shipped).mtimeMs;
    const { commonPasswords } = (await import(script)) as { commonPasswords: (minLength: number) => string[] };
    expect(fs.statSync(shipped).mtimeMs).toBe(before);
    expect(fs.readFileSync(shipped, 'utf8')).toBe(`${commonPasswords(PASSWORD_MIN_LENGTH).join('\n')}\n`);
  });
});
