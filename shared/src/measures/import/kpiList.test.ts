import { describe, expect, it } from 'vitest';
import { FUKUSHIMA_KPIS } from '../fixtures/fukushimaKpis';
import { KPI_LIST_PASTE } from '../fixtures/kpiListPaste';
import { NONE, num } from '../model';
import { parseDelimited } from './delimited';
import { importKpiList, readKpiNumber, splitFormerNames } from './kpiList';
import { MAX_IMPORT_ROWS } from './problems';

describe('importKpiList: the seed paste', () => {
  const { value: kpis, problems } = importKpiList(parseDelimited(KPI_LIST_PASTE));

  it('reads all twenty KPIs without problems', () => {
    expect(problems).toEqual([]);
    expect(kpis.map((k) => k.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Two header rows, so ① is on line 3.
    expect(kpis[0]!.line).toBe(3);
    expect(kpis[19]!.line).toBe(22);
  });

  it('splits names from former names', () => {
    const withFormer = kpis.filter((k) => k.formerNames.length > 0).map((k) => [k.number, k.name, k.formerNames]);
    expect(withFormer).toEqual([
      [3, '新製品・新技術開発に係る市支援事業採択件数', ['新製品・新技術開発支援事業採択件数']],
      [9, 'ふくしま産業交流フェア参加企業・団体数', ['ものづくり企業交流会参加企業・団体数']],
      [10, '市支援事業のうち、産学協同研究等を実施した件数', ['産学共同研究等支援事業採択件数']],
      [15, '食品加工産業創出に係る市支援事業採択件数', ['食品加工産業創出事業助成件数']],
      [20, '医療福祉機器等の開発に係る市支援事業採択件数', ['医療福祉機器等産業創出支援事業採択件数']],
    ]);
    // Closed up to the name, the bracket is part of it.
    expect(kpis[13]!.name).toBe('待機児童数(国基準)');
  });

  it('works out directions', () => {
    const byDirection = (d: string) => kpis.filter((k) => k.direction === d).map((k) => k.number);
    expect(byDirection('lower')).toEqual([6, 8, 14]);
    // ⑳ prints 4 → 4 without 維持: a level to reach again (higher), not keep.
    expect(byDirection('keep')).toEqual([]);
    expect(kpis[19]!.direction).toBe('higher');
    expect(kpis[19]!.directionFrom).toBe('inferred');
  });

  it('takes baseline years from the header unless the cell has its own label', () => {
    const labelled = kpis.filter((k) => k.baseline.label !== '').map((k) => [k.number, k.baseline.label, k.baseline.fiscalYear]);
    expect(labelled).toEqual([
      [8, '(R1)', 2019],
      [13, '(R3.8月現在)', 2021],
      [17, '(R1)', 2019],
      [19, '(R1)', 2019],
    ]);
    expect(kpis[1]!.baseline.fiscalYear).toBe(2020);
    expect(kpis.every((k) => k.target.fiscalYear === 2025)).toBe(true);
  });

  it('reads units, components and actuals by fiscal year', () => {
    expect(kpis[1]).toMatchObject({ unit: '件/年', actuals: { '2022': num(433), '2023': num(387) } });
    expect(kpis[0]).toMatchObject({ unit: '%', baseline: { value: NONE } });
    expect(kpis[17]).toMatchObject({ unit: '世帯/年', components: ['複数', '単身'] });
    // The empty R6 and R7 cells are not carried as figures.
    expect(Object.keys(kpis[0]!.actuals)).toEqual(['2022', '2023']);
  });

  it('agrees with the hand-made fixture on every figure', () => {
    for (const { kpi: expected } of FUKUSHIMA_KPIS.slice(0, 19)) {
      const got = kpis.find((k) => k.name === expected.name);
      expect(got, expected.name).toBeDefined();
      expect({
        unit: got!.unit,
        direction: got!.direction,
        components: got!.components,
        baseline: got!.baseline,
        target: got!.target,
        actuals: got!.actuals,
      }).toEqual({
        unit: expected.unit,
        direction: expected.direction,
        components: expected.components,
        baseline: expected.baseline,
        target: expected.target,
        actuals: expected.actuals,
      });
    }
  });
});

describe('importKpiList: headers', () => {
  it('reads a one-row header in another column order, with a source column', () => {
    const rows = [
      ['成果指標', '目標値 R7', '基準値 R2', 'R4', '令和5年度', '出典'],
      ['来訪者満足度', '90%', '63.2% (R1)', '96.1%', '97.5%', '観光客アンケート'],
    ];
    const { value, problems } = importKpiList(rows);
    expect(problems).toEqual([]);
    expect(value).toEqual([
      {
        line: 2,
        number: null,
        name: '来訪者満足度',
        formerNames: [],
        unit: '%',
        direction: 'higher',
        components: [],
        baseline: { value: num(63.2), fiscalYear: 2019, label: '(R1)' },
        target: { value: num(90), fiscalYear: 2025 },
        actuals: { '2022': num(96.1), '2023': num(97.5) },
        source: '観光客アンケート',
        directionFrom: 'inferred',
      },
    ]);
  });

  it('skips a caption before the header and headers repeated on later pages', () => {
    const lines = KPI_LIST_PASTE.split('\n');
    const text = ['成果指標一覧', ...lines.slice(0, 5), ...lines.slice(0, 2), ...lines.slice(5)].join('\n');
    const { value, problems } = importKpiList(parseDelimited(text));
    expect(problems).toEqual([]);
    expect(value.map((k) => k.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reads western-year headers and reports a 実績 column without a year', () => {
    const rows = [
      ['No', '指標名', '基準値(2020年度)', '目標値(2025年度)', '2022年度', '実績値'],
      ['1', '創業者数', '8 人', '15 人', '11 人', '18 人'],
    ];
    const { value, problems } = importKpiList(rows);
    expect(value[0]).toMatchObject({ baseline: { fiscalYear: 2020 }, target: { fiscalYear: 2025 }, actuals: { '2022': num(11) } });
    expect(problems).toEqual([{ line: 1, column: '実績値', code: 'unknownYearColumn', detail: expect.any(String) }]);
  });

  it('assumes the programme order without a header', () => {
    const rows = parseDelimited(KPI_LIST_PASTE).slice(2);
    const { value, problems } = importKpiList(rows, { baselineYear: 2020, targetYear: 2025 });
    expect(problems).toEqual([]);
    expect(value).toHaveLength(20);
    expect(value[0]!.line).toBe(1);
    expect(value[1]).toMatchObject({ baseline: { fiscalYear: 2020 }, actuals: { '2022': num(433), '2023': num(387) } });
    expect(value[7]).toMatchObject({ baseline: { fiscalYear: 2019 }, direction: 'lower' });
  });

  it('takes the actual years from the options and reads a list without numbers', () => {
    const rows = [['中心市街地空き店舗数', '110 店舗', '80 店舗', '100 店舗']];
    const { value } = importKpiList(rows, { actualYears: [2030] });
    expect(value[0]).toMatchObject({ number: null, direction: 'lower', actuals: { '2030': num(100) } });
  });
});

describe('importKpiList: problems', () => {
  const header = 'No\t成果指標\t基準値 令和2年度\t目標値 令和7年度\t実績値 4年度\t5年度';

  it('reports bad rows by line and column and still imports the good ones', () => {
    const text = [
      header,
      '①\t創業者数\t8 人\t15 人\t11 人\t18 人',
      '②\t店舗数\tたくさん\t80 店舗\t100 店舗\t',
      '③\t\t1 件\t2 件\t\t',
      '④\t世帯数\t複数 1 世帯 単身 1 世帯\t4 世帯\t\t',
      '⑤\t件数\t1 件\t2 件\t\t',
      '⑤\t件数 (再)\t1 件\t2 件\t\t',
      'あ\t件数\t1 件\t2 件\t\t',
      '⑦\t割合\t50%\t60%\t55%\t??',
    ].join('\n');
    const { value, problems } = importKpiList(parseDelimited(text));
    expect(value.map((k) => [k.line, k.number, k.name])).toEqual([
      [2, 1, '創業者数'],
      [6, 5, '件数'],
      [7, null, '件数'],
    ]);
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, '基準値 令和2年度', 'unreadableNumber'],
      [4, '成果指標', 'missingName'],
      [5, '目標値 令和7年度', 'componentMismatch'],
      [8, 'No', 'unknownKpiNumber'],
      [9, '5年度', 'unreadableNumber'],
      [7, 'No', 'duplicateKpiNumber'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    expect(problems.find((p) => p.line === 3)!.detail).toContain('たくさん');
  });

  it('reports empty input and caps the number of rows', () => {
    expect(importKpiList([]).problems.map((p) => p.code)).toEqual(['emptyInput']);
    expect(importKpiList([['', ' '], ['']]).problems.map((p) => p.code)).toEqual(['emptyInput']);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 5 }, (_, i) => [String(i + 1), `指標${i + 1}`, '1 件', '2 件']);
    const { value, problems } = importKpiList(many);
    expect(value).toHaveLength(MAX_IMPORT_ROWS);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[MAX_IMPORT_ROWS + 1, 'tooManyRows']]);
  });
});

