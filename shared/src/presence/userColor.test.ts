import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS, userColor } from './userColor';

describe('userColor', () => {
  it('is stable for a user and drawn from the palette', () => {
    expect(userColor('u1')).toBe(userColor('u1'));
    expect(PRESENCE_COLORS).toContain(userColor('anything'));
  });

  it('spreads users over more than one colour', () => {
    const colours = new Set(Array.from({ length: 50 }, (_, i) => userColor(`user-${i}`)));
    expect(colours.size).toBeGreaterThan(4);
  });
});
