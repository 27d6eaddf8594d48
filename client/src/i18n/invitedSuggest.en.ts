import type { invitedSuggestJa } from './invitedSuggest.ja';

export const invitedSuggestEn: Record<keyof typeof invitedSuggestJa, string> = {
  'invitedSuggest.review.option': 'Invited observers may suggest too',
  'invitedSuggest.review.hint': 'While the review is open, the invited observers receive the live draft (its text, and the measure table, progress and evaluation drafts with it) and may propose changes to the text (見え消し). They neither edit nor decide.',
  'invitedSuggest.outcome': 'Invited observers may suggest on the text while the review is open.',
  'invitedSuggest.page.notice':
    'You are invited to this review, so you may propose changes to the draft under review (見え消し). The council decides on them. Once the review ends, you can no longer suggest.',
  'invitedSuggest.page.switch': 'What to show',
  'invitedSuggest.page.draft': 'Suggest on the draft under review',
  'invitedSuggest.page.revisions': 'Approved and invited revisions',
};
