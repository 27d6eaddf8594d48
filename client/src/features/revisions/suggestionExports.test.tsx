import type { DiffSegment, Revision } from '@sakutei/shared';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { DiffText } from './DiffText';
import { RevisionExports } from './RevisionExports';
import { SuggestionAuthorsContext } from './suggestionAuthors';

const revision = { id: 'r1', number: 2, name: '素案', stage: '素案' } as Revision;

describe('RevisionExports', () => {
  it('offers to include suggestions only when the revision holds some, and the links follow the choice', () => {
    const { unmount } = renderJa(<RevisionExports revision={revision} />);
    expect(screen.queryByTestId('revision-export-suggestions')).toBeNull();
    expect(screen.getByTestId('revision-export-docx').getAttribute('href')).toBe('/api/revisions/r1/export?format=docx');
    unmount();

    renderJa(<RevisionExports revision={revision} offerSuggestions />);
    const box = screen.getByLabelText('提案を見え消しで含める');
    expect(screen.getByTestId('revision-export-html').getAttribute('href')).toBe('/api/revisions/r1/export?format=html');
    fireEvent.click(box);
    expect(screen.getByTestId('revision-export-docx').getAttribute('href')).toBe('/api/revisions/r1/export?format=docx&suggestions=markup');
    expect(screen.getByTestId('revision-export-html').getAttribute('href')).toBe('/api/revisions/r1/export?format=html&suggestions=markup');
  });
});

describe('DiffText with suggestions', () => {
  it('marks a pending suggestion apart from the comparison’s own change, naming its author to screen readers', () => {
    const at = 1;
    const segments: DiffSegment[] = [
      { kind: 'equal', text: '支援を' },
      { kind: 'equal', text: '拡充', suggestion: { kind: 'delete', id: 's1', author: 'u1', at } },
      { kind: 'insert', text: '強化', suggestion: { kind: 'insert', id: 's1', author: 'u1', at } },
      { kind: 'insert', text: '大いに', suggestion: { kind: 'delete', id: 's2', author: 'gone', at } },
    ];
    const { container } = renderJa(
      <SuggestionAuthorsContext.Provider value={new Map([['u1', '佐藤 花子']])}>
        <p>
          <DiffText segments={segments} />
        </p>
      </SuggestionAuthorsContext.Provider>,
    );
    const marks = [...container.querySelectorAll('.compare-suggestion')] as HTMLElement[];
    expect(marks.map((m) => [m.tagName, m.textContent, m.dataset['srStart']])).toEqual([
      ['DEL', '拡充', '［佐藤 花子の削除の提案：'],
      ['INS', '強化', '［佐藤 花子の追加の提案：'],
      ['DEL', '大いに', '［不明な利用者の削除の提案：'],
    ]);
    // Proposed text is not the comparison's insertion; text the comparison added and someone proposes to strike is both.
    expect(marks[1]!.querySelector('.diff-mark')).toBeNull();
    expect(marks[2]!.querySelector('ins.diff-mark')?.textContent).toBe('大いに');
  });
});
