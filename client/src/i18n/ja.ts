import { measuresJa } from './measures.ja';
import { viewsJa } from './views.ja';
import { commentsJa } from './comments.ja';
import { notificationsJa } from './notifications.ja';
import { revisionsJa } from './revisions.ja';
import { editorJa } from './editor.ja';
import { accessJa } from './access.ja';
import { offlineJa } from './offline.ja';
import { adminJa } from './admin.ja';
import { membersJa } from './members.ja';
import { plansJa } from './plans.ja';
import { settingsJa } from './settings.ja';
import { ssoJa } from './sso.ja';
import { transferJa } from './transfer.ja';
import { progressJa } from './progress.ja';
import { kpiKindsJa } from './kpiKinds.ja';
import { reportJa } from './report.ja';
import { suggestionsJa } from './suggestions.ja';
import { suggestModeJa } from './suggestMode.ja';
import { cellSuggestionsJa } from './cellSuggestions.ja';
import { suggestionExportsJa } from './suggestionExports.ja';
import { invitedSuggestJa } from './invitedSuggest.ja';
import { meetingsJa } from './meetings.ja';
import { agendaLinksJa } from './agendaLinks.ja';
import { minutesJa } from './minutes.ja';
import { meetingCalendarJa } from './meetingCalendar.ja';
import { meetingExportsJa } from './meetingExports.ja';
import { meetingMaterialsJa } from './meetingMaterials.ja';

/**
 * Japanese is the source language: its keys define the message catalogue and every
 * other locale must translate exactly these keys. `{name}` marks a parameter.
 */
export const ja = {
  'app.name': '策定 Sakutei',
  'app.loading': '読み込み中…',
  'app.sessionCheckFailed': 'サーバーに接続できませんでした。',
  'app.retry': '再試行',
  'app.skipToContent': '本文へ移動',

  'header.signedInAs': '{name} さん',
  'header.signOut': 'ログアウト',
  'header.signOutFailed': 'ログアウトできませんでした。もう一度お試しください。',
  'header.language': '表示言語',

  'signIn.title': 'ログイン',
  'signIn.lead': '協議会の計画策定ワークスペースにログインします。',
  'signIn.email': 'メールアドレス',
  'signIn.password': 'パスワード',
  'signIn.submit': 'ログイン',
  'signIn.invalidCredentials': 'メールアドレスまたはパスワードが正しくありません。',
  'signIn.rateLimited': 'ログインの試行回数が多すぎます。しばらく待ってから、もう一度お試しください。',
  'signIn.failed': 'ログインできませんでした。時間をおいて、もう一度お試しください。',
  'signIn.emailRequired': 'メールアドレスを入力してください。',
  'signIn.passwordRequired': 'パスワードを入力してください。',

  'plans.title': '計画一覧',
  'plans.lead': 'あなたが参加している協議会の計画です。',
  'plans.empty': '参加している計画はまだありません。協議会の事務局に招待を依頼してください。',
  'plans.council': '協議会',
  'plans.yourRole': 'あなたの役割',
  'plans.loadFailed': '計画一覧を読み込めませんでした。',

  'role.chair': '座長',
  'role.vice_chair': '座長代理',
  'role.member': '委員',
  'role.staff': '事務局',
  'role.observer': '傍聴',

  'plan.breadcrumb': 'パンくずリスト',
  'plan.loadFailed': '計画を読み込めませんでした。',
  'plan.notVisible': 'この計画は見つからないか、閲覧する権限がありません。',
  'plan.backToList': '計画一覧へ戻る',
  'plan.accessRefused': 'この計画への接続が拒否されました。アクセス権が取り消されたか、閲覧が許可されていません。',
  'plan.documentMissing': 'この計画の文書が見つかりませんでした。',
  'plan.originRejected': 'このページからの接続はサーバーに許可されていません。',
  'plan.tooManyMessages': 'このページから無効なメッセージ、または多すぎるメッセージが送られたか、同時に開いているページが多すぎるため、サーバーが接続を切断しました。不要なページを閉じてから、このページを再読み込みすると再接続します。',
  'plan.editorLabel': '計画本文',
  'plan.yourRole': 'あなたの役割：{role}',

  'connection.label': '接続状態',
  'connection.connected': '接続中',
  'connection.connecting': '再接続中…',
  'connection.offline': 'オフライン',
  'connection.offlineNote': 'オフラインの間に行った編集はこの画面に保持され、再接続したときに他の人の編集と統合されます。',

  'presence.label': '閲覧中の参加者',
  'presence.you': '（あなた）',

  'notFound.title': 'ページが見つかりません',
  'notFound.body': 'お探しのページは存在しないか、移動した可能性があります。',
  'notFound.back': '計画一覧へ',

  'workspace.tabs': '計画の表示',
  'workspace.tab.prose': '本文',
  'workspace.tab.measures': '施策・事業・成果指標',
  'workspace.tab.kpiList': '成果指標一覧',
  'workspace.tab.contents': '目次',
  'workspace.tab.roles': '役割分担',
  'workspace.tab.revisions': '版・審議',

  ...measuresJa,
  ...viewsJa,
  ...commentsJa,
  ...notificationsJa,
  ...revisionsJa,
  ...editorJa,
  ...accessJa,
  ...offlineJa,
  ...adminJa,
  ...membersJa,
  ...plansJa,
  ...settingsJa,
  ...ssoJa,
  ...transferJa,
  ...progressJa,
  ...kpiKindsJa,
  ...reportJa,
  ...suggestionsJa,
  ...suggestModeJa,
  ...cellSuggestionsJa,
  ...suggestionExportsJa,
  ...invitedSuggestJa,
  ...meetingsJa,
  ...agendaLinksJa,
  ...minutesJa,
  ...meetingCalendarJa,
  ...meetingExportsJa,
  ...meetingMaterialsJa,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof ja;
