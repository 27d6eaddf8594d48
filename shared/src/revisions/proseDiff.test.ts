import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProseNode } from './canonical';
import {
  CONSULTATION,
  PERIOD,
  R7_BLOCKS,
  SURVEY,
  YOROZU_2,
  proseDoc,
  type FixtureBlock,
} from './fixtures/fukushimaProse';
import { diffProse, diffText, flattenProse, inlineSegments, tokenize, type DiffSegment, type ProseDiffRow } from './proseDiff';

const join = (segments: readonly DiffSegment[], ...kinds: DiffSegment['kind'][]) =>
  segments
    .filter((segment) => kinds.includes(segment.kind))
    .map((segment) => segment.text)
    .join('');

/** Every invariant a diff of these two documents must keep, whatever the alignment chose. */
function checkRows(oldDoc: ProseNode, newDoc: ProseNode, rows: readonly ProseDiffRow[]): void {
  expect(rows.flatMap((row) => (row.old ? [row.old.text] : []))).toEqual(flattenProse(oldDoc).map((block) => block.text));
  expect(rows.flatMap((row) => (row.new ? [row.new.text] : []))).toEqual(flattenProse(newDoc).map((block) => block.text));
  for (const row of rows) {
    expect(row.old === null).toBe(row.kind === 'added');
    expect(row.new === null).toBe(row.kind === 'removed');
    if (row.old) {
      expect(join(row.old.segments, 'equal', 'delete')).toBe(row.old.text);
      expect(row.old.segments.some((segment) => segment.kind === 'insert')).toBe(false);
    }
    if (row.new) {
      expect(join(row.new.segments, 'equal', 'insert')).toBe(row.new.text);
      expect(row.new.segments.some((segment) => segment.kind === 'delete')).toBe(false);
    }
    if (row.kind === 'same') expect(row.old!.text).toBe(row.new!.text);
    const inline = inlineSegments(row);
    expect(join(inline, 'equal', 'delete')).toBe(row.old?.text ?? '');
    expect(join(inline, 'equal', 'insert')).toBe(row.new?.text ?? '');
    for (const segments of [row.old?.segments ?? [], row.new?.segments ?? [], inline]) checkMerged(segments);
  }
}

function checkMerged(segments: readonly DiffSegment[]): void {
  for (const [k, segment] of segments.entries()) {
    expect(segment.text).not.toBe('');
    if (k > 0) expect(segment.kind).not.toBe(segments[k - 1]!.kind);
  }
}

const replace = (blocks: readonly FixtureBlock[], from: FixtureBlock, to: FixtureBlock[]) =>
  blocks.flatMap((block) => (block === from ? to : [block]));
const find = (text: string) => R7_BLOCKS.find((block) => 'p' in block && block.p === text)!;

