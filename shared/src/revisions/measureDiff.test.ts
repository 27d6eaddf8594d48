import { describe, expect, it } from 'vitest';
import { FUKUSHIMA_KPIS } from '../measures/fixtures/fukushimaKpis';
import {
  DEFAULT_MEASURE_SETTINGS,
  KORIYAMA_SCHEME,
  NONE,
  num,
  type KpiRecord,
  type MeasureTable,
  type NodeRecord,
  type ProjectRecord,
} from '../measures/model';
import { diffMeasures, mergeOrder, type KpiDiff, type RowDiff } from './measureDiff';
import { measureRow as measure, placementRow as placement } from '../measures/fixtures/treeRows';

const project = (id: string, name: string, section: string, phone: string): ProjectRecord => ({
  id,
  name,
  contacts: [{ organisation: '福島市', section, phone }],
});
const fixtureKpi = (no: number, attachTo: string, key: string): KpiRecord => {
  const row = FUKUSHIMA_KPIS[no - 1]!;
  return { ...row.kpi, attachTo, key };
};

/** 第1の施策体系の冒頭と第2の一部, as the 令和7年度 programme lays them out. */
function r7(): MeasureTable {
  return {
    settings: DEFAULT_MEASURE_SETTINGS,
    nodes: [
      measure('m1', null, 'a0', '経営の革新・向上・改善、経営基盤の強化及び販路開拓'),
      measure('m11', 'm1', 'a0', '経営の革新、向上及び改善'),
      placement('consult', 'm11', 'a0', 'p-consult', '商工会議所や各商工会による経営相談・指導の充実を図ります。'),
      placement('coord', 'm11', 'a1', 'p-coord', '市産業支援コーディネーターが企業訪問等を通じ、各種支援を実施します。'),
      placement('yorozu', 'm11', 'a2', 'p-yorozu', '経営上のあらゆる課題について専門家が相談に応じます。'),
      measure('m12', 'm1', 'a1', '経営基盤の強化及び販路開拓'),
      measure('m2', null, 'a1', '創業と承継、経済的・社会的環境の変化への適応'),
      measure('m21', 'm2', 'a0', '創業及び事業の承継'),
      placement('shop', 'm21', 'a0', 'p-shop', '空き店舗を活用したチャレンジショップを運営します。'),
    ],
    projects: [
      project('p-consult', '相談支援事業', '産業雇用政策課', '024-515-7746'),
      project('p-coord', '産業支援コーディネート事業', '産業雇用政策課', '024-515-7746'),
      project('p-yorozu', 'よろず支援拠点', '産業雇用政策課', '024-515-7746'),
      project('p-shop', 'チャレンジショップ', 'にぎわい商業課', '024-525-3720'),
    ],
    kpis: [fixtureKpi(1, 'm11', 'a0'), fixtureKpi(2, 'coord', 'a0'), fixtureKpi(6, 'm21', 'a0'), fixtureKpi(18, 'shop', 'a0')],
    actors: [
      { id: 'city', name: '市', key: 'a0' },
      { id: 'cci', name: '商工会議所', key: 'a1' },
    ],
    roleCells: { 'm1|city': '◎', 'm1|cci': '○', 'm2|city': '◎' },
  };
}

const byId = <T extends { id: string }>(items: readonly T[], id: string): T => items.find((item) => item.id === id)!;

