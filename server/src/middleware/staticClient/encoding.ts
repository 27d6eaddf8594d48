/** The encodings the build writes beside each asset, best first, with the suffix it uses. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type Encoding = (typeof PRECOMPRESSED)[number]['encoding'] | 'identity';

/** Each coding's q-value from an Accept-Encoding header (`*` applies to codings not named). */
export function acceptedEncodings(header: string | undefined): Map<string, number> {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q' && value !== undefined) {
        const parsed = Number(value);
        q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    accepted.set(name, q);
  }
  return accepted;
}

/**
 * The best of the available pre-compressed encodings the client accepts: the highest q, and
 * brotli before gzip at equal q (it is 15–20 % smaller). Identity when nothing else fits —
 * even when a client says `identity;q=0`, the unencoded file beats a 406.
 */
export function chooseEncoding(header: string | undefined, available: ReadonlySet<string>): Encoding {
  const accepted = acceptedEncodings(header);
  const wildcard = accepted.get('*');
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const { encoding } of PRECOMPRESSED) {
    if (!available.has(encoding)) continue;
    const q = accepted.get(encoding) ?? (encoding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  // Only an explicit preference for identity over every compressed coding is honoured.
  const identityQ = accepted.get('identity') ?? 0;
  return identityQ > bestQ ? 'identity' : best;
}
