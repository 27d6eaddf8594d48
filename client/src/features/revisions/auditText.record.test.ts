import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { auditEntry } from './auditEntry.fixture';
import { auditDetails, auditKindText } from './auditText';

const t = translatorFor('ja');
const entry = auditEntry;

describe('the record of what staff write (issue 15 item 4)', () => {
  it('says which 対応方針 and 対応内容 were recorded on which comment', () => {
    const e = entry('thread.responded', { threadId: 't1', threadNumber: 3, from: null, disposition: 'partial', response: '次回改定で見直します。' });
    expect(auditKindText(e, t)).toBe('対応方針・対応内容を記入');
    expect(auditDetails(e, t, () => null)).toEqual(['コメント #3', '対応方針：一部反映', '対応内容：次回改定で見直します。']);
  });

  it('names the KPI, the year and the figure entered, in the 一覧\'s marks', () => {
    const figure = (value: unknown) => auditDetails(entry('kpi.actualRecorded', { kpiId: 'k1', kpi: '創業件数', fiscalYear: 2024, value }), t, () => null);
    expect(figure({ kind: 'number', value: 7, sub: 11 })).toEqual(['成果指標 創業件数', '2024年度', '値：7（11）']);
    expect(figure({ kind: 'withheld' }).at(-1)).toBe('値：X');
    expect(figure({ kind: 'blank' })).toEqual(['成果指標 創業件数', '2024年度']);
    // Whatever else is stored is skipped, not shown raw.
    expect(figure({ kind: 'strange' })).toEqual(['成果指標 創業件数', '2024年度']);
  });

  it('says met or not met in the reader\'s language', () => {
    const e = (met: boolean) => entry('kpi.actualRecorded', { kpiId: 'k1', kpi: '創業件数', fiscalYear: 2024, value: { kind: 'judgement', met, note: '見込み' } });
    expect(auditDetails(e(true), t, () => null).at(-1)).toBe('値：達成 見込み');
    const english = translatorFor('en');
    expect(auditDetails(e(true), english, () => null).at(-1)).toBe(english('revisions.audit.value', { value: 'Met 見込み' }));
    expect(auditDetails(e(false), english, () => null).at(-1)).toBe(english('revisions.audit.value', { value: 'Not met 見込み' }));
  });

  it('names the comment a deletion removed', () => {
    const e = entry('comment.deleted', { threadId: 't1', threadNumber: 4, commentId: 'c1', authorId: 'u1' });
    expect(auditKindText(e, t)).toBe('コメントを削除');
    expect(auditDetails(e, t, () => null)).toEqual(['コメント #4']);
  });

  it('says whose suggestion was decided and what it proposed (issue 16)', () => {
    const names = (id: string) => (id === 'u-member' ? '委員 佐藤' : null);
    const accepted = entry('suggestion.accepted', { suggestionId: 's1', authorId: 'u-member', deleted: '80店舗', inserted: '70店舗' });
    expect(auditKindText(accepted, t)).toBe('提案を採用');
    expect(auditDetails(accepted, t, names)).toEqual(['提案者 委員 佐藤', '「80店舗」→「70店舗」']);
    const resolved = entry('suggestion.rejected', { suggestionId: 's3', authorId: 'u-gone', deleted: '80店舗', conflictOf: 's1' });
    expect(auditDetails(resolved, t, names)).toEqual(['提案者 u-gone', '削除「80店舗」', '競合する提案の採用により不採用']);
    expect(auditDetails(entry('suggestion.rejected', { suggestionId: 's2', authorId: 'u-member', inserted: '（仮）' }), t, names).at(-1)).toBe('追加「（仮）」');
    expect(auditDetails(entry('council.suggestionDecidersChanged', { from: 'editors', to: 'chair' }), t, names)).toEqual(['採否を決める人：座長（委任された座長代理を含む）']);
  });

  it('names a decided format or block change in the cards\' words, not as an empty wording', () => {
    const names = () => '委員 佐藤';
    const bold = entry('suggestion.accepted', { suggestionId: 's4', authorId: 'u-member', formats: [{ mark: 'bold', action: 'add' }, { mark: 'bold', action: 'add' }] });
    expect(auditDetails(bold, t, names)).toEqual(['提案者 委員 佐藤', '太字にする']);
    const paragraph = entry('suggestion.accepted', { suggestionId: 's5', authorId: 'u-member', inserted: '\n空き店舗を減らす', structure: [{ op: 'split', block: '', level: 0 }] });
    expect(auditDetails(paragraph, t, names)).toEqual(['提案者 委員 佐藤', '段落を分ける', '追加「空き店舗を減らす」']);
    const breakOnly = entry('suggestion.rejected', { suggestionId: 's6', authorId: 'u-member', inserted: '\n', structure: [{ op: 'split', block: '', level: 0 }] });
    expect(auditDetails(breakOnly, t, names)).toEqual(['提案者 委員 佐藤', '段落を分ける']);
    const retype = entry('suggestion.accepted', {
      suggestionId: 's7',
      authorId: 'u-member',
      structure: [{ op: 'type', block: 'heading', level: 3 }, { op: 'join', block: '', level: 0 }, { op: 'teleport' }, 'odd'],
      formats: [{ mark: 'italic', action: 'remove' }, { mark: 'bold', action: 'maybe' }],
    });
    expect(auditDetails(retype, t, names)).toEqual(['提案者 委員 佐藤', '見出し3にする', '前の段落と結合', '斜体を外す']);
    const english = translatorFor('en');
    expect(auditDetails(bold, english, names)).toEqual([english('revisions.audit.suggestionAuthor', { name: '委員 佐藤' }), english('editor.suggest.format.add.bold')]);
  });
});
