import { useId } from 'react';
import type { ProseSuggesting } from '../../plan/suggesting';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useI18n } from '../../../i18n';
import { SHORTCUTS } from '../shortcuts';
import { keyShortcutsAttribute, shortcutText } from './ToolButton';

export type WritingMode = 'edit' | 'suggest';

interface SuggestModeToggleProps {
  suggesting: ProseSuggesting;
  mode: WritingMode;
  onChange: (mode: WritingMode) => void;
}

/**
 * 編集 / 提案: a segmented control of two pressed-state buttons, first in the toolbar. Whoever
 * may only suggest (staff; everyone while a review locks the draft) sees 提案 chosen and 編集
 * unavailable, with the reason beside it. The key (Ctrl+Alt+S) is named on the group.
 */
export function SuggestModeToggle({ suggesting, mode, onChange }: SuggestModeToggleProps) {
  const { t } = useI18n();
  // Per instance: a second editor on the page (a revision reader's) would repeat a fixed id.
  const id = useId();
  const ids = { reason: `${id}-reason`, edit: `${id}-edit`, suggest: `${id}-suggest` };
  const locked = suggesting.only;
  const keys = keyShortcutsAttribute(SHORTCUTS.suggestMode);
  const reason = suggesting.only ? t(suggesting.reason === 'staff' ? 'editor.suggest.lockedStaff' : 'editor.suggest.lockedReview') : null;
  const choose = (selected: Set<Key>) => {
    const [next] = selected;
    if (next === 'edit' || next === 'suggest') onChange(next);
  };
  return (
    <div className="suggest-toggle" data-testid="suggest-mode" data-mode={mode} data-locked={locked || undefined}>
      <ToggleButtonGroup
        className="suggest-toggle__group"
        aria-label={t('editor.suggest.mode')}
        aria-describedby={reason ? ids.reason : undefined}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[mode]}
        onSelectionChange={choose}
      >
        <ToggleButton
          id="edit"
          className="suggest-toggle__option"
          data-testid="mode-edit"
          isDisabled={locked}
          aria-describedby={ids.edit}
          {...{ 'aria-keyshortcuts': locked ? undefined : keys }}
        >
          {t('editor.suggest.edit')}
        </ToggleButton>
        <ToggleButton
          id="suggest"
          className="suggest-toggle__option suggest-toggle__option--suggest"
          data-testid="mode-suggest"
          aria-describedby={ids.suggest}
          {...{ 'aria-keyshortcuts': locked ? undefined : keys }}
        >
          {t('editor.suggest.suggest')}
        </ToggleButton>
      </ToggleButtonGroup>
      {/* Hints by reference, not aria-description (ARIA 1.3), which NVDA + Firefox ESR do not read. */}
      <span id={ids.edit} className="visually-hidden">
        {t('editor.suggest.editHint')}
      </span>
      <span id={ids.suggest} className="visually-hidden">
        {t('editor.suggest.suggestHint')}
      </span>
      {reason ? (
        <span id={ids.reason} className="suggest-toggle__reason" data-testid="suggest-mode-reason">
          {reason}
        </span>
      ) : (
        <kbd className="suggest-toggle__key" aria-hidden="true">
          {shortcutText(SHORTCUTS.suggestMode)}
        </kbd>
      )}
    </div>
  );
}
