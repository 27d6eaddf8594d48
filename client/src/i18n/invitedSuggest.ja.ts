/** Observers a review invited to suggest on the live draft (invitedMaySuggest). Keys start with `invitedSuggest.`. */
export const invitedSuggestJa = {
  'invitedSuggest.review.option': '招待した傍聴者も提案できる',
  'invitedSuggest.review.hint': '審議中、招待した傍聴者は下書き（本文のほか施策表・実施状況・評価の下書きを含む）を受け取り、本文に提案（見え消し）できます。編集と採否はできません。',
  'invitedSuggest.outcome': '招待された傍聴者は審議中、本文に提案できます。',
  'invitedSuggest.page.notice': 'この審議に招待されているため、審議中の本文に提案（見え消し）できます。採否は委員会が決めます。審議が終わると提案できなくなります。',
  'invitedSuggest.page.switch': '表示する内容',
  'invitedSuggest.page.draft': '審議中の本文に提案',
  'invitedSuggest.page.revisions': '承認済み・招待された版',
} satisfies Record<string, string>;
