/** Messages of workflow notifications and the e-mail settings. Keys start with `notifications.`. */
export const notificationsJa = {
  'notifications.kind.reviewOpened': '審議を開始',
  'notifications.kind.changesRequested': '差戻し',
  'notifications.kind.approved': '承認',
  'notifications.kind.responded': '対応方針を記録',
  'notifications.revision': '第{number}版 {name}',
  'notifications.settings.open': 'メール通知の設定',
  'notifications.settings.legend': '通知をメールで受け取る方法',
  'notifications.settings.immediate': 'すぐに受け取る',
  'notifications.settings.daily': '1日1回まとめて受け取る（午前8時）',
  'notifications.settings.off': '受け取らない（アプリ内の通知のみ）',
  'notifications.settings.saved': '保存しました。',
  'notifications.settings.saveFailed': '保存できませんでした。もう一度お試しください。',
  'notifications.settings.loadFailed': '設定を読み込めませんでした。',
  'notifications.settings.mailDisabled': 'このサーバーはメールを送信する設定になっていません。選んだ方法は保存され、送信が有効になると使われます。',
};
