import type { PlanSummary } from '@sakutei/shared';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link } from '../../app/router';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { listPlans } from '../../lib/api';

function PlanListItem({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  return (
    <li className="plan-card" data-testid="plan-list-item" data-plan-id={plan.id}>
      <Link to={`/plans/${encodeURIComponent(plan.id)}`} className="plan-card__title">
        {plan.title}
      </Link>
      <dl className="plan-card__meta">
        <div>
          <dt>{t('plans.council')}</dt>
          <dd data-testid="plan-council">{plan.workspaceName}</dd>
        </div>
        <div>
          <dt>{t('plans.yourRole')}</dt>
          <dd data-testid="plan-role" data-role={plan.role}>
            {t(`role.${plan.role}`)}
          </dd>
        </div>
      </dl>
    </li>
  );
}

export function PlanListPage() {
  const { t } = useI18n();
  const { resource, reload } = useApiResource('plans', (signal) => listPlans(signal));
  useDocumentTitle(t('plans.title'));

  return (
    <section className="page">
      <h1>{t('plans.title')}</h1>
      <p className="page__lead">{t('plans.lead')}</p>
      <ResourceStatus resource={resource} failedMessage={t('plans.loadFailed')} onRetry={reload} />
      {resource.status === 'loaded' &&
        (resource.data.plans.length === 0 ? (
          <p className="empty-state" data-testid="plans-empty">
            {t('plans.empty')}
          </p>
        ) : (
          <ul className="plan-list" data-testid="plan-list">
            {resource.data.plans.map((plan) => (
              <PlanListItem key={plan.id} plan={plan} />
            ))}
          </ul>
        ))}
    </section>
  );
}
