import { lazy, Suspense, type ReactNode } from 'react';
import { SignInPage } from '../features/auth/SignInPage';
import { PlanListPage } from '../features/plans/PlanListPage';
import { AccountsPage } from '../features/admin/AccountsPage';
import { AdminLink } from '../features/admin/AdminLayout';
import { CouncilsPage } from '../features/admin/CouncilsPage';
import { SetupPage } from '../features/admin/SetupPage';
import { AccountPage } from '../features/account/AccountPage';
import { ResetPasswordPage } from '../features/account/ResetPasswordPage';
import { InviteAcceptPage } from '../features/members/InviteAcceptPage';
import { CouncilMembersPage } from './CouncilMembersPage';
import { CouncilLinks } from '../features/members/CouncilLinks';
import { MeetingsLink } from '../features/meetings/MeetingsLink';
import { MeetingCalendarPage } from '../features/meetings/MeetingCalendarPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { useI18n } from '../i18n';
import { Header } from '../app/Header';
import { SessionExpiredDialog } from '../app/SessionExpiredDialog';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { NotFoundPage } from '../app/NotFoundPage';
import { matchRoute, Redirect, returnPathFrom, signInPathReturningTo, useLocationPath, useRoute, type Route } from '../app/router';
import { useSession } from '../app/session';

// TipTap and Yjs are most of the bundle; only the editor page needs them.
const loadPlanPage = () => import('./PlanPage');
const PlanEditorPage = lazy(() => loadPlanPage().then((module) => ({ default: module.PlanEditorPage })));
// Opened straight at a plan (a link, a reload), the editor's chunk downloads while the session
// is checked instead of after it: on a slow line that wait is most of the time to the editor.
if (matchRoute(window.location.pathname).name === 'plan') loadPlanPage().catch(() => undefined);
const ComparePreviousPage = lazy(() => import('./ComparePreviousPage').then((module) => ({ default: module.ComparePreviousPage })));
// The minutes' editor is TipTap on Yjs too: its chunk loads only when the minutes are opened.
const MinutesPage = lazy(() => import('../features/meetings/MinutesPage').then((module) => ({ default: module.MinutesPage })));
const OpinionsPrintPage = lazy(() =>
  import('../features/comments/OpinionsPrintPage').then((module) => ({ default: module.OpinionsPrintPage })),
);

function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-status" role="status">
      {t('app.loading')}
    </p>
  );
}

function Shell({ userName, isAdmin = false, children }: { userName?: string; isAdmin?: boolean; children: ReactNode }) {
  return (
    <>
      <Header
        userName={userName}
        tools={
          <>
            {isAdmin && <AdminLink />}
            <NotificationsBell />
          </>
        }
      />
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** `home`: where signing in and `/` lead; an administrator on no council has only the administration. */
function SignedInPage({ route, path, isAdmin, home }: { route: Route; path: string; isAdmin: boolean; home: string }) {
  switch (route.name) {
    case 'setup':
      return <SetupPage />;
    // Not an administrator: the area is not there for them (the API refuses it anyway).
    case 'adminCouncils':
      return isAdmin ? <CouncilsPage /> : <NotFoundPage />;
    case 'adminAccounts':
      return isAdmin ? <AccountsPage /> : <NotFoundPage />;
    case 'plans':
      return (
        <>
          <PlanListPage />
          <CouncilLinks more={(m) => <MeetingsLink workspaceId={m.workspaceId} role={m.role} />} />
        </>
      );
    case 'members':
      return <CouncilMembersPage key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'meetings':
      return <MeetingsPage key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'meetingCalendar':
      return <MeetingCalendarPage key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'meeting':
      return <MeetingPage key={`${route.workspaceId}/${route.meetingId}`} workspaceId={route.workspaceId} meetingId={route.meetingId} />;
    case 'minutes':
      return (
        <Suspense fallback={<Loading />}>
          <MinutesPage key={`${route.workspaceId}/${route.meetingId}`} workspaceId={route.workspaceId} meetingId={route.meetingId} />
        </Suspense>
      );
    case 'account':
      return <AccountPage />;
    case 'invite':
      return <InviteAcceptPage />;
    case 'resetPassword':
      return <ResetPasswordPage />;
    case 'plan':
      return (
        <Suspense fallback={<Loading />}>
          <PlanEditorPage key={route.planId} planId={route.planId} />
        </Suspense>
      );
    case 'comparePrevious':
      return (
        <Suspense fallback={<Loading />}>
          <ComparePreviousPage key={route.planId} planId={route.planId} />
        </Suspense>
      );
    case 'opinions':
      return (
        <Suspense fallback={<Loading />}>
          <OpinionsPrintPage key={route.planId} planId={route.planId} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
    case 'home':
      return <Redirect to={home} />;
    case 'signIn': {
      const next = returnPathFrom(path);
      return <Redirect to={next === '/plans' ? home : next} />;
    }
  }
}

export function App() {
  const { t } = useI18n();
  const { state, recheck } = useSession();
  const route = useRoute();
  const path = useLocationPath();

  switch (state.status) {
    case 'checking':
      return (
        <Shell>
          <Loading />
        </Shell>
      );
    case 'unreachable':
      return (
        <Shell>
          <div className="page-status">
            <p role="alert">{t('app.sessionCheckFailed')}</p>
            <button type="button" className="button" onClick={recheck}>
              {t('app.retry')}
            </button>
          </div>
        </Shell>
      );
    case 'signedOut':
      // One-time links open without a session: the invitation makes one, the reset ends them.
      if (route.name === 'invite' || route.name === 'resetPassword') {
        return <Shell>{route.name === 'invite' ? <InviteAcceptPage /> : <ResetPasswordPage />}</Shell>;
      }
      return route.name === 'signIn' || route.name === 'setup' ? (
        <Shell>{route.name === 'setup' ? <SetupPage /> : <SignInPage />}</Shell>
      ) : (
        // The #fragment too: a mail's link names the comment or review to open there.
        <Redirect to={signInPathReturningTo(path + window.location.hash)} />
      );
    case 'signedIn':
      return (
        <Shell userName={state.me.user.name} isAdmin={state.me.isAdmin}>
          <SignedInPage
            route={route}
            path={path}
            isAdmin={state.me.isAdmin}
            home={state.me.isAdmin && state.me.memberships.length === 0 ? '/admin' : '/plans'}
          />
          {/* Over the page rather than instead of it: the page keeps its unsent edits. */}
          {state.expired && <SessionExpiredDialog email={state.me.user.email} />}
        </Shell>
      );
  }
}