describe('tokenize', () => {
  it('cuts Japanese into characters, numbers and Latin words whole', () => {
    expect(tokenize('令和7年度')).toEqual(['令', '和', '7', '年', '度']);
    expect(tokenize('上限2,000千円、63.2%')).toEqual(['上', '限', '2,000', '千', '円', '、', '63.2', '%']);
    expect(tokenize('IT 導入補助金')).toEqual(['IT', ' ', '導', '入', '補', '助', '金']);
    expect(tokenize('令和７年度')).toEqual(['令', '和', '７', '年', '度']);
    expect(tokenize('𠮷野家')).toEqual(['𠮷', '野', '家']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('diffText', () => {
  it('marks only the year that changed', () => {
    expect(diffText('第2期 令和7年度の1年間', '第2期 令和8年度の1年間')).toEqual([
      { kind: 'equal', text: '第2期 令和' },
      { kind: 'delete', text: '7' },
      { kind: 'insert', text: '8' },
      { kind: 'equal', text: '年度の1年間' },
    ]);
  });

  it('marks a changed figure as a whole number', () => {
    expect(diffText('補助上限額は2,000千円とする。', '補助上限額は2,500千円とする。')).toEqual([
      { kind: 'equal', text: '補助上限額は' },
      { kind: 'delete', text: '2,000' },
      { kind: 'insert', text: '2,500' },
      { kind: 'equal', text: '千円とする。' },
    ]);
  });

  it('marks an inserted phrase', () => {
    const inserted = '商工会議所や各商工会による経営相談・指導及び伴走支援の充実を図ります。';
    expect(diffText(CONSULTATION, inserted)).toEqual([
      { kind: 'equal', text: '商工会議所や各商工会による経営相談・指導' },
      { kind: 'insert', text: '及び伴走支援' },
      { kind: 'equal', text: 'の充実を図ります。' },
    ]);
  });

  it('does not chop a rewritten phrase into single shared characters', () => {
    const segments = diffText('事業者の課題に応じて支援します。', '専門家の助言を受けて伴走します。');
    expect(segments.filter((segment) => segment.kind === 'equal').map((segment) => segment.text)).toEqual(['します。']);
  });

  it('reproduces both texts, for any texts', () => {
    const alphabet = fc.constantFrom(...'令和78年度の期第中小企業振興、。 ,0123abAB\n𠮷'.match(/./gsu)!);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(alphabet, { maxLength: 40 }), (a, b) => {
        const [oldText, newText] = [a.join(''), b.join('')];
        const segments = diffText(oldText, newText);
        expect(join(segments, 'equal', 'delete')).toBe(oldText);
        expect(join(segments, 'equal', 'insert')).toBe(newText);
        checkMerged(segments);
      }),
    );
  });
});

describe('flattenProse', () => {
  it('makes one block per heading, paragraph and list item, with levels and list paths', () => {
    const blocks = flattenProse(proseDoc(R7_BLOCKS));
    expect(blocks.slice(0, 4)).toEqual([
      { blockType: 'heading', text: '第1章 中小企業振興プログラムの趣旨', level: 1 },
      { blockType: 'heading', text: '1. 振興プログラム策定の目的', level: 2 },
      expect.objectContaining({ blockType: 'listItem', listPath: [1], ordered: true }),
      expect.objectContaining({ blockType: 'listItem', listPath: [2], ordered: true }),
    ]);
    const contacts = blocks.filter((block) => block.blockType === 'listItem' && block.ordered === false);
    expect(contacts.map((block) => [block.listPath, block.text])).toEqual([
      [[1], '福島商工会議所経営支援課 TEL 024-536-3900'],
      [[2], '各商工会'],
      [[2, 1], '飯坂町商工会 TEL 024-542-3568'],
      [[2, 2], '松川町商工会 TEL 024-567-2265'],
      [[2, 3], '飯野町商工会 TEL 024-562-2115'],
    ]);
  });

  it('reads hard breaks, blockquotes and code, and skips empty paragraphs and rules', () => {
    const doc: ProseNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '第1行', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: '第2行' }] },
        { type: 'paragraph' },
        { type: 'horizontalRule' },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引用一' }] }, { type: 'paragraph', content: [{ type: 'text', text: '引用二' }] }] },
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: 'a = 1' }] },
      ],
    };
    expect(flattenProse(doc)).toEqual([
      { blockType: 'paragraph', text: '第1行\n第2行' },
      { blockType: 'blockquote', text: '引用一\n引用二' },
      { blockType: 'codeBlock', text: 'a = 1' },
    ]);
  });
});

