import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newMeasureId } from '../ids';
import { deriveTable } from '../tree';
import { addNode, createMeasureUndoManager, readMeasureTable, setNodeText, setRoleMark, addActor } from '../ydoc';
import { applyMeasureImport } from './apply';
import { parseDelimited } from './delimited';
import { ImportRefusedError, KEPT_IMPORT_RECORDS, importRecords, importRefusal, readImportRecord, undoImport } from './importLog';
import { MAX_IMPORT_ROWS } from './problems';
import { setEvaluation } from '../report/evaluations';
import { previewPlanImport, previewRowsIn, rememberedMappingOf } from './planImport';

/*
 * The plan side of a measure-table import, on a bare Y.Doc: the preview against the plan
 * (its projects, its remembered mapping), the one-transaction apply with its record, and
 * the exact undo that the API offers.
 */

const TABLE = parseDelimited(
  [
    '番号\t施策名\t取組内容\t所管課\t方向性\t備考',
    '1\t観光と産業の連携\t観光資源を活かす。\t\t\t重点',
    '(1)\t体験型観光の推進\t\t\t\t',
    '①\t農業体験ツアー事業\tツアーを支援する。\t農林課\t新規\t令和8年度から',
    '②\t観光案内DX事業\t\t観光課\t充実\t',
  ].join('\n'),
);

const NOW = new Date('2026-04-01T09:00:00Z');

function imported(doc: Y.Doc, rows: string[][], mapping: Record<number, 'description' | 'ignored'> | null = null, parent: string | null = null) {
  const { preview } = previewPlanImport(doc, rows, { mapping, newId: newMeasureId });
  return applyMeasureImport(doc, preview, { at: { parent }, importId: newMeasureId(), now: NOW, by: 'u1', remember: preview.remembered });
}

const titles = (doc: Y.Doc) => deriveTable(readMeasureTable(doc)).rows.map((row) => `${row.path} ${row.title}`);

