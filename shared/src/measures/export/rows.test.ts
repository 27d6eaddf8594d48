import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFiscalYear } from '../fiscalYear';
import { KPI_LIST_PASTE } from '../fixtures/kpiListPaste';
import { CSV_BOM, parseDelimited, toDelimited } from '../import/delimited';
import type { HierarchyImport } from '../import/hierarchy';
import { importHierarchy } from '../import/hierarchy';
import { formatContact, parseContacts } from '../text/contacts';
import type { KpiImportRow } from '../import/kpiList';
import { importKpiList } from '../import/kpiList';
import type {
  Contact,
  HierarchyScheme,
  KpiDirection,
  KpiRecord,
  KpiValue,
  MeasureSettings,
  MeasureTable,
  Measured,
  NodeRecord,
  ProjectRecord,
  ProjectStatus,
} from '../model';
import { DEFAULT_MEASURE_SETTINGS, FUKUSHIMA_SCHEME, KORIYAMA_SCHEME, num } from '../model';
import { keysBetween } from '../orderKey';
import { deriveTable } from '../tree';
import { toCsv } from './csv';
import { kpiListFigureColumns, kpiListRows, measureTableRows } from './rows';

const random = () => 0.5;

function idSource(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function kpiRecord(row: Omit<KpiImportRow, 'line' | 'number'>, id: string, attachTo: string, key: string): KpiRecord {
  return {
    id,
    attachTo,
    key,
    name: row.name,
    formerNames: row.formerNames,
    unit: row.unit,
    direction: row.direction,
    components: row.components,
    baseline: row.baseline,
    target: row.target,
    actuals: row.actuals,
    source: row.source,
  };
}

/** The fields an import row shares with a KPI record. */
function figuresOf(kpi: Omit<KpiImportRow, 'line' | 'number'> | KpiRecord) {
  const { name, formerNames, unit, direction, components, baseline, target, actuals, source } = kpi;
  return { name, formerNames, unit, direction, components, baseline, target, actuals, source };
}

/** A table of one measure holding the given KPIs in order. */
function kpiTable(kpis: ReadonlyArray<Omit<KpiImportRow, 'line' | 'number'>>, settings: MeasureSettings): MeasureTable {
  const measure: NodeRecord = {
    id: 'm',
    kind: 'measure',
    position: { parent: null, key: 'V' },
    title: '成果指標',
    description: '',
    projectId: null,
    status: null,
  };
  const keys = keysBetween(null, null, kpis.length, random);
  return {
    settings,
    nodes: [measure],
    projects: [],
    kpis: kpis.map((row, i) => kpiRecord(row, `k${i + 1}`, 'm', keys[i]!)),
    actors: [],
    roleCells: {},
  };
}

describe('kpiListRows', () => {
  const seedLines = parseDelimited(KPI_LIST_PASTE);
  const imported = importKpiList(seedLines).value;
  const rows = kpiListRows(deriveTable(kpiTable(imported, DEFAULT_MEASURE_SETTINGS)), DEFAULT_MEASURE_SETTINGS);

  it('prints the programme header', () => {
    expect(rows.slice(0, 2)).toEqual(seedLines.slice(0, 2));
  });

  it('prints the rows as the programme does, actuals in the KPI unit', () => {
    const byMark = new Map(rows.slice(2).map((row) => [row[0], row]));
    expect(byMark.get('⑧')).toEqual(['⑧', '事業系ごみ排出量', '30,926 t (R1)', '24,200 t 以下', '29,737 t', '29,557 t', '', '']);
    expect(byMark.get('③')![1]).toBe('新製品・新技術開発に係る市支援事業採択件数\n(新製品・新技術開発支援事業採択件数)');
    expect(byMark.get('⑭')!.slice(2, 4)).toEqual(['22 人', '0 人']);
    expect(byMark.get('⑬')![2]).toBe('313 事業所 (R3.8月現在)');
    // A year's actual drops the per-year unit, as the programme (and the screen) print it.
    expect(byMark.get('⑱')!.slice(2, 5)).toEqual(['複数 1 世帯/年 単身 1 世帯/年', '複数 4 世帯/年 単身 4 世帯/年', '複数 9 世帯 単身 7 世帯']);
    expect(byMark.get('①')!.slice(2, 6)).toEqual(['—', '80%', '15%', '10%']);
    expect(byMark.get('⑳')!.slice(2, 4)).toEqual(['4 件/年', '4 件/年']);
  });

  it('reads back through importKpiList, as TSV and as CSV with a BOM', () => {
    for (const text of [toDelimited(rows, '\t'), CSV_BOM + toDelimited(rows, ',')]) {
      const back = importKpiList(parseDelimited(text));
      expect(back.problems).toEqual([]);
      // The export spells out a direction the figures would not suggest (以下), so it reads back
      // as printed where the seed paste had it inferred: the same direction either way.
      const withoutProvenance = (list: typeof imported) => list.map(({ directionFrom: _from, ...row }) => row);
      expect(withoutProvenance(back.value)).toEqual(withoutProvenance(imported));
    }
  });

  it('adds a 出典 column only when a KPI has a source, and leaves out 実績値 when no years are shown', () => {
    const settings: MeasureSettings = { ...DEFAULT_MEASURE_SETTINGS, actualYears: [] };
    const sourced = imported.slice(0, 2).map((kpi, i) => ({ ...kpi, source: i === 0 ? '企業アンケート' : '' }));
    const out = kpiListRows(deriveTable(kpiTable(sourced, settings)), settings);
    expect(out).toEqual([
      ['No', '成果指標 (旧指標名)', '基準値 令和2年度', '目標値 令和7年度', '出典'],
      ['①', '「経営は概ね順調である」と答えた企業の割合', '—', '80%', '企業アンケート'],
      ['②', '産業支援コーディネーターによる企業訪問等', '433 件/年', '480 件/年', ''],
    ]);
    // Without year columns the actuals stay behind; everything else comes back.
    expect(importKpiList(out).value.map(figuresOf)).toEqual(sourced.map((kpi) => figuresOf({ ...kpi, actuals: {} })));
  });

  it('writes a year header with its era when the era alone would not read back', () => {
    const settings: MeasureSettings = { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2018, 2019], baselineYear: null };
    const out = kpiListRows(deriveTable(kpiTable(imported.slice(0, 1), settings)), settings);
    expect(out[0]!.slice(2, 4)).toEqual(['基準値', '目標値 令和7年度']);
    expect(out[1]!.slice(4)).toEqual(['平成30年度', '元年度']);
  });

  it('round-trips any KPI through export and import', () => {
    const settings = DEFAULT_MEASURE_SETTINGS;
    fc.assert(
      fc.property(fc.array(arbitraryKpi(), { minLength: 1, maxLength: 6 }), (kpis) => {
        const out = kpiListRows(deriveTable(kpiTable(kpis, settings)), settings);
        const back = importKpiList(parseDelimited(toDelimited(out, '\t')));
        expect(back.problems).toEqual([]);
        expect(back.value.map(figuresOf)).toEqual(kpis.map((kpi) => figuresOf(expectedAfterRoundTrip(kpi, settings))));
        expect(back.value.map((row) => row.number)).toEqual(kpis.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the 成果指標一覧 as a CSV download', () => {
  it('reads back through the importer whatever the neutraliser defused: names that start like formulas, negative figures', () => {
    const settings = DEFAULT_MEASURE_SETTINGS;
    const negate = (value: Measured): Measured => (value.kind === 'number' && value.value !== 0 ? num(-value.value) : value);
    fc.assert(
      fc.property(fc.array(arbitraryKpi(), { minLength: 1, maxLength: 6 }), fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', '-1', '-.5'), (kpis, trigger) => {
        // Formula-looking names and negative figures without parts: the cells the neutraliser decides on.
        const hostile = kpis.map((kpi) => ({
          ...kpi,
          name: `${trigger}${kpi.name}`,
          components: [],
          baseline: { ...kpi.baseline, value: kpi.components.length > 0 ? num(-3) : negate(kpi.baseline.value) },
          actuals: kpi.components.length > 0 ? {} : Object.fromEntries(Object.entries(kpi.actuals).map(([year, value]) => [year, negate(value)])),
          target: { ...kpi.target, value: kpi.components.length > 0 ? num(-4) : negate(kpi.target.value) },
        }));
        const out = kpiListRows(deriveTable(kpiTable(hostile, settings)), settings);
        const back = importKpiList(parseDelimited(toCsv(out, kpiListFigureColumns(settings))));
        expect(back.problems).toEqual([]);
        expect(back.value.map(figuresOf)).toEqual(hostile.map((kpi) => figuresOf(expectedAfterRoundTrip(kpi, settings))));
      }),
      { numRuns: 200 },
    );
  });
});

/** What export keeps: a year that differs from the column's comes back as a label. */
function expectedAfterRoundTrip(kpi: Omit<KpiImportRow, 'line' | 'number'>, settings: MeasureSettings) {
  const { fiscalYear, label } = kpi.baseline;
  const madeUp = label === '' && fiscalYear !== settings.baselineYear && fiscalYear !== null;
  return { ...kpi, baseline: { ...kpi.baseline, label: madeUp ? `(${formatFiscalYear(fiscalYear, 'eraShort')})` : label } };
}

const nameText = (minLength: number) =>
  fc.string({ unit: fc.constantFrom('指', '標', '数', '・', '「', '」', 'ア', 'A', '1'), minLength, maxLength: 8 });

function arbitraryKpi(): fc.Arbitrary<Omit<KpiImportRow, 'line' | 'number'>> {
  const count = fc.oneof(fc.nat(100_000), fc.nat(10_000).map((n) => n / 10));
  const single = fc.oneof(
    { weight: 6, arbitrary: count.map((n) => num(n) as Measured) },
    { weight: 1, arbitrary: fc.constant<Measured>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.constant<Measured>({ kind: 'withheld' }) },
  );
  return fc
    .record({
      components: fc.constantFrom<string[]>([], ['複数', '単身']),
      name: nameText(1),
      formerNames: fc.array(nameText(1), { maxLength: 2 }),
      unit: fc.constantFrom('件', '件/年', '%', 't', '企業・団体', ''),
      direction: fc.constantFrom<KpiDirection>('higher', 'lower', 'keep'),
      baseline: single,
      baselineYear: fc.constantFrom(2019, 2020, 2021),
      labelled: fc.boolean(),
      target: count,
      targetYear: fc.constantFrom(2025, 2026),
      actuals: fc.record({ '2022': single, '2023': single, '2024': single }, { requiredKeys: [] }),
      source: fc.constantFrom('', '市調べ', '国勢調査'),
    })
    .map((spec) => {
      // With components, every number becomes one number per part.
      const shaped = (value: Measured, seed: number): Measured =>
        spec.components.length > 0 && value.kind === 'number'
          ? { kind: 'parts', parts: { 複数: num(value.value), 単身: num(seed) } as Record<string, KpiValue> }
          : value;
      return {
        name: spec.name,
        formerNames: spec.formerNames,
        // The unit is only printed beside a number, and the target always has one here.
        unit: spec.unit,
        direction: spec.direction,
        components: spec.components,
        baseline: {
          value: shaped(spec.baseline, 3),
          fiscalYear: spec.baselineYear,
          label: spec.labelled ? `(${formatFiscalYear(spec.baselineYear, 'eraShort')})` : '',
        },
        target: { value: shaped(num(spec.target), 4), fiscalYear: spec.targetYear },
        actuals: Object.fromEntries(Object.entries(spec.actuals).map(([year, value]) => [year, shaped(value, 5)])),
        source: spec.source,
      };
    });
}

// ---------------------------------------------------------------- the measure table

type NodeSpec = {
  depth: number;
  kind: 'measure' | 'placement';
  title: string;
  status: ProjectStatus | null;
  description: string;
  contacts: Contact[];
  kpis: number;
};

/** A table from rows in pre-order with their depths; placements with the same title share a project. */
function measureTable(specs: readonly NodeSpec[], scheme: HierarchyScheme): MeasureTable {
  const newId = idSource('n');
  const nodes: NodeRecord[] = [];
  const projects = new Map<string, ProjectRecord>();
  const kpis: KpiRecord[] = [];
  const stack: Array<{ depth: number; id: string }> = [];
  const template = importKpiList(parseDelimited(KPI_LIST_PASTE)).value[1]!;
  for (const spec of specs) {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= spec.depth) stack.pop();
    const id = newId();
    let projectId: string | null = null;
    if (spec.kind === 'placement') {
      const project = projects.get(spec.title) ?? { id: newId(), name: spec.title, contacts: spec.contacts };
      projects.set(spec.title, project);
      projectId = project.id;
    }
    nodes.push({
      id,
      kind: spec.kind,
      position: { parent: stack[stack.length - 1]?.id ?? null, key: '' },
      title: spec.kind === 'measure' ? spec.title : '',
      description: spec.description,
      projectId,
      status: spec.status,
    });
    keysBetween(null, null, spec.kpis, random).forEach((key, i) => {
      kpis.push(kpiRecord({ ...template, name: `${spec.title}の指標${i + 1}` }, `${id}-k${i}`, id, key));
    });
    stack.push({ depth: spec.depth, id });
  }
  assignKeys(nodes);
  return {
    settings: { ...DEFAULT_MEASURE_SETTINGS, scheme },
    nodes,
    projects: [...projects.values()],
    kpis,
    actors: [],
    roleCells: {},
  };
}

function assignKeys(nodes: NodeRecord[]): void {
  const groups = new Map<string | null, NodeRecord[]>();
  for (const node of nodes) groups.set(node.position.parent, [...(groups.get(node.position.parent) ?? []), node]);
  for (const group of groups.values()) {
    keysBetween(null, null, group.length, random).forEach((key, i) => {
      group[i]!.position.key = key;
    });
  }
}

/** The imported hierarchy as a table, its KPIs re-attached by number as an importer would. */
function tableFromImport(imported: HierarchyImport, original: MeasureTable): MeasureTable {
  const derived = deriveTable(original);
  const kpis: KpiRecord[] = [];
  for (const link of imported.kpiLinks) {
    const keys = keysBetween(null, null, link.kpiNumbers.length, random);
    link.kpiNumbers.forEach((number, i) => {
      const { kpi } = derived.kpis[number - 1]!;
      kpis.push({ ...kpi, id: `${link.nodeId}-${number}`, attachTo: link.nodeId, key: keys[i]! });
    });
  }
  return { ...original, nodes: imported.nodes, projects: imported.projects, kpis };
}

function roundTrip(table: MeasureTable) {
  const rows = measureTableRows(deriveTable(table));
  const back = importHierarchy(parseDelimited(toDelimited(rows, '\t')), {
    scheme: table.settings.scheme,
    newId: idSource('r'),
    random,
  });
  return { rows, back, again: measureTableRows(deriveTable(tableFromImport(back.value, table))) };
}

const contact = (organisation: string, section: string, phone: string): Contact => ({ organisation, section, phone });

const FUKUSHIMA_TABLE: NodeSpec[] = [
  { depth: 0, kind: 'measure', title: '経営の革新・向上・改善', status: null, description: '', contacts: [], kpis: 0 },
  { depth: 1, kind: 'measure', title: '経営の革新、向上及び改善', status: null, description: '', contacts: [], kpis: 1 },
  {
    depth: 2,
    kind: 'placement',
    title: '相談支援事業',
    status: 'continued',
    description: '商工会議所や各商工会による経営相談・指導の充実を図ります。\n"巡回"\tも行います。',
    contacts: [contact('福島商工会議所', '経営支援課', '024-536-3900'), contact('飯坂町商工会', '', '024-542-3568')],
    kpis: 0,
  },
  {
    depth: 2,
    kind: 'placement',
    title: '産業支援コーディネート事業',
    status: 'enhanced',
    description: '',
    contacts: [contact('福島市', '産業雇用政策課', '024-515-7746')],
    kpis: 2,
  },
  { depth: 1, kind: 'measure', title: '経営基盤の強化及び販路開拓', status: null, description: '', contacts: [], kpis: 0 },
  { depth: 2, kind: 'placement', title: '相談支援事業', status: 'new', description: '販路の相談', contacts: [], kpis: 1 },
  { depth: 0, kind: 'measure', title: '創業と承継', status: null, description: '', contacts: [], kpis: 0 },
];

describe('measureTableRows', () => {
  it('prints numbers, names with 再掲, kinds, statuses, contacts and KPI marks', () => {
    const rows = measureTableRows(deriveTable(measureTable(FUKUSHIMA_TABLE, FUKUSHIMA_SCHEME)));
    expect(rows).toEqual([
      ['番号', '名称', '区分', '状況', '内容', '担当・連絡先', '成果指標'],
      ['1', '経営の革新・向上・改善', '施策', '', '', '', ''],
      ['(1)', '経営の革新、向上及び改善', '施策', '', '', '', '①'],
      [
        '①',
        '相談支援事業',
        '事業',
        '継続',
        '商工会議所や各商工会による経営相談・指導の充実を図ります。\n"巡回"\tも行います。',
        '福島商工会議所 経営支援課 TEL 024-536-3900\n飯坂町商工会 TEL 024-542-3568',
        '',
      ],
      ['②', '産業支援コーディネート事業', '事業', '充実', '', '福島市 産業雇用政策課 TEL 024-515-7746', '②③'],
      ['(2)', '経営基盤の強化及び販路開拓', '施策', '', '', '', ''],
      [
        '①',
        '相談支援事業 (再掲)',
        '事業',
        '新規',
        '販路の相談',
        '福島商工会議所 経営支援課 TEL 024-536-3900\n飯坂町商工会 TEL 024-542-3568',
        '④',
      ],
      ['2', '創業と承継', '施策', '', '', '', ''],
    ]);
  });

  it('reads back through importHierarchy into the same table', () => {
    const table = measureTable(FUKUSHIMA_TABLE, FUKUSHIMA_SCHEME);
    const { rows, back, again } = roundTrip(table);
    expect(back.problems).toEqual([]);
    expect(back.value.projects).toHaveLength(2);
    expect(back.value.projects.map((p) => ({ name: p.name, contacts: p.contacts }))).toEqual(
      table.projects.map((p) => ({ name: p.name, contacts: p.contacts })),
    );
    expect(again).toEqual(rows);
  });

  it('round-trips a Koriyama table with unnumbered 主な施策', () => {
    const specs: NodeSpec[] = [
      { depth: 0, kind: 'measure', title: '地域商業の振興', status: null, description: '', contacts: [], kpis: 0 },
      { depth: 1, kind: 'measure', title: '販路開拓・経営力の向上', status: null, description: '', contacts: [], kpis: 1 },
      { depth: 2, kind: 'placement', title: '商店街のキャッシュレス化', status: 'new', description: '', contacts: [], kpis: 0 },
      { depth: 2, kind: 'placement', title: 'ネット販売の支援', status: null, description: '', contacts: [], kpis: 0 },
      { depth: 1, kind: 'measure', title: '地域資源を活かした産業の振興', status: null, description: '', contacts: [], kpis: 0 },
      { depth: 0, kind: 'measure', title: '新しい産業の創出', status: null, description: '', contacts: [], kpis: 0 },
      { depth: 1, kind: 'measure', title: '生産性革命', status: null, description: '', contacts: [], kpis: 0 },
      { depth: 2, kind: 'placement', title: 'ネット販売の支援', status: null, description: '', contacts: [], kpis: 0 },
    ];
    const { rows, back, again } = roundTrip(measureTable(specs, KORIYAMA_SCHEME));
    expect(rows.map((row) => row[0])).toEqual(['番号', 'Ⅰ', 'Ⅰ-1', '', '', 'Ⅰ-2', 'Ⅱ', 'Ⅱ-1', '']);
    expect(back.problems).toEqual([]);
    expect(again).toEqual(rows);
  });

  it('round-trips any tree', () => {
    fc.assert(
      fc.property(arbitraryTree(), fc.constantFrom(FUKUSHIMA_SCHEME, KORIYAMA_SCHEME), (specs, scheme) => {
        const { rows, back, again } = roundTrip(measureTable(specs, scheme));
        expect(back.problems).toEqual([]);
        expect(again).toEqual(rows);
      }),
      { numRuns: 150 },
    );
  });
});

describe('formatContact', () => {
  it('writes what parseContacts reads', () => {
    const contacts = [
      contact('福島市', '産業雇用政策課', '024-515-7746'),
      contact('飯坂町商工会', '', '024-542-3568'),
      contact('福島県', '県北地方振興局 企画商工部', ''),
      contact('ハローワーク福島', '', ''),
    ];
    expect(parseContacts(contacts.map(formatContact).join('\n'))).toEqual(contacts);
  });
});

const text = (minLength: number) =>
  fc
    .string({ unit: fc.constantFrom('施', '策', '事', '業', 'あ', 'A', '・', ' ', '\t', '\n', '"', ',', '(', ')', '①'), minLength, maxLength: 10 })
    .map((s) => s.replace(/^\s+|\s+$/g, ''));

function arbitraryTree(): fc.Arbitrary<NodeSpec[]> {
  const word = fc.string({ unit: fc.constantFrom('企', '業', '課', '係', 'ア'), minLength: 1, maxLength: 4 });
  const contactArb = fc.record({
    organisation: word,
    section: fc.oneof(fc.constant(''), word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`)),
    phone: fc.constantFrom('', '024-515-7746', '0120-541-516'),
  });
  const step = fc.record({
    down: fc.integer({ min: -2, max: 1 }),
    title: text(1).filter((t) => t !== '' && !/再掲/.test(t)),
    /** Reuse an earlier project's name, for a 再掲. */
    reuse: fc.option(fc.nat(), { freq: 4 }),
    status: fc.constantFrom<ProjectStatus | null>(null, 'new', 'enhanced', 'continued'),
    description: text(0),
    contacts: fc.array(contactArb, { maxLength: 2 }),
    kpis: fc.nat(2),
  });
  return fc.array(step, { minLength: 1, maxLength: 15 }).map((steps) => {
    const specs: NodeSpec[] = [];
    const projectNames: string[] = [];
    const contactsOf = new Map<string, Contact[]>();
    let depth = -1;
    for (const s of steps) {
      depth = Math.max(0, Math.min(2, depth + s.down));
      // Placements hold projects; keep them leaves at the deepest level, as the plans do.
      const kind = depth === 2 ? 'placement' : 'measure';
      let title = s.title;
      if (kind === 'placement') {
        if (s.reuse !== null && projectNames.length > 0) title = projectNames[s.reuse % projectNames.length]!;
        else if (projectNames.includes(title)) title = `${title}${projectNames.length}`;
        if (!projectNames.includes(title)) projectNames.push(title);
        if (!contactsOf.has(title)) contactsOf.set(title, dedupe(s.contacts));
      }
      specs.push({
        depth,
        kind,
        title,
        status: s.status,
        description: s.description,
        contacts: kind === 'placement' ? contactsOf.get(title)! : [],
        kpis: s.kpis,
      });
    }
    return specs;
  });
}

function dedupe(contacts: Contact[]): Contact[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = formatContact(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
