import type { suggestModeJa } from './suggestMode.ja';

export const suggestModeEn: Record<keyof typeof suggestModeJa, string> = {
  'editor.suggest.mode': 'Input mode',
  'editor.suggest.edit': 'Edit',
  'editor.suggest.suggest': 'Suggest',
  'editor.suggest.editHint': 'Edit: change the text directly',
  'editor.suggest.suggestHint': 'Suggest: additions are underlined, deletions struck through, until someone decides',
  'editor.suggest.lockedStaff': 'The secretariat writes as suggestions',
  'editor.suggest.lockedReview': 'Suggestions only during the review',
  'editor.suggest.nowSuggesting': 'Suggesting. Your changes are recorded as suggestions.',
  'editor.suggest.nowEditing': 'Editing. Your changes go straight into the text.',
  'editor.suggest.refused': 'In suggestion mode you cannot add or remove paragraphs or change formatting',
  'editor.suggest.insertBy': 'Suggested by {name} (addition)',
  'editor.suggest.deleteBy': 'Suggested by {name} (deletion)',
  'editor.suggest.someone': 'someone',
};
