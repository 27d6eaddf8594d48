import type { ReactNode } from 'react';
import { Button, ToggleButton, Tooltip, TooltipTrigger } from 'react-aria-components';
import { useI18n } from '../../../i18n';
import { type ShortcutKeys, ariaKeyShortcuts, isApplePlatform, shortcutLabel } from '../shortcuts';

interface ToolButtonProps {
  /** The button's name, already translated (「太字」). */
  label: string;
  shortcut?: ShortcutKeys;
  /** A toggle (bold, a list) shows whether the selection has it; an action (undo) has none. */
  pressed?: boolean;
  disabled?: boolean;
  onPress: () => void;
  children: ReactNode;
  testId?: string;
}

const APPLE = isApplePlatform();

/** A key as this platform writes it: 「Ctrl+B」 or 「⌘B」. */
export function shortcutText(shortcut: ShortcutKeys): string {
  return shortcutLabel(shortcut, APPLE);
}

/** The text a tooltip shows: 「太字（Ctrl+B）」. */
export function useShortcutText(): (label: string, shortcut?: ShortcutKeys) => string {
  const { t } = useI18n();
  return (label, shortcut) => (shortcut ? t('editor.withShortcut', { label, shortcut: shortcutText(shortcut) }) : label);
}

export function keyShortcutsAttribute(shortcut?: ShortcutKeys): string | undefined {
  return shortcut ? ariaKeyShortcuts(shortcut, APPLE) : undefined;
}

/**
 * One toolbar button with a tooltip naming it and its key. The glyph inside is decorative;
 * the accessible name is the label, and `aria-keyshortcuts` announces the key.
 */
export function ToolButton({ label, shortcut, pressed, disabled, onPress, children, testId }: ToolButtonProps) {
  const withShortcut = useShortcutText();
  const keys = keyShortcutsAttribute(shortcut);
  const common = {
    className: 'editor-tool',
    'aria-label': label,
    // React Aria's buttons pass only the DOM props they know, and aria-keyshortcuts is not one.
    ref: (button: HTMLButtonElement | null) => {
      if (button && keys) button.setAttribute('aria-keyshortcuts', keys);
    },
    isDisabled: disabled,
    'data-testid': testId,
  };
  return (
    <TooltipTrigger delay={500} closeDelay={0}>
      {pressed === undefined ? (
        <Button {...common} onPress={onPress}>
          {children}
        </Button>
      ) : (
        <ToggleButton {...common} isSelected={pressed} onChange={onPress}>
          {children}
        </ToggleButton>
      )}
      <Tooltip className="editor-tooltip" offset={6}>
        {withShortcut(label, shortcut)}
      </Tooltip>
    </TooltipTrigger>
  );
}