describe('readKpiNumber', () => {
  it('reads the ways a number is written', () => {
    expect(readKpiNumber('①')).toBe(1);
    expect(readKpiNumber('⑳')).toBe(20);
    expect(readKpiNumber('㉑')).toBe(21);
    expect(readKpiNumber('㊿')).toBe(50);
    expect(readKpiNumber('(51)')).toBe(51);
    expect(readKpiNumber('1')).toBe(1);
    expect(readKpiNumber('１２')).toBe(12);
    expect(readKpiNumber('No.3')).toBe(3);
    expect(readKpiNumber('Ｎｏ．３')).toBe(3);
    expect(readKpiNumber('№ 4')).toBe(4);
    for (const bad of ['', '0', 'あ', '①②', '1.5', 'No.']) expect(readKpiNumber(bad)).toBeNull();
  });
});

describe('splitFormerNames', () => {
  it('takes a bracket set off by a space or a line break as a former name', () => {
    expect(splitFormerNames('新指標 (旧指標)')).toEqual({ name: '新指標', formerNames: ['旧指標'] });
    expect(splitFormerNames('新指標\n（旧指標）')).toEqual({ name: '新指標', formerNames: ['旧指標'] });
    expect(splitFormerNames('新指標\n(甲)\n(乙)')).toEqual({ name: '新指標', formerNames: ['甲', '乙'] });
  });

  it('takes a closed-up bracket as a former name only when it says 旧', () => {
    expect(splitFormerNames('待機児童数(国基準)')).toEqual({ name: '待機児童数(国基準)', formerNames: [] });
    expect(splitFormerNames('新指標(旧：古い指標)')).toEqual({ name: '新指標', formerNames: ['古い指標'] });
    expect(splitFormerNames('新指標（旧指標名 古い指標）')).toEqual({ name: '新指標', formerNames: ['古い指標'] });
  });

  it('keeps nested brackets and never leaves an empty name', () => {
    expect(splitFormerNames('指標 (旧 A(B))')).toEqual({ name: '指標', formerNames: ['A(B)'] });
    expect(splitFormerNames('(注記)')).toEqual({ name: '(注記)', formerNames: [] });
  });
});

