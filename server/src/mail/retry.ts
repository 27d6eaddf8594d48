/** The longest wait between two attempts at one message. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * How long to wait before the next attempt after `failures` failed sends: the base, doubled with
 * each failure (1 min, 2, 4 … by default), never more than an hour.
 */
export function retryDelay(failures: number, baseMs: number): number {
  const exponent = Math.max(0, failures - 1);
  // 2^exponent overflows to Infinity long after the cap is reached; min() takes care of both.
  return Math.min(baseMs * 2 ** exponent, MAX_RETRY_DELAY_MS);
}
