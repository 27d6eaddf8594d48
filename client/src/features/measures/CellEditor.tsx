import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { STATUS_OPTIONS, type CellEditKind, type CommitMove } from './gridModel';

type Props = {
  kind: CellEditKind;
  /** The value the editor opens with. */
  initial: string;
  label: string;
  onCommit: (draft: string, move: CommitMove, refocus: boolean) => void;
  onCancel: () => void;
};

/** An IME composition (Japanese input) owns Enter, Esc and Tab until it is confirmed. */
export function isComposing(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * The in-cell editor. It keeps a private draft and hands it over once, on Enter / Tab /
 * Ctrl+Enter or when focus leaves; Esc drops it. Multi-line cells (内容, 担当) keep Enter
 * for new lines and commit with Ctrl+Enter.
 */
export function CellEditor({ kind, initial, label, onCommit, onCancel }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus();
    // Typing into a cell continues after what is there, as in a spreadsheet.
    if (kind !== 'status') element.setSelectionRange(element.value.length, element.value.length);
  }, [kind]);

  const finish = (move: CommitMove, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    onCommit(draft, move, refocus);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // The grid's own shortcuts must not see keys typed into the editor.
    event.stopPropagation();
    if (isComposing(event)) return;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(event.shiftKey ? 'left' : 'right', true);
    } else if (event.key === 'Enter') {
      if (kind === 'multiline' && !mod) return;
      event.preventDefault();
      finish(kind === 'multiline' ? 'stay' : 'down', true);
    }
  };

  const onBlur = (event: React.FocusEvent) => {
    if (event.relatedTarget !== null) {
      finish('stay', false);
      return;
    }
    // Focus can drop for a moment when a collaborator's edit moves this row in the DOM;
    // the grid puts it straight back, so only a loss that lasts counts as leaving.
    setTimeout(() => {
      if (document.activeElement !== ref.current) finish('stay', false);
    }, 0);
  };

  const common = {
    ref,
    'aria-label': label,
    'data-cell-editor': true,
    'data-testid': 'cell-editor',
    className: `measures-editor measures-editor--${kind}`,
    onKeyDown,
    onBlur,
  };

  if (kind === 'status') {
    return (
      <select {...common} value={draft} onChange={(event) => setDraft(event.target.value)}>
        <option value="">{t('measures.status.none')}</option>
        {STATUS_OPTIONS.map((status) => (
          <option key={status} value={status}>
            {t(`measures.status.${status}`)}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'multiline') {
    const lines = draft.split('\n').length;
    return (
      <textarea
        {...common}
        value={draft}
        rows={Math.min(Math.max(lines + 1, 3), 12)}
        aria-multiline="true"
        onChange={(event) => setDraft(event.target.value)}
      />
    );
  }
  return <input {...common} type="text" value={draft} onChange={(event) => setDraft(event.target.value)} />;
}
