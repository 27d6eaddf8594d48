/** What each role may do on a plan's page, for the banner above it. Keys start with `access.`. */
export const accessJa = {
  'access.readOnly': '閲覧のみ',
  'access.may': '{role}としてできること：',
  'access.mayNot': 'できないこと：',
  'access.listSeparator': '、',
  'access.sentenceEnd': '。',
  'access.can.plan.read': '協議会が承認した版の閲覧',
  'access.can.draft.read': '現在の案（本文・施策表）の閲覧',
  'access.can.plan.edit': '本文・施策表の編集',
  'access.can.comment.write': 'コメントと返信',
  'access.can.thread.resolve': 'スレッドの解決・再開',
  'access.can.opinion.respond': '対応方針の記入',
  'access.can.review.open': '版の凍結と審議の開始',
  'access.can.review.decide': '審議の判断（承認・差戻し）',
  'access.can.kpi.recordActuals': '成果指標の実績値の記録',
  'access.note.invited': '審議に招待された版は、審議中に読んでコメントできます。',
  'access.note.delegated': '座長から判断を任された審議では、承認・差戻しもできます。',
} as const;
