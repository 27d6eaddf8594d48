import { listSuggestions } from '@sakutei/shared/editor';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import {
  authorsOf,
  changeParts,
  changeText,
  clip,
  competingCount,
  groupSuggestions,
  relativeTime,
  sectionsOf,
  suggestionAt,
  suggestionsIn,
  BEFORE_FIRST_HEADING,
} from './suggestionCards';
import { aya, competingDoc, docOf, heading, lone, paragraph, staff } from './testDoc';

describe('groupSuggestions', () => {
  it('puts competing wordings of the same words in one 競合 group, the others alone, in document order', () => {
    const groups = groupSuggestions(listSuggestions(competingDoc()));
    expect(groups.map((group) => ({ conflict: group.conflict, ids: group.items.map((item) => item.id) }))).toEqual([
      { conflict: true, ids: [aya.id, staff.id] },
      { conflict: false, ids: [lone.id] },
    ]);
  });

  it('joins suggestions that compete through a third into one group', () => {
    const a = { id: 'a', author: 'u1', at: 1 };
    const b = { id: 'b', author: 'u2', at: 2 };
    const c = { id: 'c', author: 'u3', at: 3 };
    // a and b both strike 「12」, b and c both strike 「34」; a and c do not touch.
    const doc = docOf(paragraph({ text: '12', del: [a, b] }, { text: '34', del: [b, c] }, { text: '5' }));
    const groups = groupSuggestions(listSuggestions(doc));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.items.map((item) => item.id).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('bulk scopes', () => {
  const list = listSuggestions(competingDoc());

  it('expands all, one author, and one section into their suggestions', () => {
    expect(suggestionsIn(list, { kind: 'all' }).map((item) => item.id)).toEqual([aya.id, staff.id, lone.id]);
    expect(suggestionsIn(list, { kind: 'author', author: 'u-aya' }).map((item) => item.id)).toEqual([aya.id, lone.id]);
    const second = sectionsOf(list).find((section) => section.title === '第2章 施策')!;
    expect(suggestionsIn(list, { kind: 'section', index: second.index }).map((item) => item.id)).toEqual([lone.id]);
  });

  it('offers each author and section once, counted, in document order', () => {
    expect(authorsOf(list)).toEqual([
      { author: 'u-aya', count: 2 },
      { author: 'u-staff', count: 1 },
    ]);
    expect(sectionsOf(list).map(({ title, count }) => ({ title, count }))).toEqual([
      { title: '第1章 目標', count: 2 },
      { title: '第2章 施策', count: 1 },
    ]);
  });

  it('names the text before the first heading as its own section', () => {
    const doc = docOf(paragraph({ text: '前文', ins: aya }), heading('第1章'), paragraph({ text: '本文', ins: staff }));
    const sections = sectionsOf(listSuggestions(doc));
    expect(sections[0]).toEqual({ index: BEFORE_FIRST_HEADING, title: null, count: 1 });
    expect(suggestionsIn(listSuggestions(doc), { kind: 'section', index: BEFORE_FIRST_HEADING }).map((item) => item.id)).toEqual([aya.id]);
  });

  it('counts the chosen suggestions that compete, which accepting them all cannot all keep', () => {
    expect(competingCount(list)).toBe(2);
    expect(competingCount(suggestionsIn(list, { kind: 'author', author: 'u-staff' }))).toBe(1);
    expect(competingCount(suggestionsIn(list, { kind: 'section', index: sectionsOf(list)[1]!.index }))).toBe(0);
  });
});

describe('card text', () => {
  it('finds the suggestion under the cursor, and none outside', () => {
    const list = listSuggestions(competingDoc());
    const staffs = list.find((item) => item.id === staff.id)!;
    expect(suggestionAt(list, staffs.to)?.id).toBe(staff.id);
    expect(suggestionAt(list, 1)).toBeNull();
  });

  it('shortens a long passage and shows line breaks', () => {
    expect(clip('あ'.repeat(100), 10)).toBe(`${'あ'.repeat(9)}…`);
    expect(clip('一行目\n二行目')).toBe('一行目 ⏎ 二行目');
  });

  it('says how long ago, in Japanese and English', () => {
    const now = Date.UTC(2026, 11, 7, 12, 0);
    expect(relativeTime(now - 3 * 60_000, now, 'ja')).toBe('3 分前');
    expect(relativeTime(now - 2 * 3600_000, now, 'en')).toBe('2 hours ago');
    expect(relativeTime(now - 10_000, now, 'ja')).toBe('今');
  });
});

describe('changeParts', () => {
  const ja = translatorFor('ja');
  const en = translatorFor('en');
  const base = { inserted: '', deleted: '', formats: [], structure: [] };

  it('lists formats and block changes once each, and drops the break a new paragraph starts with', () => {
    const parts = changeParts(
      {
        ...base,
        inserted: '\n一\n二',
        formats: [{ mark: 'italic', action: 'remove', text: '語' }],
        structure: [
          { op: 'split', block: '', level: 0 },
          { op: 'split', block: '', level: 0 },
          { op: 'join', block: '', level: 0 },
        ],
      },
      ja,
    );
    expect(parts).toEqual({ moved: '', deleted: '', inserted: '一\n二', formats: [{ words: '斜体を外す', text: '語', mark: 'italic', action: 'remove' }], structure: ['段落を分ける', '前の段落と結合'] });
    expect(changeText(parts, ja)).toBe('段落を分ける、前の段落と結合、追加: 一 ⏎ 二、斜体を外す：語');
    expect(changeText(changeParts({ ...base, structure: [{ op: 'type', block: 'paragraph', level: 0 }] }, en), en)).toBe('make body text');
  });

  it('calls it a move only when the same words are struck and proposed', () => {
    expect(changeParts({ ...base, deleted: '甲乙', inserted: '\n甲乙', structure: [{ op: 'split', block: '', level: 0 }] }, ja)).toMatchObject({ moved: '甲乙', structure: [] });
    expect(changeParts({ ...base, deleted: '甲乙', inserted: '甲丙' }, ja).moved).toBe('');
    expect(changeParts({ ...base, deleted: '\n', inserted: '\n' }, ja).moved).toBe('');
    expect(changeParts({ ...base, inserted: '甲' }, ja).moved).toBe('');
  });
});
