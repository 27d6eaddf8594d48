import { describe, expect, it } from 'vitest';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from '../editor/suggestions/marks';
import { suggestionAuthorIds, textSuggestion } from './suggestionText';

const mark = (type: string, id: string, author: string, at: number) => ({ type, attrs: { id, author, at } });

describe('textSuggestion', () => {
  it('reads the marks the editor stores', () => {
    expect(textSuggestion([{ type: 'bold' }, mark(SUGGESTION_INSERT, 's1', 'u1', 5)])).toEqual({ kind: 'insert', id: 's1', author: 'u1', at: 5 });
    expect(textSuggestion([mark(SUGGESTION_DELETE, 's2', 'u2', 6)])).toEqual({ kind: 'delete', id: 's2', author: 'u2', at: 6 });
    expect(textSuggestion([{ type: 'bold' }])).toBeNull();
    expect(textSuggestion(undefined)).toBeNull();
  });

  it('shows proposed text as proposed even when someone proposes to strike it, and the earlier of two removals', () => {
    expect(textSuggestion([mark(SUGGESTION_DELETE, 'd', 'u2', 1), mark(SUGGESTION_INSERT, 'i', 'u1', 9)])?.id).toBe('i');
    expect(textSuggestion([mark(SUGGESTION_DELETE, 'late', 'u2', 9), mark(SUGGESTION_DELETE, 'early', 'u3', 2)])?.id).toBe('early');
  });
});

describe('suggestionAuthorIds', () => {
  it('lists each author once, in the order their first suggestion appears', () => {
    const prose = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [mark(SUGGESTION_DELETE, 's1', 'u2', 1)] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'b', marks: [mark(SUGGESTION_INSERT, 's2', 'u1', 1)] }, { type: 'hardBreak', marks: [mark(SUGGESTION_INSERT, 's3', 'u2', 1)] }] },
      ],
    };
    expect(suggestionAuthorIds(prose)).toEqual(['u2', 'u1']);
    expect(suggestionAuthorIds({ type: 'doc', content: [{ type: 'paragraph' }] })).toEqual([]);
  });
});
