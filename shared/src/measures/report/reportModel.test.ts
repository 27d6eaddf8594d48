import { describe, expect, it } from 'vitest';
import { measureRow, placementRow } from '../fixtures/treeRows';
import { DEFAULT_MEASURE_SETTINGS, NONE, num, type KpiRecord, type MeasureTable } from '../model';
import { buildAnnualReport } from './reportModel';
import { reportChartSvg } from './chart';

const kpi = (id: string, attachTo: string, key: string, fields: Partial<KpiRecord>): KpiRecord => ({
  id,
  attachTo,
  key,
  name: '',
  formerNames: [],
  unit: '',
  direction: 'higher',
  components: [],
  baseline: { value: NONE, fiscalYear: 2020, label: '' },
  target: { value: NONE, fiscalYear: 2025 },
  actuals: {},
  source: '',
  ...fields,
});

/**
 * 1 創業支援 ─ (1) 創業者の育成 ─ ① 創業塾 (実施), ② 相談窓口 (一部実施)
 *           └ KPI ① 創業件数 100 → 200 以上; 2024: 150, 2025: 210
 * 2 商業振興 ─ ③ 空き店舗対策 (未実施), ① 創業塾 again (再掲, 実施)
 *           └ KPI ② 空き店舗数 110 → 80 以下; 2025: 102
 */
function fixture(): MeasureTable {
  return {
    settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2023, 2024, 2025] },
    nodes: [
      measureRow('m1', null, 'a0', '創業支援'),
      measureRow('m11', 'm1', 'a0', '創業者の育成'),
      { ...placementRow('p1', 'm11', 'a0', 'proj1', '創業塾を年4回開催'), status: 'new' },
      { ...placementRow('p2', 'm11', 'a1', 'proj2', ''), status: 'enhanced' },
      measureRow('m2', null, 'a1', '商業振興'),
      { ...placementRow('p3', 'm2', 'a0', 'proj3', ''), status: 'continued' },
      { ...placementRow('p4', 'm2', 'a1', 'proj1', ''), status: 'new' },
    ],
    projects: [
      { id: 'proj1', name: '創業塾', contacts: [{ organisation: '福島市', section: '産業雇用政策課', phone: '' }] },
      { id: 'proj2', name: '相談窓口', contacts: [{ organisation: '福島市', section: '経営支援課', phone: '' }, { organisation: '商工会', section: '', phone: '' }, { organisation: '福島市', section: '経営支援課', phone: '' }] },
      { id: 'proj3', name: '空き店舗対策', contacts: [{ organisation: '商工会議所', section: '', phone: '' }] },
    ],
    kpis: [
      kpi('k1', 'm1', 'a0', { name: '創業件数', unit: '件', baseline: { value: num(100), fiscalYear: 2020, label: '' }, target: { value: num(200), fiscalYear: 2025 }, actuals: { '2024': num(150), '2025': num(210) } }),
      kpi('k2', 'm2', 'a0', { name: '空き店舗数', unit: '店舗', direction: 'lower', baseline: { value: num(110), fiscalYear: 2020, label: '' }, target: { value: num(80), fiscalYear: 2025 }, actuals: { '2025': num(102) } }),
    ],
    actors: [],
    roleCells: {},
    progress: {
      p1: { '2025': { status: 'implemented', note: '4回開催、延べ120人', figure: { value: 120, unit: '人' } } },
      p2: { '2025': { status: 'partial', note: '', figure: null } },
      p3: { '2024': { status: 'implemented', note: '', figure: null } },
      p4: { '2025': { status: 'implemented', note: '', figure: null } },
    },
  };
}

const evaluations = {
  '2025|plan': '概ね順調に推移した。',
  '2025|m1': '創業件数は目標を上回った。',
  '2024|m1': '前年度の評価',
  '2025|m2': '空き店舗の解消が課題。',
};

