import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colourTokens, CONTRAST_PAIRS, contrastRatio } from './designTokens';

describe('the colour tokens of styles.css', () => {
  // Read as text: the test checks the very file the app ships.
  const tokens = colourTokens(readFileSync(path.join(__dirname, '../styles.css'), 'utf8'));

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(CONTRAST_PAIRS)('$fg on $bg reaches $min:1', ({ fg, bg, min }) => {
    const foreground = tokens.get(fg);
    const background = tokens.get(bg);
    expect(foreground, `--${fg} is defined`).toBeDefined();
    expect(background, `--${bg} is defined`).toBeDefined();
    expect(contrastRatio(foreground!, background!)).toBeGreaterThanOrEqual(min);
  });
});