describe('diffMeasures', () => {
  it('finds nothing between a table and itself', () => {
    const diff = diffMeasures(r7(), r7());
    expect(diff.changed).toBe(false);
    expect(diff.rows.map((row) => row.kind)).toEqual(Array(9).fill('same'));
    expect(diff.kpis.map((kpi) => kpi.kind)).toEqual(Array(4).fill('same'));
    expect([diff.settings, diff.actors, diff.roleCells]).toEqual([[], [], []]);
  });

  it('does not care in which order the records are listed', () => {
    const shuffled = r7();
    shuffled.nodes.reverse();
    shuffled.kpis.reverse();
    shuffled.projects.reverse();
    expect(diffMeasures(r7(), shuffled).changed).toBe(false);
  });

  describe('the 令和8年度 revision', () => {
    const r8 = r7();
    // 相談支援事業 is dropped, so コーディネート and よろず move up a number.
    r8.nodes = r8.nodes.filter((node) => node.id !== 'consult');
    r8.projects = r8.projects.filter((p) => p.id !== 'p-consult');
    // よろず支援拠点 is enhanced and described anew; its contact moves.
    const yorozu = byId(r8.nodes, 'yorozu');
    Object.assign(yorozu, { status: 'enhanced', description: '専門家がチームを組んで伴走支援します。' });
    byId(r8.projects, 'p-yorozu').contacts = [{ organisation: '福島県よろず支援拠点', section: '', phone: '024-525-4064' }];
    // A new project joins at the end of (1).
    r8.nodes.push(placement('dx', 'm11', 'a3', 'p-dx', '中小企業のデジタル化を支援します。'));
    r8.projects.push(project('p-dx', 'デジタル人材バンク事業', '産業雇用政策課', '024-515-7746'));
    // 経営基盤の強化 moves under 2, after 創業及び事業の承継.
    byId(r8.nodes, 'm12').position = { parent: 'm2', key: 'a1' };
    // The 空き店舗数 gets its 令和5年度 figure corrected and 令和6年度 filled in.
    const shops = byId(r8.kpis, 'kpi-06');
    shops.actuals = { ...shops.actuals, '2023': num(95), '2024': num(98) };
    // A KPI is added under (1) before ①, so every mark after it moves up one.
    r8.kpis.push({ ...fixtureKpi(3, 'm11', 'Zz'), id: 'kpi-new', name: '経営相談件数', unit: '件/年', formerNames: [] });
    // The 移住支援 KPI is renamed and its target raised, per component.
    const uij = byId(r8.kpis, 'kpi-18');
    Object.assign(uij, {
      name: 'UIJターン移住支援事業による移住世帯数',
      formerNames: ['UIJターン移住支援事業助成件数'],
      target: { value: { kind: 'parts', parts: { 複数: num(5), 単身: num(4) } }, fiscalYear: 2026 },
    });
    r8.settings = { ...r8.settings, actualYears: [2022, 2023, 2024, 2025, 2026], targetYear: 2026 };
    r8.actors = [
      { id: 'city', name: '福島市', key: 'a0' },
      { id: 'bank', name: '金融機関', key: 'a2' },
    ];
    r8.roleCells = { 'm1|city': '○', 'm2|city': '◎', 'm2|bank': '○', 'm1|cci': '○' };

    const diff = diffMeasures(r7(), r8);
    const row = (id: string): RowDiff => byId(diff.rows, id);
    const kpi = (id: string): KpiDiff => byId(diff.kpis, id);

    it('lists rows in the new order, the removed one where it was', () => {
      expect(diff.rows.map((r) => [r.id, r.kind, r.new?.path ?? r.old!.path])).toEqual([
        ['m1', 'same', '1'],
        ['m11', 'same', '1(1)'],
        ['consult', 'removed', '1(1)①'],
        ['coord', 'changed', '1(1)①'],
        ['yorozu', 'changed', '1(1)②'],
        ['dx', 'added', '1(1)③'],
        ['m2', 'same', '2'],
        ['m21', 'same', '2(1)'],
        ['shop', 'same', '2(1)①'],
        ['m12', 'changed', '2(2)'],
      ]);
    });

    it('tells a renumbering from a move', () => {
      expect(row('coord')).toMatchObject({ renumbered: true, moved: false, changes: [], old: { path: '1(1)②' }, new: { path: '1(1)①' } });
      expect(row('m12')).toMatchObject({ renumbered: true, moved: true, old: { path: '1(2)', parentId: 'm1' }, new: { path: '2(2)', parentId: 'm2' } });
    });

    it('prints changed fields as the table shows them', () => {
      expect(row('yorozu').changes).toEqual([
        { field: 'description', old: '経営上のあらゆる課題について専門家が相談に応じます。', new: '専門家がチームを組んで伴走支援します。' },
        { field: 'status', old: '継続', new: '充実' },
        { field: 'contacts', old: '福島市 産業雇用政策課 TEL 024-515-7746', new: '福島県よろず支援拠点 TEL 024-525-4064' },
      ]);
      expect(row('dx')).toMatchObject({ old: null, new: { title: 'デジタル人材バンク事業', kind: 'placement' } });
    });

    it('renumbers KPIs and shows figures with their units', () => {
      expect(diff.kpis.map((k) => [k.id, k.kind, k.old?.mark ?? null, k.new?.mark ?? null])).toEqual([
        ['kpi-new', 'added', null, '①'],
        ['kpi-01', 'changed', '①', '②'],
        ['kpi-02', 'changed', '②', '③'],
        ['kpi-06', 'changed', '③', '④'],
        ['kpi-18', 'changed', '④', '⑤'],
      ]);
      expect(kpi('kpi-01')).toMatchObject({ renumbered: true, moved: false, changes: [] });
      expect(kpi('kpi-06').changes).toEqual([
        { field: 'actual', fiscalYear: 2023, old: '102 店舗', new: '95 店舗' },
        { field: 'actual', fiscalYear: 2024, old: '', new: '98 店舗' },
      ]);
      expect(kpi('kpi-18').changes).toEqual([
        { field: 'name', old: 'UIJターン移住支援事業助成件数', new: 'UIJターン移住支援事業による移住世帯数' },
        { field: 'formerNames', old: '', new: 'UIJターン移住支援事業助成件数' },
        { field: 'targetValue', old: '複数 4 世帯/年 単身 4 世帯/年', new: '複数 5 世帯/年 単身 4 世帯/年' },
        { field: 'targetYear', old: '令和7年度', new: '令和8年度' },
      ]);
    });

    it('lists settings, actors and role marks that changed', () => {
      expect(diff.settings).toEqual([
        { field: 'actualYears', old: '令和4年度、令和5年度、令和6年度、令和7年度', new: '令和4年度、令和5年度、令和6年度、令和7年度、令和8年度' },
        { field: 'targetYear', old: '令和7年度', new: '令和8年度' },
      ]);
      expect(diff.actors).toEqual([
        { id: 'city', kind: 'renamed', old: '市', new: '福島市' },
        { id: 'bank', kind: 'added', old: null, new: '金融機関' },
        // Nothing that is still there followed it, so it goes last.
        { id: 'cci', kind: 'removed', old: '商工会議所', new: null },
      ]);
      // A removed actor's marks are listed as removed, though a stale key for it is left behind.
      expect(diff.roleCells).toEqual([
        { nodeId: 'm1', actorId: 'city', path: '1', actorName: '福島市', old: '◎', new: '○' },
        { nodeId: 'm1', actorId: 'cci', path: '1', actorName: '商工会議所', old: '○', new: null },
        { nodeId: 'm2', actorId: 'bank', path: '2', actorName: '金融機関', old: null, new: '○' },
      ]);
      expect(diff.changed).toBe(true);
    });
  });

  it('shows every KPI field that can change, and nothing for a blank that was missing', () => {
    const before = r7();
    const after = r7();
    const ratio = byId(after.kpis, 'kpi-01');
    Object.assign(ratio, {
      unit: '％',
      direction: 'keep',
      components: ['製造業', '非製造業'],
      baseline: { value: num(12.5), fiscalYear: 2021, label: '(R3)' },
      target: { value: NONE, fiscalYear: 2025 },
      actuals: { ...ratio.actuals, '2025': { kind: 'blank' } },
      source: '企業アンケート',
      partsJudged: 'each',
      subFigure: { label: '雇用者数', unit: '人' },
      targetKind: { kind: 'range', low: 25, high: 50 },
    });
    expect(diffMeasures(before, after).kpis.find((k) => k.id === 'kpi-01')!.changes).toEqual([
      { field: 'unit', old: '%', new: '％' },
      { field: 'direction', old: '以上', new: '維持' },
      { field: 'components', old: '', new: '製造業・非製造業' },
      { field: 'partsJudged', old: '合計で判定', new: '内訳ごとに判定' },
      { field: 'subFigure', old: '', new: '雇用者数（人）' },
      { field: 'baselineValue', old: '—', new: '12.5 ％' },
      { field: 'baselineYear', old: '令和2年度', new: '令和3年度' },
      { field: 'baselineLabel', old: '', new: '(R3)' },
      { field: 'targetKind', old: '目標値', new: '範囲 25〜50' },
      { field: 'targetValue', old: '80%', new: '—' },
      { field: 'source', old: '第2期福島市中小企業振興プログラム(令和7年度) 成果指標一覧', new: '企業アンケート' },
    ]);
  });

  it('marks a KPI attached to another row as moved', () => {
    const after = r7();
    byId(after.kpis, 'kpi-02').attachTo = 'yorozu';
    const moved = diffMeasures(r7(), after).kpis.find((k) => k.id === 'kpi-02')!;
    expect(moved).toMatchObject({ kind: 'changed', moved: true, renumbered: false, old: { rowPath: '1(1)②' }, new: { rowPath: '1(1)③' } });
  });

  it('prints a change of numbering scheme level by level', () => {
    const after = r7();
    after.settings = { ...after.settings, scheme: KORIYAMA_SCHEME, roleMatrixLevel: 0 };
    expect(diffMeasures(r7(), after).settings).toEqual([
      { field: 'schemeName', old: '施策体系・施策・主要な事業', new: '目指すべき姿・目標・主な施策' },
      { field: 'levels', old: '施策体系 1 › 施策 (1) › 主要な事業 ①', new: '目指すべき姿 Ⅰ › 目標 Ⅰ-1 › 主な施策（番号なし）' },
      { field: 'roleMatrixLevel', old: '施策', new: '目指すべき姿' },
    ]);
  });

  it('handles all 20 KPIs of the programme: one corrected figure is the only change', () => {
    const table = (shops: number): MeasureTable => ({
      ...r7(),
      kpis: FUKUSHIMA_KPIS.map(({ kpi }, k) => ({
        ...kpi,
        attachTo: 'm1',
        key: `a${String(k).padStart(2, '0')}`,
        actuals: kpi.id === 'kpi-06' ? { ...kpi.actuals, '2023': num(shops) } : kpi.actuals,
      })),
    });
    const diff = diffMeasures(table(102), table(95));
    expect(diff.kpis).toHaveLength(20);
    expect(diff.kpis.filter((k) => k.kind !== 'same')).toEqual([
      expect.objectContaining({ id: 'kpi-06', changes: [{ field: 'actual', fiscalYear: 2023, old: '102 店舗', new: '95 店舗' }] }),
    ]);
  });
});

describe('mergeOrder', () => {
  it('puts removed ids before the next survivor, or at the end', () => {
    expect(mergeOrder(['a', 'x', 'b', 'y', 'z'], ['b', 'n', 'a'])).toEqual(['x', 'b', 'n', 'a', 'y', 'z']);
    expect(mergeOrder([], ['a'])).toEqual(['a']);
    expect(mergeOrder(['a'], [])).toEqual(['a']);
  });
});
