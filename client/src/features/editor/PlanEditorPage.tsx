import { docAccessOf, type PlanSummary } from '@sakutei/shared';
import { Link } from '../../app/router';
import { useMe } from '../../app/session';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ApiError, getPlan } from '../../lib/api';
import { LiveDocument } from './components/LiveDocument';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { RefusalNotice } from './components/RefusalNotice';
import { presenceUserOf } from './presence';
import { useCollabDoc } from './useCollabDoc';

function Breadcrumb({ current }: { current?: string }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('plan.breadcrumb')}>
      <ol>
        <li>
          <Link to="/plans">{t('plans.title')}</Link>
        </li>
        {current !== undefined && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}

interface WorkspaceProps {
  plan: PlanSummary;
  /** Re-reads the plan, whose role says what this member may now do. */
  reloadPlan: () => void;
}

function PlanWorkspace({ plan, reloadPlan }: WorkspaceProps) {
  const { t } = useI18n();
  const me = useMe();
  const user = presenceUserOf(me.user);
  const { session, refusedWith } = useCollabDoc({ docName: plan.docName, user, onAccessChanged: reloadPlan });
  const mayEdit = docAccessOf(plan.role) === 'edit';

  return (
    <article className="page plan">
      <Breadcrumb current={plan.title} />
      <header className="plan__header">
        <h1>{plan.title}</h1>
        <p className="plan__meta">
          {plan.workspaceName}
          <span aria-hidden="true"> · </span>
          <span data-testid="plan-role" data-role={plan.role}>
            {t('plan.yourRole', { role: t(`role.${plan.role}`) })}
          </span>
        </p>
      </header>
      {refusedWith !== null && <RefusalNotice code={refusedWith} />}
      {!mayEdit && <ReadOnlyBanner role={plan.role} />}
      {session && (
        <LiveDocument
          session={session}
          user={user}
          editable={mayEdit && refusedWith === null}
          refused={refusedWith !== null}
        />
      )}
    </article>
  );
}

export function PlanEditorPage({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { resource, reload } = useApiResource(`plan:${planId}`, (signal) => getPlan(planId, signal));
  useDocumentTitle(resource.status === 'loaded' ? resource.data.plan.title : null);

  if (resource.status === 'loaded') return <PlanWorkspace plan={resource.data.plan} reloadPlan={reload} />;

  const hidden =
    resource.status === 'failed' &&
    resource.error instanceof ApiError &&
    (resource.error.status === 404 || resource.error.status === 403);

  return (
    <section className="page">
      <Breadcrumb />
      {resource.status === 'loading' && (
        <p className="page-status" role="status">
          {t('app.loading')}
        </p>
      )}
      {resource.status === 'failed' && (
        <div className="page-status" data-testid="plan-unavailable">
          <p role="alert">{hidden ? t('plan.notVisible') : t('plan.loadFailed')}</p>
          {hidden ? (
            <Link to="/plans">{t('plan.backToList')}</Link>
          ) : (
            <button type="button" className="button" onClick={reload}>
              {t('app.retry')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
