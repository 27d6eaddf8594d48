import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The per-installation signing key, created on first start and kept in the data folder (mode 0600). */
export function loadServerSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const existing = fs.readFileSync(file);
    if (existing.length >= 32) return new Uint8Array(existing);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return new Uint8Array(secret);
}
