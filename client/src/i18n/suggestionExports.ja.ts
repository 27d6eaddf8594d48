/** Pending suggestions (見え消し) in the exports and the 新旧対照表. Keys start with `suggestionExports.`. */
export const suggestionExportsJa = {
  'suggestionExports.include': '提案を見え消しで含める',
  'suggestionExports.includeHint': 'Word では変更履歴（承諾・却下できます）、印刷では取消線と下線。外すと提案をすべて却下した場合の本文です。',
  'suggestionExports.compareInclude': '改正後の提案を見え消しで表示',
  'suggestionExports.legend': '見え消し（未決定の提案）',
  'suggestionExports.legendMarks': '取消線は削除の提案、下線は追加の提案です。',
  'suggestionExports.insertStart': '［{author}の追加の提案：',
  'suggestionExports.deleteStart': '［{author}の削除の提案：',
  'suggestionExports.end': '］',
  'suggestionExports.unknownAuthor': '不明な利用者',
};
