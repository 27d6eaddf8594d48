import { CLOSE_CODES, docAccessOf, type PlanResponse } from '@sakutei/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, subscribeToLocation } from '../app/router';
import { useMe } from '../app/session';
import { useApiResource } from '../app/useApiResource';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useI18n } from '../i18n';
import { ApiError, getPlan } from '../lib/api';
import { ContentsView } from '../features/views/ContentsView';
import { KpiListView } from '../features/views/KpiListView';
import { RoleMatrixView } from '../features/views/RoleMatrixView';
import { MeasuresView } from '../features/measures/MeasuresView';
import { ApprovedRevisionsPage } from './ApprovedRevisionsPage';
import { InvitedSuggestBar } from './InvitedSuggestBar';
import { PlanEditionBar } from '../features/plans/PlanEditionBar';
import { RevisionsView } from '../features/revisions/RevisionsView';
import { PlanSettingsView } from '../features/settings/PlanSettingsView';
import { ReportView } from '../features/report/ReportView';
import { CommentsProvider } from '../features/comments/CommentsProvider';
import { CommentsSidebar } from '../features/comments/CommentsSidebar';
import { PlanProvider, type PlanViewId } from '../features/plan/PlanContext';
import { PlanSlotsContext } from '../features/plan/ports';
import { ProseEditorContext, ProseEditorHolder } from '../features/plan/proseEditor';
import { SuggestionsPanel } from '../features/suggestions/SuggestionsPanel';
import { mayDecideSuggestions } from '../features/suggestions/decisionRights';
import { planSlots } from './planSlots';
import { PlanFragmentJumps } from './PlanFragmentJumps';
import { planFragmentOf, viewOfFragment } from '../features/plan/planFragments';
import { ConnectionStatus } from '../features/plan/components/ConnectionStatus';
import { LiveDocument } from '../features/editor/components/LiveDocument';
import { PresenceList } from '../features/plan/components/PresenceList';
import { ReadOnlyBanner } from '../features/plan/components/ReadOnlyBanner';
import { RefusalNotice } from '../features/plan/components/RefusalNotice';
import { UpdateRefusedNotice } from '../features/plan/components/UpdateRefusedNotice';
import { presenceUserOf } from '../features/plan/presence';
import { draftByInvitation, mustSuggestOf, planDraftAccess, proseSuggestingOf } from '../features/plan/suggesting';
import type { PlanViewProps } from '../features/plan/planView';
import { useCollabDoc, type CollabSession } from '../features/plan/useCollabDoc';
import { useConnectionStatus } from '../features/plan/useConnectionStatus';
import { usePresence } from '../features/plan/usePresence';

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

const VIEWS = [
  { id: 'prose', label: 'workspace.tab.prose', View: LiveDocument },
  { id: 'measures', label: 'workspace.tab.measures', View: MeasuresView },
  { id: 'kpiList', label: 'workspace.tab.kpiList', View: KpiListView },
  { id: 'contents', label: 'workspace.tab.contents', View: ContentsView },
  { id: 'roles', label: 'workspace.tab.roles', View: RoleMatrixView },
  { id: 'revisions', label: 'workspace.tab.revisions', View: RevisionsView },
  { id: 'report', label: 'workspace.tab.report', View: ReportView },
  { id: 'settings', label: 'workspace.tab.settings', View: PlanSettingsView },
] as const satisfies ReadonlyArray<{ id: PlanViewId; label: string; View: unknown }>;
type ViewId = PlanViewId;
type ViewEntry = (typeof VIEWS)[number];
/**
 * What an observer invited to suggest opens of the draft: its 本文, in 提案 only. The other
 * views read the measure table and records over HTTP, which stay the council's (read-only
 * elsewhere: they read the approved and invited revisions instead).
 */
const INVITED_VIEWS: readonly ViewEntry[] = VIEWS.filter((view) => view.id === 'prose');

