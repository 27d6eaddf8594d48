/** The save indicator, the offline copy and the expired-session dialog. */
export const offlineJa = {
  'save.label': '保存状態',
  'save.saved': '保存済み',
  'save.savedAt': '{time} に保存',
  'save.syncing': '同期中…',
  'save.connecting': 'サーバーに接続しています…',
  'save.offline': 'オフライン',
  'save.offlineUnsent': 'オフライン（未送信 {count} 件）',
  'save.offlineNote': '編集はこの端末に保存されています。接続が戻ると自動で送信されます。',
  'save.refusedNote': '未送信の編集はこの端末に保持されています。編集できる状態に戻ると送信されます。',
  'save.announceOffline': 'オフラインになりました。編集はこの端末に保存され、接続が戻ると送信されます。',
  'save.announceOfflineUnsent': 'オフラインです。未送信の編集が {count} 件あります。この端末に保存されています。',
  'save.announceBack': '再接続しました。編集はすべて保存されています。',
  'save.stopped': '保存されていません',

  'updateRefused.title': '変更が保存されていません',
  'updateRefused.body': 'この変更はサーバーに受け付けられませんでした（提案モードでは提案としてのみ書き込めます）。最新の内容で開き直すまで、ここでの変更は保存されません。',
  'updateRefused.bodyReadOnly': 'この変更はサーバーに受け付けられませんでした（この計画を編集する権限がありません）。最新の内容で開き直すまで、ここでの変更は保存されません。',
  'updateRefused.loss': '開き直すと、受け付けられなかった変更と、それ以降にこの画面で行った変更は失われます。残したい文章は先にコピーしてください。',
  'updateRefused.reopen': '最新の内容で開き直す',
  'updateRefused.reopened': '最新の内容で開き直しました。受け付けられなかった変更は取り消されています。',

  'signOutUnsent.title': '未送信の編集があります',
  'signOutUnsent.body': 'この端末には、まだサーバーに保存されていない編集が {count} 件あります。ログアウトするとこれらは削除されます。接続が戻って「保存済み」になってからログアウトしてください。',
  'signOutUnsent.confirm': '削除してログアウト',

  'sessionExpired.title': 'セッションの有効期限が切れました',
  'sessionExpired.body': 'この画面で行った編集は失われていません。この端末に保持されており、もう一度ログインすると送信されます。',
  'sessionExpired.submit': 'ログインして続ける',
  'sessionExpired.signOut': 'ログアウトする',
  'sessionExpired.signOutHint': 'ログアウトすると、この端末に保持している未送信の編集は削除されます。',
} as const;
