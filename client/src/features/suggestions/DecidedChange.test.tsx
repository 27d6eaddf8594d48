import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderJa } from '../../app/testing/render';
import { DecidedChange } from './DecidedChange';

const none = { inserted: '', deleted: '', formats: [], structure: [] };

describe('DecidedChange (採否の履歴)', () => {
  it('names a decided format with the text it applied to, as the card did', () => {
    renderJa(<DecidedChange entry={{ ...none, formats: [{ mark: 'bold', action: 'add', text: '70店舗' }, { mark: 'italic', action: 'remove', text: '目標' }] }} />);
    const formats = screen.getAllByTestId('decided-format');
    expect(formats.map((f) => f.textContent)).toEqual(['太字にする 70店舗', '斜体を外す 目標']);
    expect(formats[0]!.querySelector('[data-mark="bold"][data-action="add"]')).not.toBeNull();
    expect(screen.getByTestId('decided-change').textContent).not.toContain('書式・段落の変更');
  });

  it('names block changes once each, and the wording beside them without the break it starts with', () => {
    renderJa(
      <DecidedChange
        entry={{
          ...none,
          inserted: '\n空き店舗を減らす',
          structure: [
            { op: 'split', block: '', level: 0 },
            { op: 'split', block: '', level: 0 },
            { op: 'type', block: 'heading', level: 3 },
          ],
        }}
      />,
    );
    expect(screen.getAllByTestId('decided-structure').map((s) => s.textContent)).toEqual(['段落を分ける', '見出し3にする']);
    expect(screen.getByRole('insertion').textContent).toBe('空き店舗を減らす');
  });

  it('reads a join and a retyping to 本文 in words', () => {
    renderJa(
      <DecidedChange
        entry={{
          ...none,
          structure: [
            { op: 'join', block: '', level: 0 },
            { op: 'type', block: 'paragraph', level: 0 },
          ],
        }}
      />,
    );
    expect(screen.getAllByTestId('decided-structure').map((s) => s.textContent)).toEqual(['前の段落と結合', '本文にする']);
  });

  it('keeps struck → added wording and the general words only for a record that names nothing', () => {
    const { unmount } = renderJa(<DecidedChange entry={{ ...none, deleted: '80店舗', inserted: '70店舗' }} />);
    expect(screen.getByTestId('decided-change').textContent).toBe('80店舗 → 70店舗');
    unmount();
    renderJa(<DecidedChange entry={none} />);
    expect(screen.getByTestId('decided-change').textContent).toBe('書式・段落の変更');
  });
});
