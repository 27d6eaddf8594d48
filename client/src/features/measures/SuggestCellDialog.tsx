import type { FieldSuggestion, FieldValue } from '@sakutei/shared/measures';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { useI18n } from '../../i18n';
import { CellSuggestionMark, suggestedText } from './CellSuggestionMark';
import type { NameOf } from '../plan/usePeopleNames';

export type ProposeResult = 'ok' | 'same' | 'gone';

type Props = {
  /** 「1-2 空き店舗対策 の名称」: what is proposed for. */
  where: string;
  /** What the cell holds now. */
  current: string;
  multiline: boolean;
  /** What the reader typed to open it (the first character), else null. */
  seed: string | null;
  /** The cell's pending proposals: one's own can be withdrawn here. */
  pending: readonly FieldSuggestion[];
  selfId: string;
  nameOf: NameOf;
  /** Reads the typed text as the cell's value (a figure for a KPI's 基準値・目標値); text cells take it as it is. */
  parse?: (draft: string) => { ok: true; value: FieldValue } | { ok: false; problem: string };
  /** Prints a pending proposal's values. */
  show?: (value: FieldValue) => string;
  /** Writes the proposal: 'same' when the cell already holds it, 'gone' when its row or KPI went. */
  onPropose: (value: FieldValue) => ProposeResult;
  onWithdraw: (suggestionId: string) => void;
  onClose: () => void;
};

/**
 * 提案する for a text cell of the measure table: the current value, a field for the proposed
 * one (seeded with what was typed, else the current text to edit), the cell's pending
 * proposals, and 取り下げ for one's own. A proposal equal to the current value is refused.
 */
export function SuggestCellDialog({ where, current, multiline, seed, pending, selfId, nameOf, parse, show: showValue, onPropose, onWithdraw, onClose }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const [draft, setDraft] = useState(seed ?? current);
  const [failure, setFailure] = useState<string | null>(null);
  const show = showValue ?? ((value: FieldSuggestion['value']) => suggestedText(value, t));
  const own = pending.find((s) => s.author === selfId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parse && draft === current) return setFailure(t('cellSuggest.same'));
    const parsed = parse ? parse(draft) : ({ ok: true, value: draft } as const);
    if (!parsed.ok) return setFailure(parsed.problem);
    const result = onPropose(parsed.value);
    if (result !== 'ok') return setFailure(t(result === 'same' ? 'cellSuggest.same' : 'cellSuggest.gone'));
    onClose();
  };

  const inputProps = {
    id: inputId,
    value: draft,
    autoFocus: true,
    'data-testid': 'cell-suggest-input',
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      setFailure(null);
    },
  };

  return (
    <FormDialog title={t('cellSuggest.dialogTitle', { where })} testId="cell-suggest-dialog" onClose={onClose}>
      <form className="cell-suggest" onSubmit={submit}>
        <p className="cell-suggest__current">
          <span className="cell-suggest__label">{t('cellSuggest.current')}</span>
          <span data-testid="cell-suggest-current">{current || t('cellSuggest.empty')}</span>
        </p>
        {pending.length > 0 && (
          <div className="cell-suggest__pending" data-testid="cell-suggest-pending">
            <span className="cell-suggest__label">{t('cellSuggest.pending')}</span>
            <ul>
              {pending.map((s) => (
                <li key={s.id}>
                  <CellSuggestionMark suggestions={[s]} current={show(s.was)} nameOf={nameOf} show={show} />
                </li>
              ))}
            </ul>
            {own && (
              <button
                type="button"
                className="button"
                data-testid="cell-suggest-withdraw"
                onClick={() => {
                  onWithdraw(own.id);
                  onClose();
                }}
              >
                {t('cellSuggest.withdraw')}
              </button>
            )}
          </div>
        )}
        <label htmlFor={inputId} className="cell-suggest__label">
          {t('cellSuggest.proposed')}
        </label>
        {multiline ? <textarea rows={3} {...inputProps} /> : <input {...inputProps} />}
        <FormActions
          failure={failure}
          failureTestId="cell-suggest-failure"
          cancelLabel={t('cellSuggest.cancel')}
          submitLabel={t('cellSuggest.submit')}
          submitTestId="cell-suggest-submit"
          busy={false}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
