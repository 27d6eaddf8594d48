import type { cellSuggestionsJa } from './cellSuggestions.ja';

export const cellSuggestionsEn: Record<keyof typeof cellSuggestionsJa, string> = {
  'cellSuggest.describe': "{name}'s suggestion: {was} → {value}",
  'cellSuggest.someone': '(unknown)',
  'cellSuggest.empty': '(blank)',
  'cellSuggest.count': '{count} suggestions',
  'cellSuggest.action': 'Suggest',
  'cellSuggest.dialogTitle': 'Suggest a value for {where}',
  'cellSuggest.current': 'Current value',
  'cellSuggest.proposed': 'Suggested value',
  'cellSuggest.submit': 'Suggest',
  'cellSuggest.cancel': 'Cancel',
  'cellSuggest.withdraw': 'Withdraw my suggestion',
  'cellSuggest.pending': 'Suggestions for this cell',
  'cellSuggest.same': 'That is the current value. Enter a different one.',
  'cellSuggest.gone': 'Someone else deleted this row.',
  'cellSuggest.proposedAnnounce': 'Suggested: {was} → {value}',
  'cellSuggest.withdrawnAnnounce': 'Suggestion withdrawn',
  'cellSuggest.notSuggestible': 'This column takes no suggestions (the name and description columns do)',
  'cellSuggest.cannot': 'You cannot make suggestions on this plan',
  'cellSuggest.typeOpens': '(Staff, or during a review) typing starts a suggestion',
  'cellSuggest.help': 'Suggest a value for the focused cell (tracked change)',
};
