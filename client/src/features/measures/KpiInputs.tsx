import {
  formatMeasured,
  parseFigure,
  parseFiscalYear,
  type FigureProblem,
  type Measured,
  type ParsedFigure,
} from '@sakutei/shared/measures';
import { useId, useState, type KeyboardEvent } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { actualSaveErrorKey } from './actualErrors';
import { isComposing } from './CellEditor';
import { yearLong, yearShort } from './kpiFormat';

type Draft = { text: string; base: string };

/** Shared by every field: while the user types, their draft is shown instead of the live value. */
function useDraft(live: string) {
  const [draft, setDraft] = useState<Draft | null>(null);
  return {
    shown: draft?.text ?? live,
    draft,
    change: (text: string) => setDraft((current) => ({ text, base: current?.base ?? live })),
    clear: () => setDraft(null),
  };
}

type TextProps = {
  id?: string;
  value: string;
  readOnly: boolean;
  multiline?: boolean;
  label?: string;
  testId?: string;
  /** Receives the draft and the value it was typed over, so the caller can merge. */
  onCommit: (next: string, base: string) => void;
};

/** A text field that writes once, on Enter or when focus leaves; Esc puts the live value back. */
export function CommitTextField({ id, value, readOnly, multiline, label, testId, onCommit }: TextProps) {
  const { shown, draft, change, clear } = useDraft(value);
  const commit = () => {
    if (draft && draft.text !== draft.base) onCommit(draft.text, draft.base);
    clear();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (isComposing(event)) return;
    if (event.key === 'Escape' && draft) {
      event.preventDefault();
      clear();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    id,
    value: shown,
    readOnly,
    'aria-label': label,
    'data-testid': testId,
    onKeyDown,
    onBlur: commit,
  };
  return multiline ? (
    <textarea {...common} rows={2} onChange={(event) => change(event.target.value)} />
  ) : (
    <input {...common} type="text" onChange={(event) => change(event.target.value)} />
  );
}

export function figureProblemText(problem: FigureProblem, components: readonly string[], t: Translate): string {
  switch (problem.code) {
    case 'componentMismatch':
      return components.length > 0
        ? t('measures.figure.componentMismatch', { components: components.join(' ') })
        : t('measures.figure.unexpectedComponents');
    case 'tooLong':
      return t('measures.figure.tooLong');
    case 'unreadableNumber':
      return t('measures.figure.unreadable');
  }
}

type FigureProps = {
  id?: string;
  value: Measured;
  components: readonly string[];
  /** Set when the KPI keeps a sub-figure (`7 (11)`); the unit is left out of the input. */
  subUnit?: string;
  readOnly: boolean;
  label?: string;
  testId?: string;
  year?: number;
  /** Resolves when saved; a rejection keeps the draft and shows the failure. */
  onCommit: (figure: ParsedFigure) => void | Promise<void>;
};

/**
 * A KPI figure typed as text: `102`, `30,926 (R1)`, `—` (none), empty (not yet due), `X`
 * (withheld), or `複数 4 単身 4` for a KPI with components. Text that does not read as a
 * figure is reported inline and changes nothing.
 */
export function FigureInput({ id, value, components, subUnit, readOnly, label, testId, year, onCommit }: FigureProps) {
  const { t } = useI18n();
  const live = formatMeasured(value, '', { components, ...(subUnit !== undefined ? { subUnit } : {}) });
  const { shown, draft, change, clear } = useDraft(live);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState<MessageKey | null>(null);
  const messageId = useId();

  const commit = async () => {
    if (!draft || saving) return;
    if (draft.text.trim() === draft.base.trim()) {
      clear();
      setProblem(null);
      return;
    }
    const parsed = parseFigure(draft.text, components.length > 0 ? { components } : undefined);
    if (!parsed.ok) {
      setProblem(figureProblemText(parsed.problem, components, t));
      return;
    }
    setProblem(null);
    setSaveFailed(null);
    const pending = onCommit(parsed.figure);
    if (!pending) {
      clear();
      return;
    }
    setSaving(true);
    try {
      await pending;
      clear();
    } catch (error) {
      setSaveFailed(actualSaveErrorKey(error));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isComposing(event)) return;
    if (event.key === 'Escape' && draft) {
      event.preventDefault();
      clear();
      setProblem(null);
      setSaveFailed(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    }
  };

  const message = problem ?? (saveFailed ? t(saveFailed) : null);
  return (
    <span className="measures-figure">
      <input
        id={id}
        type="text"
        inputMode="text"
        className="measures-figure__input"
        value={shown}
        readOnly={readOnly || saving}
        aria-label={label}
        aria-invalid={message !== null}
        aria-describedby={message !== null ? messageId : undefined}
        aria-busy={saving}
        data-testid={testId}
        data-year={year}
        onChange={(event) => {
          change(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => void commit()}
      />
      {saving && (
        <span className="measures-figure__saving" role="status" data-testid="kpi-saving">
          {t('measures.kpi.saving')}
        </span>
      )}
      {message !== null && (
        <span id={messageId} className="measures-figure__error" role="alert" data-testid="kpi-figure-error">
          {message}
        </span>
      )}
    </span>
  );
}

type YearProps = {
  id?: string;
  value: number | null;
  readOnly: boolean;
  label?: string;
  testId?: string;
  onCommit: (fiscalYear: number | null) => void;
};

/** A fiscal year typed as `R7`, `令和7年度`, `2025` or `7年度` (read as 令和). */
export function FiscalYearInput({ id, value, readOnly, label, testId, onCommit }: YearProps) {
  const { t, locale } = useI18n();
  const live = value === null ? '' : yearShort(value);
  const { shown, draft, change, clear } = useDraft(live);
  const [problem, setProblem] = useState(false);
  const messageId = useId();

  const commit = () => {
    if (!draft) return;
    const text = draft.text.trim();
    const year = text === '' ? null : parseFiscalYear(text, { defaultEra: '令和' });
    if (text !== '' && (year === null || year > 2200)) {
      setProblem(true);
      return;
    }
    setProblem(false);
    if (year !== value) onCommit(year);
    clear();
  };

  return (
    <span className="measures-figure">
      <input
        id={id}
        type="text"
        className="measures-year__input"
        value={shown}
        readOnly={readOnly}
        title={value !== null ? yearLong(value, locale) : undefined}
        aria-label={label}
        aria-invalid={problem}
        aria-describedby={problem ? messageId : undefined}
        data-testid={testId}
        onChange={(event) => {
          change(event.target.value);
          setProblem(false);
        }}
        onKeyDown={(event) => {
          if (isComposing(event)) return;
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape' && draft) {
            event.preventDefault();
            clear();
            setProblem(false);
          }
        }}
        onBlur={commit}
      />
      {problem && (
        <span id={messageId} className="measures-figure__error" role="alert" data-testid="kpi-year-error">
          {t('measures.kpi.yearUnreadable')}
        </span>
      )}
    </span>
  );
}
