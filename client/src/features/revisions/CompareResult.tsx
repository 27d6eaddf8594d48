import { type CompareOrder, type SuggestionView, userColor } from '@sakutei/shared';
import { type CSSProperties, useMemo } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useI18n } from '../../i18n';
import { isBusy } from '../../lib/api';
import { compareExportUrl, compareRevisions, type Comparison } from '../../lib/revisionsApi';
import type { ComparePair } from './compareChoices';
import { MeasureCompareTable } from './MeasureCompareTable';
import { ProseCompareTable, type CompareMode } from './ProseCompareTable';
import { SuggestionAuthorsContext } from './suggestionAuthors';

interface Props {
  planId: string;
  pair: ComparePair;
  /** How this reader names the two sides (the server's labels are in Japanese). */
  labels: { from: string; to: string };
  mode: CompareMode;
  showAll: boolean;
  order: CompareOrder;
  /** Dates in the downloaded files: 和暦 unless the reader asked for 西暦. */
  calendar: 'wareki' | 'seireki';
  /** Whether the newer side's pending suggestions are shown (and downloaded) as 見え消し. */
  suggestions?: SuggestionView;
}

/** Reads one comparison from the server and shows it, with its downloads. */
export function CompareResult({ planId, pair, labels, mode, showAll, order, calendar, suggestions = 'clean' }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useApiResource(`compare:${planId}:${pair.from}:${pair.to}:${suggestions}`, (signal) =>
    compareRevisions(planId, pair.from, pair.to, signal, suggestions),
  );

  return (
    <div className="compare-result">
      <div className="revisions-actions">
        <a href={compareExportUrl(planId, pair.from, pair.to, 'docx', { order, calendar, suggestions })} download data-testid="compare-export-docx">
          {t('revisions.compare.exportDocx')}
        </a>
        <a href={compareExportUrl(planId, pair.from, pair.to, 'html', { order, calendar, suggestions })} target="_blank" rel="noopener" data-testid="compare-export-html">
          {t('revisions.compare.exportHtml')}
        </a>
        {/* The draft moves on while this is open; a comparison with it is as of when it was read. */}
        <button type="button" className="button button--quiet" data-testid="compare-refresh" onClick={reload}>
          {t('revisions.compare.refresh')}
        </button>
      </div>
      <ResourceStatus
        resource={resource}
        loadingMessage={t('revisions.compare.loading')}
        // Busy (429/503) says to retry shortly; anything else is a plain failure.
        failedMessage={resource.status === 'failed' && isBusy(resource.error) ? t('revisions.error.busy') : t('revisions.compare.loadFailed')}
        onRetry={reload}
        quiet
      />
      {resource.status === 'loaded' && (
        <ComparisonView key={`${pair.from}:${pair.to}`} comparison={resource.data} labels={labels} mode={mode} showAll={showAll} order={order} />
      )}
    </div>
  );
}

interface ViewProps {
  comparison: Comparison;
  labels: Props['labels'];
  mode: CompareMode;
  showAll: boolean;
  order: CompareOrder;
}

function ComparisonView({ comparison, labels, mode, showAll, order }: ViewProps) {
  const { t } = useI18n();
  const changedBlocks = comparison.prose.filter((row) => row.kind !== 'same').length;
  const authors = useMemo(() => new Map((comparison.suggestionAuthors ?? []).map((a) => [a.id, a.name])), [comparison.suggestionAuthors]);
  return (
    <SuggestionAuthorsContext.Provider value={authors}>
      <div className="compare-view" data-testid="compare-view" data-mode={mode} data-order={order}>
        <p className="compare-view__sides">
          {t('revisions.compare.sides', labels)}
        </p>
        <h3 className="revisions-section__subtitle">{t('revisions.compare.prose')}</h3>
        {authors.size > 0 && <SuggestionsLegend authors={comparison.suggestionAuthors ?? []} />}
        {changedBlocks === 0 && (
          <p className="compare-none" data-testid="compare-prose-unchanged">
            {t('revisions.compare.proseUnchanged')}
          </p>
        )}
        {comparison.prose.length > 0 && (
          <ProseCompareTable
            rows={comparison.prose}
            mode={mode}
            fromLabel={labels.from}
            toLabel={labels.to}
            showAll={showAll}
            order={order}
          />
        )}
        <h3 className="revisions-section__subtitle">{t('revisions.compare.measures')}</h3>
        <MeasureCompareTable diff={comparison.measures} order={order} />
        {/* The yearly parts frozen with the plan (実施状況, 評価・課題), in the order the export prints them. */}
        <h3 className="revisions-section__subtitle">{t('revisions.compare.progress')}</h3>
        <MeasureCompareTable diff={comparison.measures} order={order} section="progress" />
        <h3 className="revisions-section__subtitle">{t('revisions.compare.evaluations')}</h3>
        <MeasureCompareTable diff={comparison.measures} order={order} section="evaluations" />
      </div>
    </SuggestionAuthorsContext.Provider>
  );
}

/** Whose colour is whose among the suggestions shown, and what the lines mean. */
function SuggestionsLegend({ authors }: { authors: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useI18n();
  return (
    <p className="compare-suggestions-legend" data-testid="compare-suggestions-legend">
      <strong>{t('suggestionExports.legend')}</strong>
      <span>{t('suggestionExports.legendMarks')}</span>
      {authors.map((author) => (
        <span key={author.id} className="compare-suggestions-legend__author" style={{ '--suggestion-colour': userColor(author.id) } as CSSProperties}>
          {author.name}
        </span>
      ))}
    </p>
  );
}
