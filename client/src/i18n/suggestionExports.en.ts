import type { suggestionExportsJa } from './suggestionExports.ja';

export const suggestionExportsEn: Record<keyof typeof suggestionExportsJa, string> = {
  'suggestionExports.include': 'Include suggestions as tracked changes (見え消し)',
  'suggestionExports.includeHint': 'Word shows them as tracked changes to accept or reject; print strikes and underlines them. Unticked, the text reads as if every suggestion were rejected.',
  'suggestionExports.compareInclude': 'Show the newer side’s suggestions (見え消し)',
  'suggestionExports.legend': 'Pending suggestions (見え消し)',
  'suggestionExports.legendMarks': 'Struck-through text is proposed for removal; underlined text is proposed.',
  'suggestionExports.insertStart': '[suggested by {author}: ',
  'suggestionExports.deleteStart': '[removal suggested by {author}: ',
  'suggestionExports.end': ']',
  'suggestionExports.unknownAuthor': 'Unknown user',
};
