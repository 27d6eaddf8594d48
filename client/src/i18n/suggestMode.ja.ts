/** Suggest mode (提案) in the prose editor: the mode control, its notices, how suggestions read. Keys start with `editor.suggest.`. */
export const suggestModeJa = {
  'editor.suggest.mode': '入力モード',
  'editor.suggest.edit': '編集',
  'editor.suggest.suggest': '提案',
  'editor.suggest.editHint': '編集：本文を直接書き換えます',
  'editor.suggest.suggestHint': '提案：追加は下線、削除は取り消し線で示し、採否を待ちます',
  'editor.suggest.lockedStaff': '事務局は提案として書き込みます',
  'editor.suggest.lockedReview': '審議中のため提案のみ',
  'editor.suggest.nowSuggesting': '提案モードです。変更は提案として記録されます。',
  'editor.suggest.nowEditing': '編集モードです。変更は本文に直接反映されます。',
  'editor.suggest.refused': '提案モードでは段落の追加・削除や書式の変更はできません',
  'editor.suggest.insertBy': '{name}の提案（追加）',
  'editor.suggest.deleteBy': '{name}の提案（削除）',
  'editor.suggest.someone': '不明な人',
} as const;
