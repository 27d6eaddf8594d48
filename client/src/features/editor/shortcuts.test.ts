import { describe, expect, it } from 'vitest';
import { SHORTCUTS, ariaKeyShortcuts, shortcutLabel } from './shortcuts';

describe('shortcut labels', () => {
  it('reads as on a Windows PC: Ctrl+Shift+7', () => {
    expect(shortcutLabel(SHORTCUTS.bold, false)).toBe('Ctrl+B');
    expect(shortcutLabel(SHORTCUTS.orderedList, false)).toBe('Ctrl+Shift+7');
    expect(shortcutLabel(SHORTCUTS.heading2, false)).toBe('Ctrl+Alt+2');
    expect(shortcutLabel(SHORTCUTS.outdent, false)).toBe('Shift+Tab');
  });

  it('reads as on a Mac: ⇧⌘7', () => {
    expect(shortcutLabel(SHORTCUTS.bold, true)).toBe('⌘B');
    expect(shortcutLabel(SHORTCUTS.orderedList, true)).toBe('⇧⌘7');
    expect(shortcutLabel(SHORTCUTS.heading2, true)).toBe('⌥⌘2');
    expect(shortcutLabel(SHORTCUTS.outdent, true)).toBe('⇧⇥');
  });

  it('gives aria-keyshortcuts in WAI-ARIA key names', () => {
    expect(ariaKeyShortcuts(SHORTCUTS.bulletList, false)).toBe('Control+Shift+8');
    expect(ariaKeyShortcuts(SHORTCUTS.bulletList, true)).toBe('Meta+Shift+8');
  });
});