describe('diffProse on the Fukushima programme', () => {
  const oldDoc = proseDoc(R7_BLOCKS);

  it('shows nothing changed between a document and itself', () => {
    const rows = diffProse(oldDoc, oldDoc);
    expect(rows.every((row) => row.kind === 'same')).toBe(true);
    expect(rows).toHaveLength(flattenProse(oldDoc).length);
    checkRows(oldDoc, oldDoc, rows);
  });

  it('shows a year changed in place, a paragraph added and one removed', () => {
    const added = '企業アンケートの結果は、振興会議に報告するとともに、市ホームページで公表する。';
    let blocks = replace(R7_BLOCKS, find(PERIOD), [{ p: '第2期 令和8年度の1年間' }]);
    blocks = replace(blocks, find(SURVEY), [find(SURVEY), { p: added }]);
    blocks = replace(blocks, find(YOROZU_2), []);
    const newDoc = proseDoc(blocks);

    const rows = diffProse(oldDoc, newDoc);
    checkRows(oldDoc, newDoc, rows);
    const changes = rows.filter((row) => row.kind !== 'same');
    expect(changes.map((row) => row.kind)).toEqual(['changed', 'added', 'removed']);

    const [period, addition, removal] = changes as [ProseDiffRow, ProseDiffRow, ProseDiffRow];
    expect(period.old!.segments).toEqual([
      { kind: 'equal', text: '第2期 令和' },
      { kind: 'delete', text: '7' },
      { kind: 'equal', text: '年度の1年間' },
    ]);
    expect(period.new!.segments).toEqual([
      { kind: 'equal', text: '第2期 令和' },
      { kind: 'insert', text: '8' },
      { kind: 'equal', text: '年度の1年間' },
    ]);
    expect(inlineSegments(period)).toEqual([
      { kind: 'equal', text: '第2期 令和' },
      { kind: 'delete', text: '7' },
      { kind: 'insert', text: '8' },
      { kind: 'equal', text: '年度の1年間' },
    ]);
    expect(addition.new).toMatchObject({ blockType: 'paragraph', text: added, segments: [{ kind: 'insert', text: added }] });
    // The addition sits right after the paragraph it follows.
    const rowAfter = (row: ProseDiffRow) => rows[rows.indexOf(row) - 1]!;
    expect(rowAfter(addition).new!.text).toBe(SURVEY);
    expect(removal.old).toMatchObject({ text: YOROZU_2, segments: [{ kind: 'delete', text: YOROZU_2 }] });
  });

  it('pairs a reworded paragraph but not one replaced by different text', () => {
    const reworded = '商工会議所や各商工会による経営相談・指導及び伴走支援の充実を図ります。';
    const replaced = '県北地域の金融機関と連携し、事業承継に関する情報提供を行います。';
    const blocks = replace(R7_BLOCKS, find(CONSULTATION), [{ p: reworded }]);
    const newDoc = proseDoc(replace(blocks, find(YOROZU_2), [{ p: replaced }]));
    const rows = diffProse(oldDoc, newDoc);
    checkRows(oldDoc, newDoc, rows);
    expect(rows.filter((row) => row.kind !== 'same').map((row) => [row.kind, (row.new ?? row.old)!.text])).toEqual([
      ['changed', reworded],
      ['removed', YOROZU_2],
      ['added', replaced],
    ]);
  });

  it('shows a heading promoted a level as changed, its words unmarked', () => {
    const heading = R7_BLOCKS[13]!;
    const newDoc = proseDoc(replace(R7_BLOCKS, heading, [{ h: 2, text: '①相談支援事業' }]));
    const rows = diffProse(oldDoc, newDoc);
    checkRows(oldDoc, newDoc, rows);
    const changed = rows.filter((row) => row.kind !== 'same');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kind: 'changed', old: { level: 3 }, new: { level: 2, segments: [{ kind: 'equal' }] } });
  });

  it('shows a moved paragraph as removed there and added here', () => {
    const survey = find(SURVEY);
    const blocks = [survey, ...replace(R7_BLOCKS, survey, [])];
    const newDoc = proseDoc(blocks);
    const rows = diffProse(oldDoc, newDoc);
    checkRows(oldDoc, newDoc, rows);
    expect(rows.filter((row) => row.kind !== 'same').map((row) => row.kind).sort()).toEqual(['added', 'removed']);
  });

  it('keeps its invariants under random edits', () => {
    const texts = R7_BLOCKS.flatMap((block) => ('p' in block ? [block.p] : 'h' in block ? [block.text] : []));
    const edit = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...texts) }),
      fc.record({ op: fc.constant('retype' as const), at: fc.nat(), from: fc.nat(), to: fc.constantFrom('令和8年度', '2,500', '、', '') }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const blocks: FixtureBlock[] = [...R7_BLOCKS];
        for (const e of edits) {
          const at = e.at % (blocks.length + 1);
          if (e.op === 'delete' && blocks.length > 0) blocks.splice(at % blocks.length, 1);
          if (e.op === 'insert') blocks.splice(at, 0, { p: e.text });
          if (e.op === 'retype') {
            const target = blocks[at % Math.max(1, blocks.length)];
            if (target && 'p' in target) {
              const cut = e.from % (target.p.length + 1);
              blocks[blocks.indexOf(target)] = { p: target.p.slice(0, cut) + e.to + target.p.slice(cut + 2) };
            }
          }
        }
        const newDoc = proseDoc(blocks);
        checkRows(oldDoc, newDoc, diffProse(oldDoc, newDoc));
      }),
      { numRuns: 100 },
    );
  });
});

describe('diffProse on large documents', () => {
  const paragraphs = (count: number, salt: string) =>
    Array.from({ length: count }, (_, k) => ({ p: `${salt}第${k}段落。${'中小企業の振興に資する施策・事業のうち重要度の高い事業を位置づける。'.repeat(5)}${k * 7919}` }));

  // No clock here (unit tests never assert on wall time): a diff that degrades to quadratic on a
  // megabyte would run past the test timeout instead.
  it('compares a megabyte of prose with scattered edits', () => {
    const before = paragraphs(4500, '');
    const after = before.flatMap((block, k) => {
      if (k % 50 === 0) return [];
      if (k % 37 === 0) return [{ p: block.p.replace('重要度', '優先度') }];
      if (k % 101 === 0) return [block, { p: `追加された段落${k}。` }];
      return [block];
    });
    const oldDoc = proseDoc(before);
    const newDoc = proseDoc(after);
    expect(JSON.stringify(oldDoc).length).toBeGreaterThan(1_000_000);
    const rows = diffProse(oldDoc, newDoc);
    checkRows(oldDoc, newDoc, rows);
    expect(rows.filter((row) => row.kind === 'removed')).toHaveLength(90);
  });

  it('compares two unrelated megabyte paragraphs without hanging', () => {
    const a = '令和7年度の中小企業振興について。'.repeat(30_000);
    const b = '創業支援と事業承継、ゼロカーボンへの対応を進める！'.repeat(20_000);
    const segments = diffText(a, b);
    expect(join(segments, 'equal', 'delete')).toBe(a);
    expect(join(segments, 'equal', 'insert')).toBe(b);
  });

  it('finds a single edit in a megabyte paragraph', () => {
    const a = `${'中小企業の振興に資する施策。'.repeat(40_000)}令和7年度${'事業の展開を図る。'.repeat(40_000)}`;
    const b = a.replace('令和7年度', '令和8年度');
    const segments = diffText(a, b);
    expect(segments.filter((segment) => segment.kind !== 'equal')).toEqual([
      { kind: 'delete', text: '7' },
      { kind: 'insert', text: '8' },
    ]);
  });
});