describe('importKpiList: target kinds proposed from the printed target', () => {
  const header = ['No', '成果指標', '基準値 R2', '目標値 R7', 'R3', 'R4', 'R5'];
  const read = (target: string, baseline = '20%', actuals: string[] = ['', '', '']) =>
    importKpiList([header, ['1', '指標', baseline, target, ...actuals]]);

  it.each([
    ['25〜50%', { kind: 'range', low: 25, high: 50 }, '%', 'higher'],
    ['25～50 %', { kind: 'range', low: 25, high: 50 }, '%', 'higher'],
    ['2.5倍', { kind: 'relative', mode: 'factor', amount: 2.5 }, '%', 'higher'],
    // (A cell starting 基準値の… would look like a repeated header row, so it is printed bare here.)
    ['0.8倍', { kind: 'relative', mode: 'factor', amount: 0.8 }, '%', 'lower'],
    ['+10ポイント', { kind: 'relative', mode: 'points', amount: 10 }, '%', 'higher'],
    ['-5ポイント', { kind: 'relative', mode: 'points', amount: -5 }, '%', 'lower'],
    ['+10%', { kind: 'relative', mode: 'percent', amount: 10 }, '%', 'higher'],
    ['累計 100%', { kind: 'cumulative', fromYear: null }, '%', 'higher'],
    ['年平均 30%', { kind: 'aggregate', method: 'mean', years: [2021, 2022, 2023] }, '%', 'higher'],
    ['幾何平均 30%', { kind: 'aggregate', method: 'geometricMean', years: [2021, 2022, 2023] }, '%', 'higher'],
    ['均衡', { kind: 'qualitative', wording: '均衡' }, '%', 'higher'],
  ] as const)('%s', (target, kind, unit, direction) => {
    const { value, problems } = read(target);
    expect(problems).toEqual([]);
    expect(value[0]).toMatchObject({ targetKind: kind, unit, direction, directionFrom: 'inferred' });
  });

  it.each([
    ['増加', 'higher'],
    ['減少', 'lower'],
    ['向上', 'higher'],
    ['低下', 'lower'],
  ] as const)('reads a bare 「%s」 as a printed direction with no figure, not a qualitative target', (target, direction) => {
    const { value, problems } = read(target);
    expect(problems).toEqual([]);
    expect(value[0]!.targetKind).toBeUndefined();
    expect(value[0]!.target.value).toEqual({ kind: 'blank' });
    expect(value[0]).toMatchObject({ direction, directionFrom: 'printed' });
  });

  it('keeps the row but says so when a 年平均 would span more years than a KPI holds (over 20)', () => {
    const years = Array.from({ length: 21 }, (_, i) => `${2001 + i}年度`);
    const { value, problems } = importKpiList([
      ['No', '成果指標', '基準値', '目標値', ...years],
      ['1', '指標', '20%', '年平均 30%', ...years.map(() => '')],
    ]);
    // Not written as an aggregate that would read back as a plain figure without a word.
    expect(value[0]!.targetKind).toBeUndefined();
    expect(value[0]!.target.value).toEqual(num(30));
    expect(problems).toEqual([expect.objectContaining({ line: 2, code: 'unreadableNumber', column: '目標値' })]);
  });

  it('reads the figure left beside 累計 / 年平均 as the target', () => {
    expect(read('累計 100%').value[0]!.target.value).toEqual(num(100));
    expect(read('100% (累計)').value[0]!.target.value).toEqual(num(100));
    expect(read('年平均 30%').value[0]!.target.value).toEqual(num(30));
  });

  it('does not take a target that is not set yet (未定) for a qualitative one', () => {
    const { value, problems } = read('未定');
    expect(value).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 2, code: 'unreadableNumber' })]);
  });

  it('proposes no kind for a plain figure, and keeps a printed direction as printed', () => {
    const { value } = read('24,200 t 以下', '30,926 t');
    expect(value[0]!.targetKind).toBeUndefined();
    expect(value[0]).toMatchObject({ direction: 'lower', directionFrom: 'printed' });
  });

  it('keeps the sub-figure of 7社（11人） instead of dropping it', () => {
    const { value, problems } = read('10社（15人）', '5社（8人）', ['7社（11人）', '', '']);
    expect(problems).toEqual([]);
    expect(value[0]!.subFigure).toEqual({ label: '', unit: '人' });
    expect(value[0]!.target.value).toEqual({ kind: 'number', value: 10, sub: 15 });
    expect(value[0]!.actuals['2021']).toEqual({ kind: 'number', value: 7, sub: 11 });
  });

  it('keeps a qualitative KPI whose years say something other than 達成 / 未達成, and lists those cells', () => {
    const { value, problems } = read('実施', '', ['達成', '実施済み', '']);
    expect(value[0]!.targetKind).toEqual({ kind: 'qualitative', wording: '実施' });
    expect(value[0]!.actuals['2021']).toEqual({ kind: 'judgement', met: true, note: '' });
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 'R4', code: 'unreadableNumber' })]);
  });
});
