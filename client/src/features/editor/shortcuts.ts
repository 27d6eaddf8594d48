/**
 * Keyboard shortcuts as the toolbar shows and announces them. Keys are written the way
 * TipTap binds them (`Mod` is Ctrl, or ⌘ on a Mac); labels follow the platform's habit:
 * 「Ctrl+Shift+7」 on the Windows PCs most offices use, 「⇧⌘7」 on a Mac.
 */
export type ShortcutKeys = readonly string[];

export const SHORTCUTS = {
  undo: ['Mod', 'Z'],
  redo: ['Mod', 'Y'],
  bold: ['Mod', 'B'],
  italic: ['Mod', 'I'],
  underline: ['Mod', 'U'],
  /** TipTap's own keys for strikethrough and inline code. */
  strike: ['Mod', 'Shift', 'S'],
  code: ['Mod', 'E'],
  paragraph: ['Mod', 'Alt', '0'],
  heading1: ['Mod', 'Alt', '1'],
  heading2: ['Mod', 'Alt', '2'],
  heading3: ['Mod', 'Alt', '3'],
  heading4: ['Mod', 'Alt', '4'],
  orderedList: ['Mod', 'Shift', '7'],
  bulletList: ['Mod', 'Shift', '8'],
  indent: ['Tab'],
  outdent: ['Shift', 'Tab'],
  find: ['Mod', 'F'],
  replace: ['Mod', 'H'],
  /** 編集 / 提案 (suggest mode): S for suggest, with Alt so it never takes the browser's Save. */
  suggestMode: ['Mod', 'Alt', 'S'],
} as const satisfies Record<string, ShortcutKeys>;

export type ShortcutName = keyof typeof SHORTCUTS;

const APPLE_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Tab: '⇥' };
const APPLE_ORDER = ['Alt', 'Shift', 'Mod'];

export function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** What a person reads: 「Ctrl+B」, or 「⌘B」 on a Mac. */
export function shortcutLabel(keys: ShortcutKeys, apple: boolean): string {
  if (!apple) return keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
  const modifiers = APPLE_ORDER.filter((m) => keys.includes(m) && m !== keys[keys.length - 1]);
  const rest = keys.filter((key) => !modifiers.includes(key));
  return [...modifiers, ...rest].map((key) => APPLE_SYMBOLS[key] ?? key).join('');
}

/** The value of `aria-keyshortcuts` (WAI-ARIA key names): "Control+B", or "Meta+B" on a Mac. */
export function ariaKeyShortcuts(keys: ShortcutKeys, apple: boolean): string {
  return keys.map((key) => (key === 'Mod' ? (apple ? 'Meta' : 'Control') : key)).join('+');
}
