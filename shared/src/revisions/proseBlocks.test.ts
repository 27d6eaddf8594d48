import { describe, expect, it } from 'vitest';
import { proseWithTable } from './fixtures/proseWithTable';
import { flattenProse, TABLE_CELL_SEPARATOR } from './proseBlocks';
import { diffProse } from './proseDiff';

describe('flattenProse with tables and heading levels', () => {
  it('keeps every heading level and makes each table row one line', () => {
    const blocks = flattenProse(proseWithTable());
    expect(blocks.filter((b) => b.blockType === 'heading').map((b) => b.level)).toEqual([1, 2, 3, 4]);
    const rows = blocks.filter((b) => b.blockType === 'tableRow');
    expect(rows.map((row) => row.text)).toEqual([
      ['指標', '基準値', '目標値'].join(TABLE_CELL_SEPARATOR),
      ['相談件数', '400件', '480件'].join(TABLE_CELL_SEPARATOR),
      ['（令和元年度）', '（令和7年度）'].join(TABLE_CELL_SEPARATOR),
      '出典：市産業雇用政策課調べ',
    ]);
    expect(rows[0]).toMatchObject({ header: true, cells: ['指標', '基準値', '目標値'] });
    expect(rows[1]!.header).toBe(false);
  });

  it('shows a changed cell as a changed row of the 新旧対照表', () => {
    const changed = diffProse(proseWithTable('old'), proseWithTable('new')).filter((row) => row.kind !== 'same');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.kind).toBe('changed');
    expect(changed[0]!.new!.blockType).toBe('tableRow');
    expect(changed[0]!.new!.segments.filter((s) => s.kind === 'insert').map((s) => s.text).join('')).toContain('52');
  });
});
