import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The secret's name inside the data folder. */
export const SECRET_FILE = 'secret.key';
/** A key shorter than this is not ours: the server replaces it with a new one. */
export const SECRET_BYTES = 32;

/** The per-installation signing key, created on first start and kept in the data folder (mode 0600). */
export function loadServerSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const existing = fs.readFileSync(file);
    if (existing.length >= SECRET_BYTES) return new Uint8Array(existing);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(SECRET_BYTES);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return new Uint8Array(secret);
}