describe('annual report model', () => {
  const report = buildAnnualReport(fixture(), evaluations, 2025);

  it('follows the plan structure with numbers, levels and the year', () => {
    expect(report.yearLabel).toBe('令和7年度');
    expect(report.sections.map((s) => `${s.number} ${s.title}`)).toEqual(['1 創業支援', '2 商業振興']);
    const [first] = report.sections;
    expect(first!.levelName).toBe('施策体系');
    expect(first!.children.map((c) => `${c.path} ${c.levelName} ${c.title}`)).toEqual(['1(1) 施策 創業者の育成']);
    expect(first!.children[0]!.projects.map((p) => `${p.number} ${p.title}`)).toEqual(['① 創業塾', '② 相談窓口']);
  });

  it("works out each KPI's figures and grade for the year (hand-checked)", () => {
    const [founding] = report.sections[0]!.kpis;
    // 210 ÷ 200 = 105.0 %; (210 − 100) ÷ (200 − 100) = 110.0 %; met → S.
    expect(founding).toMatchObject({ mark: '①', actualText: '210 件', achievementText: '105.0%', progressText: '110.0%', grade: 'S', tone: 'green' });
    const [shops] = report.sections[1]!.kpis;
    // Lower is better: 80 ÷ 102 = 78.4 %; (102 − 110) ÷ (80 − 110) = 26.7 %; better than the baseline → A.
    expect(shops).toMatchObject({ mark: '②', targetText: '80 店舗 以下', achievementText: '78.4%', progressText: '26.7%', grade: 'A', tone: 'blue' });
  });

  it('draws a chart of baseline, actuals up to the year and the target', () => {
    const chart = report.sections[0]!.kpis[0]!.chart;
    expect(chart.bars.map((b) => [b.kind, b.label, b.value, b.current])).toEqual([
      ['baseline', 'R2', 100, false],
      ['actual', 'R5', null, false],
      ['actual', 'R6', 150, false],
      ['actual', 'R7', 210, true],
    ]);
    expect(chart.target).toBe(200);
    expect(chart.low).toBe(0);
    expect(chart.high).toBe(210);
    const svg = reportChartSvg(chart, '創業件数 <推移>');
    expect(svg).toContain('aria-label="創業件数 &#60;推移&#62;"');
    // Missing is not zero: R5 has no bar, a dash instead.
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('>—</text>');
  });

  it("shows each project's 実施状況 of the year with its note and figure", () => {
    const [school, desk] = report.sections[0]!.children[0]!.projects;
    expect(school).toMatchObject({ progressLabel: '実施', figureText: '120 人', statusLabel: '新規', departments: '産業雇用政策課', reprint: false });
    expect(school!.progress?.note).toBe('4回開催、延べ120人');
    expect(desk).toMatchObject({ progressLabel: '一部実施', statusLabel: '充実', departments: '経営支援課 ほか1' });
    const [shops, again] = report.sections[1]!.projects;
    // Recorded for 2024 only: nothing for this year.
    expect(shops).toMatchObject({ progressLabel: '', departments: '商工会議所' });
    expect(again).toMatchObject({ title: '創業塾', reprint: true });
  });

  it('rolls up per level and for the plan: grades here, 実施状況 and 区分 as the grid counts them (再掲 under each, said apart)', () => {
    const first = report.sections[0]!;
    expect(first.rollup.progress?.placements).toBe(2);
    expect(first.rollup.progress?.progress).toMatchObject({ implemented: 1, partial: 1, unrecorded: 0 });
    expect(first.rollup.progress?.projectStatus).toMatchObject({ new: 1, enhanced: 1, continued: 0 });
    expect(first.rollup.grades.map((g) => `${g.grade}:${g.count}`)).toEqual(['S:1', 'A:0', 'B:0', 'C:0', '—:0']);
    expect(report.sections[1]!.rollup.progress).toMatchObject({ placements: 2, reprints: 1 });
    expect(report.sections[1]!.rollup.progress?.progress).toMatchObject({ implemented: 1, unrecorded: 1 });
    expect(report.rollup.progress?.placements).toBe(4);
    expect(report.rollup.progress?.progress).toEqual({ implemented: 2, partial: 1, notImplemented: 0, completed: 0, suspended: 0, unrecorded: 1 });
    expect(report.rollup.kpis).toBe(2);
    expect(report.rollup.grades.map((g) => `${g.grade}:${g.count}`)).toEqual(['S:1', 'A:1', 'B:0', 'C:0', '—:0']);
  });

  it("carries the year's 評価・課題 per level and for the plan, none from other years", () => {
    expect(report.planEvaluation).toBe('概ね順調に推移した。');
    expect(report.sections.map((s) => s.evaluation)).toEqual(['創業件数は目標を上回った。', '空き店舗の解消が課題。']);
    expect(report.sections[0]!.children[0]!.evaluation).toBe('');
    expect(buildAnnualReport(fixture(), evaluations, 2024).sections[0]!.evaluation).toBe('前年度の評価');
  });

  it('says why a ratio is not given', () => {
    const table = fixture();
    table.kpis[0] = { ...table.kpis[0]!, baseline: { value: NONE, fiscalYear: 2020, label: '' } };
    const [founding] = buildAnnualReport(table, {}, 2025).sections[0]!.kpis;
    expect(founding!.achievementText).toBe('105.0%');
    expect(founding!.progressText).toBe('—（基準値がない）');
  });

  it('lists a composite KPI part by part under its sum', () => {
    const table = fixture();
    const parts = (a: number, b: number) => ({ kind: 'parts' as const, parts: { 男性: num(a), 女性: num(b) } });
    table.kpis.push(
      kpi('k3', 'm2', 'a1', {
        name: '審議会の委員数',
        unit: '人',
        components: ['男性', '女性'],
        baseline: { value: parts(40, 60), fiscalYear: 2020, label: '' },
        target: { value: parts(50, 70), fiscalYear: 2025 },
        actuals: { '2025': parts(45, 72) },
      }),
    );
    const composite = buildAnnualReport(table, {}, 2025).sections[1]!.kpis.find((entry) => entry.id === 'k3')!;
    // 男性 45 ÷ 50 = 90.0 %, (45 − 40) ÷ (50 − 40) = 50.0 %; 女性 72 ÷ 70 = 102.9 %, (72 − 60) ÷ 10 = 120.0 %.
    expect(composite.parts.map((part) => [part.name, part.baselineText, part.targetText, part.actualText, part.achievementText, part.progressText])).toEqual([
      ['男性', '40 人', '50 人', '45 人', '90.0%', '50.0%'],
      ['女性', '60 人', '70 人', '72 人', '102.9%', '120.0%'],
    ]);
    expect(composite.parts.every((part) => part.grade !== '')).toBe(true);
    // A part's ratios are shown by the same rule as the whole's: a part with a target of 0 is
    // 達成 / 未達成, a part whose target equals its baseline says why it has no 進捗率.
    table.kpis.push(
      kpi('k4', 'm2', 'a2', {
        name: '待機児童数',
        unit: '人',
        direction: 'lower',
        components: ['男性', '女性'],
        baseline: { value: parts(5, 3), fiscalYear: 2020, label: '' },
        target: { value: parts(0, 3), fiscalYear: 2025 },
        actuals: { '2025': parts(0, 2) },
      }),
    );
    const zero = buildAnnualReport(table, {}, 2025).sections[1]!.kpis.find((entry) => entry.id === 'k4')!;
    expect(zero.parts.map((part) => [part.name, part.achievementText, part.progressText])).toEqual([
      ['男性', '達成', '100.0%'],
      ['女性', '150.0%', '—（目標値が基準値と同じ）'],
    ]);
    // A single-figure KPI has no parts.
    expect(composite.actualText).not.toBe('');
    expect(buildAnnualReport(table, {}, 2025).sections[0]!.kpis[0]!.parts).toEqual([]);
  });

  it('names departments as the grid filter does (full-width and half-width alike), lead and others apart', () => {
    const table = fixture();
    table.projects[1] = { ...table.projects[1]!, contacts: [{ organisation: '福島市', section: 'ＩＴ推進課', phone: '' }, { organisation: '福島市', section: 'IT推進課', phone: '' }, { organisation: '商工会', section: '', phone: '' }] };
    const desk = buildAnnualReport(table, {}, 2025).sections[0]!.children[0]!.projects[1]!;
    expect(desk).toMatchObject({ departments: 'IT推進課 ほか1', departmentLead: 'IT推進課', departmentOthers: 1 });
    const school = report.sections[0]!.children[0]!.projects[0]!;
    expect(school).toMatchObject({ departmentLead: '産業雇用政策課', departmentOthers: 0 });
  });

  it('grades nothing in a year without actuals', () => {
    const earlier = buildAnnualReport(fixture(), {}, 2023);
    expect(earlier.rollup.grades.at(-1)).toMatchObject({ grade: '—', count: 2 });
    expect(earlier.sections[0]!.kpis[0]!.actualText).toBe('');
  });
});
