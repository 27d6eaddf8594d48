import { can, formatCommentTime, matchesSearch, type PlanListItem } from '@sakutei/shared';
import { useId, useMemo, useState } from 'react';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { listPlans } from '../../lib/api';
import { NewPlanDialog } from './NewPlanDialog';
import { periodText, stageText } from './planText';
import './plans.css';

/** A plan with the earlier editions made before it (newest first), which the list folds under it. */
type Listed = { plan: PlanListItem; earlier: PlanListItem[] };

/** Folds every archived edition under the edition that followed it, however long the chain. */
export function groupEditions(plans: readonly PlanListItem[]): Listed[] {
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const folded = new Set<string>();
  const groups: Listed[] = [];
  for (const plan of plans) {
    if (plan.nextPlanId && byId.has(plan.nextPlanId)) continue;
    const earlier: PlanListItem[] = [];
    let previous = plan.previousPlanId ? byId.get(plan.previousPlanId) : undefined;
    while (previous && !folded.has(previous.id)) {
      folded.add(previous.id);
      earlier.push(previous);
      previous = previous.previousPlanId ? byId.get(previous.previousPlanId) : undefined;
    }
    groups.push({ plan, earlier });
  }
  return groups;
}

function PlanCard({ plan, compact = false }: { plan: PlanListItem; compact?: boolean }) {
  const { t, locale } = useI18n();
  const period = periodText(plan, locale);
  return (
    <article className={`plan-card${compact ? ' plan-card--earlier' : ''}`} data-testid="plan-list-item" data-plan-id={plan.id}>
      <div className="plan-card__head">
        <Link to={`/plans/${encodeURIComponent(plan.id)}`} className="plan-card__title">
          {plan.title}
        </Link>
        <span className={`plan-status plan-status--${plan.status}`} data-testid="plan-status" data-status={plan.status}>
          {t(`plans.status.${plan.status}`)}
        </span>
        {plan.archivedAt && <span className="plan-status plan-status--archived">{t('plans.archived')}</span>}
        {plan.reviewsWaiting > 0 && (
          <span className="plan-badge plan-badge--review" data-testid="plan-reviews-waiting">
            {t('plans.reviewsWaiting', { count: plan.reviewsWaiting })}
          </span>
        )}
        {plan.unread > 0 && (
          <span className="plan-badge" data-testid="plan-unread">
            {t('plans.unread', { count: plan.unread })}
          </span>
        )}
      </div>
      <dl className="plan-card__meta">
        <div>
          <dt>{t('plans.council')}</dt>
          <dd data-testid="plan-council">{plan.workspaceName}</dd>
        </div>
        {period && (
          <div>
            <dt>{t('plans.period')}</dt>
            <dd data-testid="plan-period">{period}</dd>
          </div>
        )}
        <div>
          <dt>{t('plans.stage')}</dt>
          <dd data-testid="plan-stage">{stageText(plan.stage, t)}</dd>
        </div>
        <div>
          <dt>{t('plans.lastEdit')}</dt>
          <dd data-testid="plan-last-edit">{plan.editedAt ? formatCommentTime(plan.editedAt, locale) : t('plans.neverEdited')}</dd>
        </div>
        <div>
          <dt>{t('plans.yourRole')}</dt>
          <dd data-testid="plan-role" data-role={plan.role}>
            {t(`role.${plan.role}`)}
          </dd>
        </div>
      </dl>
    </article>
  );
}

function PlanGroup({ group }: { group: Listed }) {
  const { t } = useI18n();
  return (
    <li className="plan-group">
      <PlanCard plan={group.plan} />
      {group.earlier.length > 0 && (
        <details className="plan-earlier" data-testid="plan-earlier-editions">
          <summary>{t('plans.earlierEditions', { count: group.earlier.length })}</summary>
          <ul className="plan-list plan-list--earlier">
            {group.earlier.map((plan) => (
              <li key={plan.id}>
                <PlanCard plan={plan} compact />
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

export function PlanListPage() {
  const { t } = useI18n();
  const me = useMe();
  const searchId = useId();
  const { resource, reload } = useApiResource('plans', (signal) => listPlans(signal));
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('plans.title'));
  const mayCreate = me.memberships.some((m) => can(m.role, 'plan.create'));

  const plans = resource.status === 'loaded' ? resource.data.plans : [];
  const groups = useMemo(() => {
    // A match on an earlier edition shows its group; the successor carries the fold.
    const matching = plans.filter((plan) => matchesSearch(query, [plan.title, plan.workspaceName]));
    const shown = new Set(matching.map((plan) => plan.id));
    return groupEditions(plans).filter((group) => shown.has(group.plan.id) || group.earlier.some((plan) => shown.has(plan.id)));
  }, [plans, query]);

  return (
    <section className="page">
      <div className="plans-heading">
        <h1>{t('plans.title')}</h1>
        {mayCreate && (
          <button type="button" className="button button--primary" data-testid="new-plan" onClick={() => setCreating(true)}>
            {t('plans.new')}
          </button>
        )}
      </div>
      <p className="page__lead">{t('plans.lead')}</p>
      <ResourceStatus resource={resource} failedMessage={t('plans.loadFailed')} onRetry={reload} />
      {resource.status === 'loaded' &&
        (plans.length === 0 ? (
          <p className="empty-state" data-testid="plans-empty">
            {mayCreate ? t('plans.emptyCreate') : t('plans.empty')}
          </p>
        ) : (
          <>
            <div className="plans-search" role="search">
              <label htmlFor={searchId}>{t('plans.search')}</label>
              <input
                id={searchId}
                type="search"
                className="plans-search__input"
                data-testid="plan-search"
                value={query}
                placeholder={t('plans.searchPlaceholder')}
                onChange={(event) => setQuery(event.target.value)}
              />
            </div>
            {groups.length === 0 ? (
              <p className="empty-state" data-testid="plans-no-match" role="status">
                {t('plans.noMatch')}
              </p>
            ) : (
              <ul className="plan-list" data-testid="plan-list">
                {groups.map((group) => (
                  <PlanGroup key={group.plan.id} group={group} />
                ))}
              </ul>
            )}
          </>
        ))}
      {creating && <NewPlanDialog plans={plans} onClose={() => setCreating(false)} />}
    </section>
  );
}
