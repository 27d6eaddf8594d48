/** Sign-in with the municipality's identity provider (SSO): the sign-in page and the invitation page. */
export const ssoJa = {
  'revisions.audit.kind.account.createdWithSso': 'SSOでアカウントを作成',

  'sso.signIn': '{provider}でログイン',
  'sso.join': '{provider}でログインして参加',
  'sso.or': 'または',
  'sso.passwordOff': 'この環境では、{provider}のアカウントでログインします。',
  'sso.joinLead': '{provider}のアカウント（招待されたメールアドレスのもの）でログインすると、アカウントが作られ、協議会に参加します。',
  'sso.joinFailed': '{provider}へ移動できませんでした。時間をおいて、もう一度お試しください。',
  'sso.error.title': 'ログインできませんでした',
  'sso.error.sso_flow_missing': 'ログインの手続きが時間切れになったか、別のブラウザで始められました。もう一度ログインしてください。',
  'sso.error.sso_state_mismatch': '認証サーバーからの応答が、このログインのものではありませんでした。もう一度ログインしてください。',
  'sso.error.sso_cancelled': '認証サーバーでのログインが取り消されました。',
  'sso.error.sso_failed': '認証サーバーとのやり取りに失敗しました。時間をおいて、もう一度お試しください。',
  'sso.error.sso_email_unverified': '認証サーバーでメールアドレスが確認済みになっていないため、ログインできません。情報システム担当にお問い合わせください。',
  'sso.error.sso_no_account': 'このメールアドレスのアカウントはありません。協議会の事務局に招待を依頼し、招待メールのリンクから参加してください。',
  'sso.error.sso_deactivated': 'このアカウントは停止されています。このシステムの管理者にお問い合わせください。',
  'sso.error.sso_invitation_invalid': 'この招待は取り消されたか、使用済みか、期限切れです。事務局に再送を依頼してください。',
  'sso.error.sso_invitation_other_email': '招待されたメールアドレスと、認証サーバーのメールアドレスが一致しません。招待されたアドレスのアカウントでログインしてください。',
  'sso.error.sso_rate_limited': 'ログインの試行回数が多すぎます。しばらく待ってから、もう一度お試しください。',
  'sso.error.unknown': 'ログインできませんでした。もう一度お試しください。',
  'sso.passwordLoginOff': 'この環境ではパスワードでのログインは使えません。',
};
