import type { MessageKey } from './ja';
import { measuresEn } from './measures.en';
import { viewsEn } from './views.en';
import { commentsEn } from './comments.en';
import { notificationsEn } from './notifications.en';
import { revisionsEn } from './revisions.en';
import { editorEn } from './editor.en';
import { accessEn } from './access.en';
import { offlineEn } from './offline.en';
import { adminEn } from './admin.en';
import { membersEn } from './members.en';
import { plansEn } from './plans.en';
import { settingsEn } from './settings.en';
import { ssoEn } from './sso.en';
import { transferEn } from './transfer.en';
import { progressEn } from './progress.en';
import { kpiKindsEn } from './kpiKinds.en';
import { reportEn } from './report.en';
import { suggestionsEn } from './suggestions.en';
import { suggestModeEn } from './suggestMode.en';
import { cellSuggestionsEn } from './cellSuggestions.en';
import { suggestionExportsEn } from './suggestionExports.en';
import { invitedSuggestEn } from './invitedSuggest.en';
import { meetingsEn } from './meetings.en';
import { agendaLinksEn } from './agendaLinks.en';
import { minutesEn } from './minutes.en';
import { meetingCalendarEn } from './meetingCalendar.en';
import { meetingExportsEn } from './meetingExports.en';
import { meetingMaterialsEn } from './meetingMaterials.en';

export const en: Record<MessageKey, string> = {
  'app.name': '策定 Sakutei',
  'app.loading': 'Loading…',
  'app.sessionCheckFailed': 'Could not reach the server.',
  'app.retry': 'Try again',
  'app.skipToContent': 'Skip to content',

  'header.signedInAs': '{name}',
  'header.signOut': 'Sign out',
  'header.signOutFailed': 'Could not sign out. Please try again.',
  'header.language': 'Language',

  'signIn.title': 'Sign in',
  'signIn.lead': "Sign in to your council's planning workspace.",
  'signIn.email': 'Email address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.invalidCredentials': 'The email address or password is incorrect.',
  'signIn.rateLimited': 'Too many sign-in attempts. Please wait a while and try again.',
  'signIn.failed': 'Could not sign in. Please try again later.',
  'signIn.emailRequired': 'Enter your email address.',
  'signIn.passwordRequired': 'Enter your password.',

  'plans.title': 'Plans',
  'plans.lead': 'Plans of the councils you take part in.',
  'plans.empty': "You are not part of any plan yet. Ask your council's secretariat for an invitation.",
  'plans.council': 'Council',
  'plans.yourRole': 'Your role',
  'plans.loadFailed': 'Could not load the plans.',

  'role.chair': 'Chair',
  'role.vice_chair': 'Vice chair',
  'role.member': 'Member',
  'role.staff': 'Secretariat',
  'role.observer': 'Observer',

  'plan.breadcrumb': 'Breadcrumb',
  'plan.loadFailed': 'Could not load the plan.',
  'plan.notVisible': 'This plan does not exist or you are not allowed to see it.',
  'plan.backToList': 'Back to plans',
  'plan.accessRefused': 'The connection to this plan was refused: your access was revoked or is not allowed.',
  'plan.documentMissing': "This plan's document could not be found.",
  'plan.originRejected': 'The server does not accept connections from this page.',
  'plan.tooManyMessages': 'The server closed the connection because this page sent too many invalid or too frequent messages, or too many pages of yours are open at once. Close the pages you do not need and reload this one to reconnect.',
  'plan.editorLabel': 'Plan text',
  'plan.yourRole': 'Your role: {role}',

  'connection.label': 'Connection',
  'connection.connected': 'Connected',
  'connection.connecting': 'Reconnecting…',
  'connection.offline': 'Offline',
  'connection.offlineNote': 'Edits you make while offline are kept here and merged with everyone else’s when you reconnect.',

  'presence.label': 'People here now',
  'presence.you': '(you)',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you are looking for does not exist or has moved.',
  'notFound.back': 'Go to plans',

  'workspace.tabs': 'Plan views',
  'workspace.tab.prose': 'Text',
  'workspace.tab.measures': 'Measures, projects and KPIs',
  'workspace.tab.kpiList': 'KPI list',
  'workspace.tab.contents': 'Contents',
  'workspace.tab.roles': 'Roles',
  'workspace.tab.revisions': 'Revisions & review',

  ...measuresEn,
  ...viewsEn,
  ...commentsEn,
  ...notificationsEn,
  ...revisionsEn,
  ...editorEn,
  ...accessEn,
  ...offlineEn,
  ...adminEn,
  ...membersEn,
  ...plansEn,
  ...settingsEn,
  ...ssoEn,
  ...transferEn,
  ...progressEn,
  ...kpiKindsEn,
  ...reportEn,
  ...suggestionsEn,
  ...suggestModeEn,
  ...cellSuggestionsEn,
  ...suggestionExportsEn,
  ...invitedSuggestEn,
  ...meetingsEn,
  ...agendaLinksEn,
  ...minutesEn,
  ...meetingCalendarEn,
  ...meetingExportsEn,
  ...meetingMaterialsEn,
};
