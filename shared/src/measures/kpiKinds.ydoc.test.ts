import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importKpiList } from './import/kpiList';
import { applyKpiImport } from './import/apply';
import { num } from './model';
import { addKpi, addNode, measureMaps, readMeasureTable, replaceMeasureTable, setActual, updateKpi } from './ydoc';

let counter = 0;
const newId = () => `id${++counter}`;

function docWithRow(): { doc: Y.Doc; row: string } {
  const doc = new Y.Doc();
  const row = addNode(doc, { parent: null }, { kind: 'measure', title: '施策' }, newId);
  return { doc, row };
}

describe('KPI kinds in the Y.Doc', () => {
  it('reads a KPI written before kinds existed as the value kind, with nothing extra', () => {
    const { doc, row } = docWithRow();
    addKpi(doc, row, { name: '旧来', targetValue: num(10) }, newId);
    const [kpi] = readMeasureTable(doc).kpis;
    expect(kpi).not.toHaveProperty('targetKind');
    expect(kpi).not.toHaveProperty('partsJudged');
    expect(kpi).not.toHaveProperty('subFigure');
  });

  it('writes and reads the kind, parts judging, sub-figure and a judgement', () => {
    const { doc, row } = docWithRow();
    const id = addKpi(doc, row, { name: '均衡', targetKind: { kind: 'qualitative', wording: '収支均衡' }, partsJudged: 'each', subFigure: { label: '人数', unit: '人' } }, newId);
    setActual(doc, id, 2024, { kind: 'judgement', met: false, note: '赤字' });
    const [kpi] = readMeasureTable(doc).kpis;
    expect(kpi).toMatchObject({ targetKind: { kind: 'qualitative', wording: '収支均衡' }, partsJudged: 'each', subFigure: { label: '人数', unit: '人' } });
    expect(kpi!.actuals['2024']).toEqual({ kind: 'judgement', met: false, note: '赤字' });
    updateKpi(doc, id, { subFigure: null, targetKind: { kind: 'value' }, partsJudged: 'sum' });
    expect(readMeasureTable(doc).kpis[0]).not.toHaveProperty('subFigure');
    expect(readMeasureTable(doc).kpis[0]).not.toHaveProperty('targetKind');
  });

  it('falls back to the value kind when someone wrote a malformed kind into the document', () => {
    const { doc, row } = docWithRow();
    const id = addKpi(doc, row, { name: 'x' }, newId);
    measureMaps(doc).kpis.get(id)!.set('targetKind', { kind: 'range', low: 'a lot' });
    measureMaps(doc).kpis.get(id)!.set('partsJudged', 'whatever');
    const [kpi] = readMeasureTable(doc).kpis;
    expect(kpi).not.toHaveProperty('targetKind');
    expect(kpi).not.toHaveProperty('partsJudged');
    expect(kpi!.name).toBe('x');
  });

  it('keeps the kind through a restore of a frozen table', () => {
    const { doc, row } = docWithRow();
    addKpi(doc, row, { name: 'r', targetKind: { kind: 'range', low: 25, high: 50 } }, newId);
    const frozen = readMeasureTable(doc);
    const other = new Y.Doc();
    replaceMeasureTable(other, frozen);
    expect(readMeasureTable(other).kpis[0]!.targetKind).toEqual({ kind: 'range', low: 25, high: 50 });
  });

  it('marks an imported, inferred direction for confirmation, and setting the direction confirms it', () => {
    const { doc, row } = docWithRow();
    const { value } = importKpiList([
      ['No', '成果指標', '基準値', '目標値'],
      ['1', '推定', '10 件', '20 件'],
      ['2', '印字', '30 t', '20 t 以下'],
    ]);
    applyKpiImport(doc, value, { attachNewTo: row, newId });
    const byName = () => new Map(readMeasureTable(doc).kpis.map((kpi) => [kpi.name, kpi]));
    expect(byName().get('推定')!.directionInferred).toBe(true);
    expect(byName().get('印字')).not.toHaveProperty('directionInferred');
    updateKpi(doc, byName().get('推定')!.id, { direction: 'higher' });
    expect(byName().get('推定')).not.toHaveProperty('directionInferred');
  });

  it('keeps a confirmed direction and a changed kind through a re-import of the same list', () => {
    const { doc, row } = docWithRow();
    const list = (target: string, actual: string) => [
      ['No', '成果指標', '基準値', '目標値', 'R5'],
      ['1', '推定', '10 件', '20 件', actual],
      ['2', '倍率', '10 社', target, actual],
    ];
    applyKpiImport(doc, importKpiList(list('2.5倍', '')).value, { attachNewTo: row, newId });
    const byName = () => new Map(readMeasureTable(doc).kpis.map((kpi) => [kpi.name, kpi]));
    expect(byName().get('倍率')!.targetKind).toEqual({ kind: 'relative', mode: 'factor', amount: 2.5 });
    // A person corrects the guessed direction and turns the proposed kind into a plain value.
    updateKpi(doc, byName().get('推定')!.id, { direction: 'lower' });
    updateKpi(doc, byName().get('倍率')!.id, { targetKind: { kind: 'value' }, directionInferred: false });
    // Next year's paste: same targets, new actuals.
    applyKpiImport(doc, importKpiList(list('2.5倍', '15')).value, { attachNewTo: row, newId });
    expect(byName().get('推定')).toMatchObject({ direction: 'lower' });
    expect(byName().get('推定')).not.toHaveProperty('directionInferred');
    expect(byName().get('推定')!.actuals['2023']).toEqual(num(15));
    expect(byName().get('倍率')).not.toHaveProperty('targetKind');
    // A confirmed KPI whose printed target changes within its kind takes the new figures.
    updateKpi(doc, byName().get('倍率')!.id, { targetKind: { kind: 'relative', mode: 'factor', amount: 2.5 } });
    applyKpiImport(doc, importKpiList(list('3倍', '15')).value, { attachNewTo: row, newId });
    expect(byName().get('倍率')!.targetKind).toEqual({ kind: 'relative', mode: 'factor', amount: 3 });
  });

  it('reads a pre-kinds 維持 KPI whose target equals its baseline as an inferred higher one, until confirmed', () => {
    const { doc, row } = docWithRow();
    const id = addKpi(doc, row, { name: '相談件数', baselineValue: num(4), targetValue: num(4) }, newId);
    // As the old importer left it: direction keep, no flag at all.
    measureMaps(doc).kpis.get(id)!.set('direction', 'keep');
    measureMaps(doc).kpis.get(id)!.delete('directionInferred');
    expect(readMeasureTable(doc).kpis[0]).toMatchObject({ direction: 'higher', directionInferred: true });
    // The panel's confirm writes the shown direction: no longer inferred.
    updateKpi(doc, id, { direction: 'higher', directionInferred: false });
    expect(readMeasureTable(doc).kpis[0]!.direction).toBe('higher');
    expect(readMeasureTable(doc).kpis[0]).not.toHaveProperty('directionInferred');
    // Someone who really means 維持 chooses it, and it stays 維持.
    updateKpi(doc, id, { direction: 'keep' });
    expect(readMeasureTable(doc).kpis[0]).toMatchObject({ direction: 'keep' });
    expect(readMeasureTable(doc).kpis[0]).not.toHaveProperty('directionInferred');
  });

  it('leaves a 維持 KPI whose target differs from its baseline, or a flagged one, as stored', () => {
    const { doc, row } = docWithRow();
    const id = addKpi(doc, row, { name: '維持', baselineValue: num(4), targetValue: num(5) }, newId);
    measureMaps(doc).kpis.get(id)!.set('direction', 'keep');
    measureMaps(doc).kpis.get(id)!.delete('directionInferred');
    expect(readMeasureTable(doc).kpis[0]!.direction).toBe('keep');
  });
});
