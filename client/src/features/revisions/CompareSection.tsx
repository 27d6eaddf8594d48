import { DEFAULT_COMPARE_ORDER, type CompareOrder, type Revision } from '@sakutei/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { DRAFT_SIDE, type CompareSide } from '../../lib/revisionsApi';
import { CompareResult } from './CompareResult';
import { defaultPair, validPair, type ComparePair } from './compareChoices';
import type { CompareMode } from './ProseCompareTable';
import { revisionLabel } from './revisionText';
import './compare.css';

interface Props {
  planId: string;
  revisions: readonly Revision[];
  /** Whether the live draft can be one side (not for readers of approved revisions only). */
  withDraft: boolean;
}

/** 新旧対照表: two sides to compare, how to lay them out, and the result. */
export function CompareSection({ planId, revisions, withDraft }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const [chosen, setChosen] = useState<ComparePair | null>(null);
  const [mode, setMode] = useState<CompareMode>('split');
  const [showAll, setShowAll] = useState(false);
  const [order, setOrder] = useState<CompareOrder>(DEFAULT_COMPARE_ORDER);
  const [western, setWestern] = useState(false);
  const [withSuggestions, setWithSuggestions] = useState(false);
  // Until someone chooses, the defaults follow the list (a review approved elsewhere moves them).
  const pair = validPair(chosen, revisions, withDraft) ? chosen : defaultPair(revisions, withDraft);

  const labelOf = (side: CompareSide) => {
    if (side === DRAFT_SIDE) return t('revisions.compare.draft');
    const revision = revisions.find((candidate) => candidate.id === side);
    return revision ? revisionLabel(revision, t) : side;
  };

  const choose = (side: keyof ComparePair, value: CompareSide) => {
    if (pair) setChosen({ ...pair, [side]: value });
  };

  const options = (
    <>
      {withDraft && <option value={DRAFT_SIDE}>{t('revisions.compare.draft')}</option>}
      {[...revisions].reverse().map((revision) => (
        <option key={revision.id} value={revision.id}>
          {revisionLabel(revision, t)}
        </option>
      ))}
    </>
  );

  return (
    <section className="revisions-section compare-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="revisions-section__title">
        {t('revisions.compare.title')}
      </h2>
      {!pair ? (
        <p className="empty-state" data-testid="compare-empty">
          {withDraft ? t('revisions.compare.emptyWithDraft') : t('revisions.compare.empty')}
        </p>
      ) : (
        <>
          <div className="compare-controls">
            <label className="revisions-field">
              <span>{t('revisions.compare.from')}</span>
              <select
                className="revisions-input"
                data-testid="compare-from"
                value={pair.from}
                onChange={(event) => choose('from', event.target.value)}
              >
                {options}
              </select>
            </label>
            <label className="revisions-field">
              <span>{t('revisions.compare.to')}</span>
              <select
                className="revisions-input"
                data-testid="compare-to"
                value={pair.to}
                onChange={(event) => choose('to', event.target.value)}
              >
                {options}
              </select>
            </label>
            <button
              type="button"
              className="button button--quiet"
              data-testid="compare-mode"
              data-mode={mode}
              aria-pressed={mode === 'inline'}
              onClick={() => setMode((current) => (current === 'split' ? 'inline' : 'split'))}
            >
              {t('revisions.compare.inlineToggle')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              data-testid="compare-order"
              data-order={order}
              aria-pressed={order === 'old-new'}
              disabled={mode === 'inline'}
              onClick={() => setOrder((current) => (current === 'new-old' ? 'old-new' : 'new-old'))}
            >
              {t('revisions.compare.oldLeft')}
            </button>
            <label className="compare-controls__check">
              <input
                type="checkbox"
                data-testid="compare-western"
                checked={western}
                onChange={(event) => setWestern(event.target.checked)}
              />
              {t('revisions.compare.calendarWestern')}
            </label>
            <label className="compare-controls__check">
              <input
                type="checkbox"
                data-testid="compare-show-all"
                checked={showAll}
                onChange={(event) => setShowAll(event.target.checked)}
              />
              {t('revisions.compare.showAll')}
            </label>
            {/* The sides compare as adopted (suggestions rejected); this shows the newer side's pending ones over it. */}
            <label className="compare-controls__check">
              <input
                type="checkbox"
                data-testid="compare-suggestions"
                checked={withSuggestions}
                onChange={(event) => setWithSuggestions(event.target.checked)}
              />
              {t('suggestionExports.compareInclude')}
            </label>
          </div>
          <CompareResult
            planId={planId}
            pair={pair}
            labels={{ from: labelOf(pair.from), to: labelOf(pair.to) }}
            mode={mode}
            showAll={showAll}
            order={order}
            calendar={western ? 'seireki' : 'wareki'}
            suggestions={withSuggestions ? 'markup' : 'clean'}
          />
        </>
      )}
    </section>
  );
}
