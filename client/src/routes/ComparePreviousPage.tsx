import { docAccessOf } from '@sakutei/shared';
import { useState } from 'react';
import { ResourceStatus } from '../app/ResourceStatus';
import { Link } from '../app/router';
import { useApiResource } from '../app/useApiResource';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useI18n } from '../i18n';
import { getPlan } from '../lib/api';
import { CompareResult } from '../features/revisions/CompareResult';
import '../features/revisions/compare.css';
import '../features/plans/plans.css';

/**
 * 新旧対照表 against last year: the previous edition's latest approved revision (改正前) and
 * this edition's draft (改正後). The server checks that the caller may see both plans.
 */
export function ComparePreviousPage({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { resource, reload } = useApiResource(`plan:${planId}`, (signal) => getPlan(planId, signal));
  useDocumentTitle(t('plans.compare.title'));
  const plan = resource.status === 'loaded' ? resource.data.plan : null;
  const from = plan?.previous?.approvedRevisionId ?? null;
  const [withSuggestions, setWithSuggestions] = useState(false);
  return (
    <section className="page page--wide compare-previous" data-testid="compare-previous">
      <nav className="breadcrumb" aria-label={t('plan.breadcrumb')}>
        <ol>
          <li>
            <Link to="/plans">{t('plans.title')}</Link>
          </li>
          {plan && (
            <li>
              <Link to={`/plans/${encodeURIComponent(plan.id)}`}>{plan.title}</Link>
            </li>
          )}
          <li aria-current="page">{t('plans.compare.title')}</li>
        </ol>
      </nav>
      <h1>{t('plans.compare.title')}</h1>
      <ResourceStatus resource={resource} failedMessage={t('plan.loadFailed')} onRetry={reload} />
      {plan &&
        (from && plan.previous && docAccessOf(plan.role) !== null ? (
          <>
            {/* The draft's pending suggestions are not yet its wording: shown only when asked. */}
            <label className="compare-controls__check">
              <input
                type="checkbox"
                data-testid="compare-suggestions"
                checked={withSuggestions}
                onChange={(event) => setWithSuggestions(event.target.checked)}
              />
              {t('suggestionExports.compareInclude')}
            </label>
            {/* CompareResult names both sides above the tables, in the order they stand. */}
            <CompareResult
              planId={plan.id}
              pair={{ from, to: 'draft' }}
              labels={{ from: `${plan.previous.title}（${t('plans.compare.from')}）`, to: `${plan.title}（${t('plans.compare.to')}）` }}
              mode="split"
              showAll={false}
              order="new-old"
              calendar="wareki"
              suggestions={withSuggestions ? 'markup' : 'clean'}
            />
          </>
        ) : (
          <p className="empty-state" data-testid="compare-previous-none">
            {t('plans.compare.none')}
          </p>
        ))}
      {plan && <Link to={`/plans/${encodeURIComponent(plan.id)}`}>{t('plans.compare.back')}</Link>}
    </section>
  );
}
