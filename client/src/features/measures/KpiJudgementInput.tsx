import type { Measured, ParsedFigure } from '@sakutei/shared/measures';
import { useId, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { actualSaveErrorKey } from './actualErrors';
import { yearLong } from './kpiFormat';
import { CommitTextField } from './KpiInputs';

type Props = {
  value: Measured | undefined;
  readOnly: boolean;
  year: number;
  /** The same path as a figure: editors write the document, staff go through the API. */
  onCommit: (figure: ParsedFigure) => void | Promise<void>;
};

const figureOf = (value: Measured): ParsedFigure => ({ value, unit: '', label: '', labelFiscalYear: null, direction: null });

/**
 * A qualitative KPI's year: staff judge it 達成 / 未達成 (or leave it 未判定) with a note. A
 * native select and a text field, so it is reached with Tab and changed with the arrow keys.
 */
export function JudgementInput({ value, readOnly, year, onCommit }: Props) {
  const { t, locale } = useI18n();
  const noteId = useId();
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const judgement = value?.kind === 'judgement' ? value : null;
  const yearText = yearLong(year, locale);

  const save = (next: Measured) => {
    setFailed(null);
    const pending = onCommit(figureOf(next));
    if (pending) pending.catch((error: unknown) => setFailed(actualSaveErrorKey(error)));
  };

  return (
    <span className="measures-judgement" data-testid="kpi-judgement" data-year={year}>
      <select
        value={judgement === null ? '' : judgement.met ? 'met' : 'notMet'}
        disabled={readOnly}
        aria-label={t('kpiKinds.judgement', { year: yearText })}
        data-testid="kpi-judgement-select"
        onChange={(event) => {
          const choice = event.target.value;
          save(choice === '' ? { kind: 'blank' } : { kind: 'judgement', met: choice === 'met', note: judgement?.note ?? '' });
        }}
      >
        <option value="">{t('kpiKinds.judgement.unset')}</option>
        <option value="met">{t('kpiKinds.judgement.met')}</option>
        <option value="notMet">{t('kpiKinds.judgement.notMet')}</option>
      </select>
      {judgement !== null && (
        <CommitTextField
          id={noteId}
          value={judgement.note}
          readOnly={readOnly}
          label={t('kpiKinds.judgement.note', { year: yearText })}
          testId="kpi-judgement-note"
          onCommit={(next) => save({ kind: 'judgement', met: judgement.met, note: next.trim().slice(0, 400) })}
        />
      )}
      {failed !== null && (
        <span className="measures-figure__error" role="alert">
          {t(failed)}
        </span>
      )}
    </span>
  );
}
