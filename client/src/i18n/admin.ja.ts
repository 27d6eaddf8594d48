/** Installation administration: the first-run setup page, councils and accounts. */
export const adminJa = {
  'revisions.audit.kind.setup.completed': '初期設定（最初の管理者）',
  'revisions.audit.kind.admin.granted': '管理者に指定',
  'revisions.audit.kind.admin.revoked': '管理者を解除',
  'revisions.audit.kind.account.deactivated': 'アカウントを停止',
  'revisions.audit.kind.account.reactivated': 'アカウントを再開',
  'revisions.audit.kind.council.created': '協議会を作成',
  'revisions.audit.kind.council.renamed': '協議会の名称を変更',
  'revisions.audit.kind.council.archived': '協議会をアーカイブ',
  'revisions.audit.kind.council.unarchived': '協議会のアーカイブを解除',
} satisfies Record<string, string>;
