/**
 * Reads the colour tokens of styles.css and measures WCAG contrast between them, so that the
 * design system's promise (AA everywhere) is checked by a test rather than remembered.
 */

/** `--color-x: #rrggbb;` declarations of the first `:root` block. */
export function colourTokens(css: string): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const tokens = new Map<string, string>();
  for (const match of root.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) tokens.set(match[1]!, match[2]!.toLowerCase());
  return tokens;
}

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.2, 1.4.3). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => channel(Number.parseInt(hex.slice(at, at + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Which token sits on which, and the ratio WCAG 2.2 AA asks of it (4.5 text, 3 for UI parts). */
export const CONTRAST_PAIRS: ReadonlyArray<{ fg: string; bg: string; min: number }> = [
  ...['color-bg', 'color-surface', 'color-surface-sunken', 'color-accent-soft', 'color-info-soft'].flatMap((bg) =>
    ['color-text', 'color-muted', 'color-accent'].map((fg) => ({ fg, bg, min: 4.5 })),
  ),
  { fg: 'color-on-accent', bg: 'color-accent', min: 4.5 },
  { fg: 'color-on-accent', bg: 'color-accent-strong', min: 4.5 },
  { fg: 'color-accent-strong', bg: 'color-surface', min: 4.5 },
  ...['color-surface', 'color-bg'].flatMap((bg) =>
    ['color-ok', 'color-warn', 'color-error'].map((fg) => ({ fg, bg, min: 4.5 })),
  ),
  { fg: 'color-ok', bg: 'color-ok-soft', min: 4.5 },
  { fg: 'color-warn', bg: 'color-info-soft', min: 4.5 },
  { fg: 'color-error', bg: 'color-error-soft', min: 4.5 },
  // Non-text contrast (1.4.11): focus rings and the borders that show where a control is.
  ...['color-surface', 'color-bg', 'color-accent-soft'].map((bg) => ({ fg: 'color-focus', bg, min: 3 })),
  ...['color-surface', 'color-bg'].map((bg) => ({ fg: 'color-control-border', bg, min: 3 })),
];
