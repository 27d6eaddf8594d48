/** Caret colours with enough contrast on white for a name label in white text. */
export const PRESENCE_COLORS = [
  '#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d', '#4d7c0f',
] as const;

/** A stable colour for a user, so the same person has the same caret colour in every browser. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length] as string;
}