describe('a measure-table import into a plan', () => {
  it('previews against the plan without touching it, numbered after what is there', () => {
    const doc = new Y.Doc();
    addNode(doc, { parent: null }, { kind: 'measure', title: '既存の施策体系' }, newMeasureId);
    const before = Y.encodeStateVector(doc);
    const { preview, mappingFrom } = previewPlanImport(doc, TABLE, { newId: newMeasureId });
    expect(mappingFrom).toBe('detected');
    const rows = previewRowsIn(readMeasureTable(doc), preview, { parent: null });
    expect(rows.map((row) => `${row.line} ${row.number} ${row.title}`)).toEqual([
      '2 2 観光と産業の連携',
      '3 (1) 体験型観光の推進',
      '4 ① 農業体験ツアー事業',
      '5 ② 観光案内DX事業',
    ]);
    expect(rows[2]).toMatchObject({ description: 'ツアーを支援する。', contacts: expect.stringContaining('農林課'), status: 'new' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('previews the rows apply writes: same ids, numbers and order, placed after a chosen sibling', () => {
    const doc = new Y.Doc();
    const first = addNode(doc, { parent: null }, { kind: 'measure', title: '一つ目' }, newMeasureId);
    addNode(doc, { parent: null }, { kind: 'measure', title: '三つ目' }, newMeasureId);
    const { preview } = previewPlanImport(doc, TABLE, { newId: newMeasureId });
    const at = { parent: null, after: first };
    const shown = previewRowsIn(readMeasureTable(doc), preview, at);
    applyMeasureImport(doc, preview, { at, importId: 'i1', now: NOW, by: null, remember: [] });
    const written = deriveTable(readMeasureTable(doc)).rows.filter((row) => shown.some((s) => s.id === row.node.id));
    expect(written.map((row) => [row.node.id, row.number, row.title])).toEqual(shown.map((row) => [row.id, row.number, row.title]));
    expect(shown[0]!.number).toBe('2');
  });

  it('applies as one step the measure undo manager leaves alone; undoImport takes it back and the mapping outlives it', () => {
    const doc = new Y.Doc();
    const undo = createMeasureUndoManager(doc);
    const record = imported(doc, TABLE, { 5: 'description', 2: 'ignored' });
    // A Yjs undo of the import would delete the row maps with whatever others wrote in them.
    expect(undo.canUndo()).toBe(false);
    expect(record.nodeIds).toHaveLength(4);
    expect(record.projectIds).toHaveLength(2);
    expect(titles(doc)).toHaveLength(4);
    const tour = deriveTable(readMeasureTable(doc)).rows.find((row) => row.title === '農業体験ツアー事業')!;
    expect(tour.node.description).toBe('令和8年度から');

    expect(undoImport(doc, record.id, NOW)).toEqual({ ok: true, removedRows: 4, removedProjects: 2 });
    expect(titles(doc)).toEqual([]);
    expect(undo.canUndo()).toBe(false);
    expect(rememberedMappingOf(doc)).not.toBeNull();

    const again = previewPlanImport(doc, TABLE, { newId: newMeasureId });
    expect(again.mappingFrom).toBe('remembered');
    expect(again.preview.mapping[5]).toBe('description');
    expect(again.preview.mapping[2]).toBe('ignored');
    // A mapping given by the caller wins over the remembered one.
    expect(previewPlanImport(doc, TABLE, { mapping: { 5: 'ignored' }, newId: newMeasureId }).mappingFrom).toBe('request');
  });

  it('undoes exactly what one import added, once, and leaves rows deleted since alone', () => {
    const doc = new Y.Doc();
    const first = imported(doc, TABLE);
    const under = deriveTable(readMeasureTable(doc)).rows.find((row) => row.title === '観光と産業の連携')!.node.id;
    const second = imported(doc, parseDelimited('番号\t施策名\n(2)\t人材の確保\n①\t観光人材育成事業'), null, under);
    expect(titles(doc)).toHaveLength(6);

    expect(undoImport(doc, second.id, NOW)).toEqual({ ok: true, removedRows: 2, removedProjects: 1 });
    expect(titles(doc)).toHaveLength(4);
    expect(undoImport(doc, second.id, NOW)).toEqual({ ok: false, reason: 'alreadyUndone' });
    expect(readImportRecord(doc, second.id)?.undoneAt).toBe(NOW.toISOString());
    expect(undoImport(doc, 'nosuch', NOW)).toEqual({ ok: false, reason: 'unknown' });

    expect(undoImport(doc, first.id, NOW)).toEqual({ ok: true, removedRows: 4, removedProjects: 2 });
    const table = readMeasureTable(doc);
    expect(table.nodes).toEqual([]);
    expect(table.projects).toEqual([]);
  });

  it.each([
    ['a title edited', (doc: Y.Doc, id: (title: string) => string) => setNodeText(doc, id('体験型観光の推進'), 'title', '体験型観光の推進（改）')],
    ['a row added under one of its rows', (doc: Y.Doc, id: (title: string) => string) => {
      addNode(doc, { parent: id('体験型観光の推進') }, { kind: 'measure', title: '手で足した行' }, newMeasureId);
    }],
    ['a role mark on one of its rows', (doc: Y.Doc, id: (title: string) => string) => {
      setRoleMark(doc, id('体験型観光の推進'), addActor(doc, '観光協会', newMeasureId), '◎');
    }],
    ['a 評価・課題 written for one of its rows', (doc: Y.Doc, id: (title: string) => string) => {
      setEvaluation(doc, 2025, id('体験型観光の推進'), '体験型観光は目標に届かなかった。');
    }],
  ])('refuses to undo when %s since, naming the row, and removes nothing', (_, change) => {
    const doc = new Y.Doc();
    const record = imported(doc, TABLE);
    const id = (title: string) => deriveTable(readMeasureTable(doc)).rows.find((row) => row.title.startsWith(title))!.node.id;
    change(doc, id);
    const before = readMeasureTable(doc).nodes.length;
    const outcome = undoImport(doc, record.id, NOW);
    expect(outcome).toMatchObject({ ok: false, reason: 'edited', rows: [expect.stringContaining('体験型観光の推進')] });
    expect(readMeasureTable(doc).nodes).toHaveLength(before);
  });

  it(`keeps the last ${KEPT_IMPORT_RECORDS} imports' records`, () => {
    const doc = new Y.Doc();
    const ids: string[] = [];
    for (let i = 0; i < KEPT_IMPORT_RECORDS + 2; i++) {
      const { preview } = previewPlanImport(doc, parseDelimited(`番号\t施策名\n${i + 1}\t施策${i}`), { newId: newMeasureId });
      const at = new Date(NOW.getTime() + i * 1000);
      ids.push(applyMeasureImport(doc, preview, { at: { parent: null }, importId: `imp${i}`, now: at, by: null, remember: [] }).id);
    }
    const kept = importRecords(doc).map((record) => record.id);
    expect(kept).toHaveLength(KEPT_IMPORT_RECORDS);
    expect(kept[0]).toBe(ids.at(-1));
    expect(readImportRecord(doc, ids[0]!)).toBeNull();
  });

  it('a later edit by someone else inside an imported row is kept: the undo is refused, the Yjs undo stack has nothing to revert', () => {
    const doc = new Y.Doc();
    const undo = createMeasureUndoManager(doc);
    const record = imported(doc, TABLE);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const top = deriveTable(readMeasureTable(other)).rows[0]!;
    setNodeText(other, top.node.id, 'title', '観光と産業の連携（改）');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(undo.canUndo()).toBe(false);
    const outcome = undoImport(doc, record.id, NOW);
    expect(outcome).toEqual({ ok: false, reason: 'edited', rows: ['観光と産業の連携（改）'] });
    expect(titles(doc)).toHaveLength(4);
  });

  it('refuses to apply a preview the importer cut short, or one with nothing in it', () => {
    const doc = new Y.Doc();
    const long = [TABLE[0]!, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ['①', `事業${i}`])];
    const { preview } = previewPlanImport(doc, long, { newId: newMeasureId });
    expect(importRefusal(preview)).toBe('tooManyRows');
    expect(() =>
      applyMeasureImport(doc, preview, { at: { parent: null }, importId: 'x', now: NOW, by: null, remember: [] }),
    ).toThrow(ImportRefusedError);
    expect(titles(doc)).toEqual([]);
    const wide = TABLE.map((row, i) => (i === 1 ? [...row, ...Array.from({ length: 120 }, () => 'x')] : row));
    expect(importRefusal(previewPlanImport(doc, wide, { newId: newMeasureId }).preview)).toBe('tooManyColumns');
    expect(importRefusal(previewPlanImport(doc, [['番号', '名称']], { newId: newMeasureId }).preview)).toBe('nothing');
    expect(importRefusal(previewPlanImport(doc, TABLE, { newId: newMeasureId }).preview)).toBeNull();
  });
});
