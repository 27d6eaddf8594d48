import { hash, verify } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { AppError } from '../errors';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored argon2id hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused: `weak_password` for its length, `common_password` for being guessable. */
export type PasswordProblem = { code: 'weak_password' | 'common_password'; message: string };

let common: ReadonlySet<string> | null = null;
/**
 * The passwords a new password may not be, lower-cased: shipped with the server (no network),
 * written by scripts/commonPasswords.mjs, which says where they come from.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(new URL('./commonPasswords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean));
  return common;
}

/** Full-width letters and case do not make a listed password another one. */
const fold = (password: string) => password.normalize('NFKC').toLowerCase();

/**
 * One character, or a run of up to three, said over and over (`aaaaaaaaaa`, `1212121212`,
 * `abcabcabca`); checked together with "at most three different characters" below.
 */
const REPEATED = /^(.{1,3})\1+.{0,2}$/su;

/** Why a new password is not acceptable, or null when it is. Every place a password is set asks this. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { code: 'weak_password', message: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > 1024) return { code: 'weak_password', message: 'A password may have at most 1024 characters.' };
  const folded = fold(password);
  if (REPEATED.test(folded) && new Set(folded).size <= 3) {
    return { code: 'common_password', message: 'A password made of one character (or a few) repeated is too easy to guess.' };
  }
  if (commonPasswords().has(folded)) {
    return { code: 'common_password', message: 'This password is one of the most common ones and too easy to guess: choose another.' };
  }
  return null;
}

/** Refuses an unacceptable new password with 400 and the problem's code; the services setting a password call this. */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(400, problem.code, problem.message);
}

// Verifying against this when the email is unknown makes both failures take the same time.
let decoyHash: Promise<string> | null = null;
/** A hash to verify against when there is no user, so timing does not reveal which part was wrong. */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}
