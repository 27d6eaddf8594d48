import { formatMeasured, parseFigure, type FieldSuggestion, type FieldTarget, type FieldValue, type KpiRecord } from '@sakutei/shared/measures';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { CellSuggestionMark } from './CellSuggestionMark';
import { figureProblemText } from './KpiInputs';
import type { NameOf } from '../plan/usePeopleNames';
import { SuggestCellDialog, type ProposeResult } from './SuggestCellDialog';

/** What a KPI card needs to show and make proposals for its figures. */
export type KpiSuggesting = {
  forCell: (target: FieldTarget) => readonly FieldSuggestion[];
  nameOf: NameOf;
  selfId: string;
  mayPropose: boolean;
  propose: (target: FieldTarget, value: FieldValue, show: (value: FieldValue) => string) => ProposeResult;
  withdraw: (suggestionId: string) => void;
};

type Props = {
  kpi: KpiRecord;
  /** A figure (基準値・目標値) or one of the KPI's words (指標名・単位・出典). */
  field: 'baselineValue' | 'targetValue' | 'name' | 'unit' | 'source';
  /** 「成果指標① 空き店舗数の目標値」: what the dialog is titled for. */
  where: string;
  suggesting: KpiSuggesting;
};

/**
 * Under a KPI's 基準値 or 目標値 (or its 指標名, 単位, 出典): its pending proposals as 「~~80 店舗~~ → __70 店舗__」 and a
 * 提案する button opening the dialog, which reads the figure as the KPI editor does
 * (数値, — none, X withheld, empty = blank; parts for a KPI with components).
 */
export function FigureSuggestion({ kpi, field, where, suggesting }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const figure = field === 'baselineValue' || field === 'targetValue';
  const target: FieldTarget = figure ? { kind: 'kpiFigure', id: kpi.id, field } : { kind: 'kpiText', id: kpi.id, field };
  const pending = suggesting.forCell(target);
  const current: FieldValue = field === 'baselineValue' ? kpi.baseline.value : field === 'targetValue' ? kpi.target.value : kpi[field];
  const show = (value: FieldValue) =>
    typeof value === 'string' ? value : value.kind === 'blank' ? t('cellSuggest.empty') : formatMeasured(value, kpi.unit, { components: kpi.components }) || t('cellSuggest.empty');
  if (pending.length === 0 && !suggesting.mayPropose) return null;
  return (
    <div className="figure-suggestion" data-testid="figure-suggestion" data-field={field} data-kind={target.kind}>
      <CellSuggestionMark suggestions={pending} current={show(current)} nameOf={suggesting.nameOf} show={show} />
      {suggesting.mayPropose && (
        <button type="button" className="link-button" data-testid="figure-suggest" aria-label={t('cellSuggest.actionLabel', { where })} onClick={() => setOpen(true)}>
          {t('cellSuggest.action')}
        </button>
      )}
      {open && (
        <SuggestCellDialog
          where={where}
          current={show(current)}
          multiline={false}
          seed={typeof current === 'string' ? current : formatMeasured(current, '', { components: kpi.components })}
          pending={pending}
          selfId={suggesting.selfId}
          nameOf={suggesting.nameOf}
          show={show}
          parse={!figure ? undefined : (draft) => {
            const parsed = parseFigure(draft, kpi.components.length > 0 ? { components: kpi.components } : undefined);
            return parsed.ok ? { ok: true, value: parsed.figure.value } : { ok: false, problem: figureProblemText(parsed.problem, kpi.components, t) };
          }}
          onPropose={(value) => suggesting.propose(target, value, show)}
          onWithdraw={suggesting.withdraw}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