/** The tab a fragment names (`#measures`, or the tab of `#kpi-…`); null for any other (`#thread-…` opens a comment). */
function viewNamedByHash(): ViewId | null {
  // A place in a tab (`#kpi-…`, `#section-…`, planFragments.ts) names its tab too.
  const place = planFragmentOf(location.hash);
  if (place) return viewOfFragment(place);
  const hash = location.hash.replace(/^#/, '');
  return VIEWS.find((view) => view.id === hash)?.id ?? null;
}

function viewFromHash(): ViewId {
  return viewNamedByHash() ?? 'prose';
}

/** Connection state and who is here, shown above every view of the plan. */
function SessionBar({
  session,
  refused,
  stopped,
  selfId,
}: {
  session: CollabSession;
  refused: boolean;
  /** The server refused one of our updates: nothing is saved until the document is reopened. */
  stopped: boolean;
  selfId: string;
}) {
  const { status, synced } = useConnectionStatus(session.provider);
  const users = usePresence(session.provider.awareness);
  return (
    <div className="live-document__bar">
      <ConnectionStatus status={refused ? 'offline' : status} synced={synced} willResync={!refused} stopped={stopped} />
      <PresenceList users={users} selfId={selfId} />
    </div>
  );
}

/**
 * Tabs in the WAI-ARIA pattern: arrow keys move between them, Home/End jump to the ends.
 * The bar is sticky (styles.css .plan-tabbar) and scrolls sideways on a phone; a tab brought
 * into focus scrolls into view within it.
 */
function ViewTabs({ views, current, onSelect }: { views: readonly ViewEntry[]; current: ViewId; onSelect: (id: ViewId) => void }) {
  const { t } = useI18n();
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = views.findIndex((view) => view.id === current);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % views.length
      : event.key === 'ArrowLeft' ? (index - 1 + views.length) % views.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? views.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    const id = views[next]!.id;
    onSelect(id);
    const tab = document.getElementById(`plan-tab-${id}`);
    tab?.focus();
    tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return (
    <div className="plan-tabbar">
      <div className="plan-tabs" role="tablist" aria-label={t('workspace.tabs')} onKeyDown={onKeyDown}>
        {views.map((view) => (
          <button
            key={view.id}
            id={`plan-tab-${view.id}`}
            type="button"
            role="tab"
            className="plan-tabs__tab"
            aria-selected={view.id === current}
            aria-controls={`plan-panel-${view.id}`}
            tabIndex={view.id === current ? 0 : -1}
            data-testid={`plan-tab-${view.id}`}
            onClick={() => onSelect(view.id)}
          >
            {t(view.label)}
          </button>
        ))}
      </div>
    </div>
  );
}

interface WorkspaceProps {
  plan: PlanResponse['plan'];
  /** Re-reads the plan, whose role says what this member may now do. */
  reloadPlan: () => void;
}

/** The plan's heading, then the live draft for the council, or the approved revisions for those who may not open it. */
function PlanWorkspace({ plan, reloadPlan }: WorkspaceProps) {
  const { t } = useI18n();
  // An archived edition is read-only for everyone; its own notice says why (PlanEditionBar).
  const mayEdit = docAccessOf(plan.role) === 'edit' && plan.archivedAt === null;
  // An observer an open review invited to suggest opens the draft's 本文 (提案 only) while it is open.
  const invited = draftByInvitation(plan);
  const [showing, setShowing] = useState<'draft' | 'revisions'>('draft');
  return (
    <article className="page plan plan--with-comments">
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
        <PlanEditionBar plan={plan} onChanged={reloadPlan} />
      </header>
      {!mayEdit && plan.archivedAt === null && !invited && <ReadOnlyBanner role={plan.role} />}
      {invited && <InvitedSuggestBar showing={showing} onShow={setShowing} />}
      {/* No socket at all for them: the server would refuse it (4403) anyway. */}
      {planDraftAccess(plan) === null || (invited && showing === 'revisions') ? (
        <ApprovedRevisionsPage plan={plan} />
      ) : (
        <DraftWorkspace plan={plan} reloadPlan={reloadPlan} views={invited ? INVITED_VIEWS : VIEWS} />
      )}
    </article>
  );
}

/** The live draft in its tabs, with the comments beside it. */
function DraftWorkspace({ plan, reloadPlan, views }: WorkspaceProps & { views: readonly ViewEntry[] }) {
  const me = useMe();
  const user = useMemo(() => presenceUserOf(me.user), [me.user]);
  const suggesting = proseSuggestingOf(plan);
  const { session, refusedWith, updateRefused, reopened, reopen } = useCollabDoc({
    docName: plan.docName,
    user,
    onAccessChanged: reloadPlan,
    // Only unsent edits and suggestions are worth keeping on the device (lib/offlineStore.ts).
    keepOffline: (docAccessOf(plan.role) === 'edit' && plan.archivedAt === null) || suggesting !== null,
  });
  // Refused the draft while the page thought otherwise: the role changed (say, to observer),
  // so re-read it; the page then shows what that role may read instead.
  useEffect(() => {
    if (refusedWith === CLOSE_CODES.forbidden) reloadPlan();
  }, [refusedWith, reloadPlan]);
  // While a review locks the draft to suggesting, the server takes no plain edits (tables included).
  const mayEdit = docAccessOf(plan.role) === 'edit' && plan.archivedAt === null && !mustSuggestOf(plan);
  const [viewId, setViewId] = useState<ViewId>(viewFromHash);
  const selectView = useCallback((id: ViewId) => {
    setViewId(id);
    history.replaceState(null, '', id === 'prose' ? location.pathname : `#${id}`);
  }, []);
  const current = views.find((view) => view.id === viewId) ?? views[0]!;
  // The prose editor, lent by the 本文 tab while it shows, for the suggestion cards beside it.
  const [proseEditor] = useState(() => new ProseEditorHolder());
  // Views link to one another with plain `#measures` links (the 目次 does), and Back returns
  // through them. Other fragments, and none, leave the tab as it is.
  useEffect(
    () =>
      subscribeToLocation(() => {
        const named = viewNamedByHash();
        if (named) setViewId(named);
      }),
    [],
  );

  // After a refused update every further change would be refused too (it depends on the
  // refused one): nothing more is typed until the document is reopened.
  const halted = refusedWith !== null || updateRefused !== null;
  const viewProps: PlanViewProps | null = session && {
    planId: plan.id,
    workspaceId: plan.workspaceId,
    session,
    user,
    role: plan.role,
    editable: mayEdit && !halted,
    suggesting: halted ? null : suggesting,
  };

  return (
    <>
      {refusedWith !== null && <RefusalNotice code={refusedWith} />}
      {refusedWith === null && <UpdateRefusedNotice reason={updateRefused} reopened={reopened} onReopen={reopen} />}
      {session && viewProps && (
        // Keyed by the doc: a reopened document (a new Y.Doc and socket) gets views built for it
        // afresh, not editors and bindings carried over from the refused one.
        <PlanProvider
          key={session.ydoc.guid}
          plan={plan}
          user={user}
          session={session}
          editable={viewProps.editable}
          selectView={selectView}
        >
          <PlanSlotsContext value={planSlots}>
            <ProseEditorContext value={proseEditor}>
              <CommentsProvider>
                <PlanFragmentJumps />
                <div className="plan-layout">
                  <div className="live-document plan-layout__main">
                    <SessionBar
                      session={session}
                      refused={refusedWith !== null}
                      stopped={updateRefused !== null}
                      selfId={user.id}
                    />
                    {views.length > 1 && <ViewTabs views={views} current={current.id} onSelect={selectView} />}
                    <div
                      className="plan-panel"
                      role={views.length > 1 ? 'tabpanel' : undefined}
                      id={`plan-panel-${current.id}`}
                      aria-labelledby={views.length > 1 ? `plan-tab-${current.id}` : undefined}
                    >
                      <current.View key={current.id} {...viewProps} />
                    </div>
                  </div>
                  <div className="plan-layout__side">
                    <SuggestionsPanel mayDecide={mayDecideSuggestions(plan)} />
                    {/* An invited observer comments on the invited revision (承認済み・招待された版), not on the draft. */}
                    {!draftByInvitation(plan) && <CommentsSidebar />}
                  </div>
                </div>
              </CommentsProvider>
            </ProseEditorContext>
          </PlanSlotsContext>
        </PlanProvider>
      )}
    </>
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
