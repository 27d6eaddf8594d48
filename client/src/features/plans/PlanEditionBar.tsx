import { can, docAccessOf, type PlanResponse } from '@sakutei/shared';
import { useState } from 'react';
import { Link } from '../../app/router';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { listPlans } from '../../lib/api';
import { EditPlanDialog } from './EditPlanDialog';
import { NewPlanDialog } from './NewPlanDialog';
import { periodText } from './planText';
import './plans.css';

type Plan = PlanResponse['plan'];

/** The plans list, loaded only once the next-edition dialog opens (it chooses among them). */
function NextEditionDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { resource } = useApiResource('plans', (signal) => listPlans(signal));
  if (resource.status !== 'loaded') return null;
  return (
    <NewPlanDialog
      plans={resource.data.plans}
      onClose={onClose}
      initial={{ workspaceId: plan.workspaceId, source: 'nextEdition', sourcePlanId: plan.id }}
    />
  );
}

/**
 * Under the plan's title: its period and status (staff and the chair change them), the
 * edition it continues (with the 新旧対照表 against last year's approved version one click
 * away), and, on an archived edition, where its successor is.
 */
export function PlanEditionBar({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const [dialog, setDialog] = useState<'edit' | 'next' | null>(null);
  const period = periodText(plan, locale);
  const mayManage = can(plan.role, 'plan.manage');
  const mayCompare = plan.previous?.approvedRevisionId && docAccessOf(plan.role) !== null;
  return (
    <div className="plan-edition">
      <p className="plan-edition__facts">
        <span className={`plan-status plan-status--${plan.status}`} data-testid="plan-status" data-status={plan.status}>
          {t(`plans.status.${plan.status}`)}
        </span>
        {period && (
          <span data-testid="plan-period">
            {t('plans.period')}：{period}
          </span>
        )}
        {mayManage && (
          <button type="button" className="button button--quiet" data-testid="plan-edit-details" onClick={() => setDialog('edit')}>
            {t('plans.edit.open')}
          </button>
        )}
        {can(plan.role, 'plan.create') && !plan.archivedAt && (
          <button type="button" className="button button--quiet" data-testid="plan-next-edition" onClick={() => setDialog('next')}>
            {t('plans.next.open')}
          </button>
        )}
      </p>
      {plan.previous && (
        <p className="plan-edition__previous" data-testid="plan-previous">
          {t('plans.previous', { title: plan.previous.title })}{' '}
          <Link to={`/plans/${encodeURIComponent(plan.previous.id)}`}>{t('plans.previous.open')}</Link>
          {mayCompare && (
            <>
              {' '}
              <Link to={`/plans/${encodeURIComponent(plan.id)}/compare-previous`} className="button button--quiet" data-testid="plan-compare-previous">
                {t('plans.comparePrevious')}
              </Link>
            </>
          )}
        </p>
      )}
      {plan.archivedAt && (
        <div className="plan-edition__archived" role="note" data-testid="plan-archived">
          <strong>{t('plans.archivedNotice')}</strong>{' '}
          {plan.nextPlanId && <Link to={`/plans/${encodeURIComponent(plan.nextPlanId)}`}>{t('plans.archivedNext')}</Link>}
        </div>
      )}
      {dialog === 'edit' && <EditPlanDialog plan={plan} onClose={() => setDialog(null)} onSaved={onChanged} />}
      {dialog === 'next' && <NextEditionDialog plan={plan} onClose={() => setDialog(null)} />}
    </div>
  );
}
