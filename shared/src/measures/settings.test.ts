import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_MEASURE_SETTINGS, GRADE_TONES, roleCellKey } from './model';
import {
  NUMBERING_STYLES,
  SETTINGS_LIMITS,
  mergeSettings,
  numberingProblem,
  numberingSample,
  planSettingsOf,
  planSettingsPatchSchema,
  planSettingsSchema,
  writePlanSettings,
  type PlanSettings,
} from './settings';
import { addActor, createMeasureUndoManager, readMeasureTable, setRoleMark, addNode } from './ydoc';

let counter = 0;
const newId = () => `id${++counter}`;

function demoDoc() {
  const doc = new Y.Doc();
  for (const name of ['事業者', '支援機関', '行政']) addActor(doc, name, newId);
  return doc;
}

const base = (): PlanSettings => planSettingsOf({ settings: DEFAULT_MEASURE_SETTINGS, actors: [] });

describe('plan settings: validation', () => {
  it('accepts the defaults and every offered numbering style at the level it fits', () => {
    expect(planSettingsSchema.safeParse(base()).success).toBe(true);
    for (const style of NUMBERING_STYLES) expect(numberingProblem(style, 1)).toBeNull();
    expect(numberingSample('{parent}-{arabic}')).toBe('Ⅱ-3');
    expect(numberingSample('({katakana})')).toBe('(ウ)');
  });

  it('refuses zero and too many levels, duplicate years, thresholds out of order and huge strings', () => {
    const problems = (patch: object) => {
      const result = mergeSettings(base(), patch);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ levels: [] })).toEqual([expect.stringContaining('at least one level')]);
    expect(problems({ levels: Array.from({ length: 50 }, (_, i) => ({ name: `L${i}`, numbering: '{arabic}' })) })[0]).toContain('at most 8 levels');
    expect(problems({ actualYears: [2022, 2023, 2023, 2025] })).toEqual([expect.stringContaining('listed twice')]);
    expect(problems({ actualYears: [2025, 2022] })[0]).toContain('oldest');
    expect(problems({ targetYear: 2030 })[0]).toContain('target year');
    expect(problems({ baselineYear: 2025 })[0]).toContain('baseline');
    const rules = [
      { grade: 'A', label: '', when: { kind: 'progressAtLeast', percent: 50 }, tone: 'blue' },
      { grade: 'S', label: '', when: { kind: 'progressAtLeast', percent: 100 }, tone: 'green' },
    ];
    expect(problems({ gradeRules: rules })[0]).toContain('highest to the lowest');
    expect(problems({ gradeRules: [{ grade: 'Z', label: '', when: { kind: 'always' }, tone: 'grey' }, ...rules.slice(1)] })[0]).toContain('comes last');
    expect(problems({ schemeName: 'x'.repeat(10_000) })[0]).toContain('at most 80');
    expect(problems({ levels: [{ name: '体系', numbering: '{parent}-{arabic}' }] })[0]).toContain('no parent');
    expect(problems({ levels: [{ name: '体系', numbering: '{bogus}' }] })[0]).toContain('Unknown');
    expect(problems({ roleMatrixLevel: 5 })[0]).toContain('role matrix');
    expect(planSettingsPatchSchema.safeParse({}).success).toBe(false);
    expect(planSettingsPatchSchema.safeParse({ evil: 1 }).success).toBe(false);
  });

  it('property: whatever is accepted is within every limit and self-consistent', () => {
    const level = fc.record({
      name: fc.string({ minLength: 0, maxLength: 50 }),
      numbering: fc.oneof(fc.constantFrom(...NUMBERING_STYLES), fc.string({ maxLength: 25 })),
    });
    const rule = fc.record({
      grade: fc.string({ maxLength: 10 }),
      label: fc.string({ maxLength: 70 }),
      when: fc.oneof(
        fc.record({ kind: fc.constant('achieved' as const) }),
        fc.record({ kind: fc.constant('progressAtLeast' as const), percent: fc.integer({ min: -10, max: 1200 }) }),
        fc.record({ kind: fc.constant('withinOfBaseline' as const), percent: fc.integer({ min: 0, max: 100 }) }),
        fc.record({ kind: fc.constant('always' as const) }),
      ),
      tone: fc.constantFrom(...GRADE_TONES),
    });
    const settings = fc.record({
      schemeName: fc.string({ maxLength: 90 }),
      levels: fc.array(level, { maxLength: 10 }),
      actualYears: fc.array(fc.integer({ min: 1800, max: 2300 }), { maxLength: 22 }),
      baselineYear: fc.option(fc.integer({ min: 1800, max: 2300 })),
      targetYear: fc.option(fc.integer({ min: 1800, max: 2300 })),
      gradeRules: fc.array(rule, { maxLength: 12 }),
      roleMatrixLevel: fc.integer({ min: 0, max: 9 }),
      kpiDirection: fc.constantFrom('higher', 'lower', 'keep'),
      actors: fc.array(fc.record({ id: fc.option(fc.string({ minLength: 1, maxLength: 4 })), name: fc.string({ maxLength: 110 }) }), { maxLength: 32 }),
    });
    fc.assert(
      fc.property(settings, (candidate) => {
        const result = planSettingsSchema.safeParse(candidate);
        if (!result.success) return;
        const s = result.data;
        expect(s.levels.length).toBeGreaterThanOrEqual(1);
        expect(s.levels.length).toBeLessThanOrEqual(SETTINGS_LIMITS.levels);
        expect(new Set(s.actualYears).size).toBe(s.actualYears.length);
        expect([...s.actualYears].sort((a, b) => a - b)).toEqual(s.actualYears);
        if (s.targetYear !== null) expect(s.actualYears).toContain(s.targetYear);
        expect(s.roleMatrixLevel).toBeLessThan(s.levels.length);
        s.levels.forEach((l, depth) => expect(numberingProblem(l.numbering, depth)).toBeNull());
        const progress = s.gradeRules.flatMap((r) => (r.when.kind === 'progressAtLeast' ? [r.when.percent] : []));
        expect([...progress].sort((a, b) => b - a)).toEqual(progress);
        expect(s.actors.length).toBeLessThanOrEqual(SETTINGS_LIMITS.actors);
        expect(s.schemeName.length).toBeLessThanOrEqual(SETTINGS_LIMITS.schemeName);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a refused patch is refused whatever the starting settings were valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 60 }), (n) => {
        const levels = Array.from({ length: n }, (_, i) => ({ name: `L${i}`, numbering: '{arabic}' }));
        expect(mergeSettings(base(), { levels }).ok).toBe(false);
      }),
    );
  });
});

describe('plan settings: writing into the document', () => {
  it('writes only what changed, in one transaction that one undo takes back', () => {
    const doc = demoDoc();
    const undo = createMeasureUndoManager(doc);
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const before = planSettingsOf(readMeasureTable(doc));
    const next = {
      ...before,
      levels: [{ name: '基本目標', numbering: '{ROMAN}' }, { name: '施策', numbering: '{parent}-{arabic}' }, before.levels[2]!],
    };
    expect(writePlanSettings(doc, next, newId)).toEqual(['levels']);
    expect(transactions).toBe(1);
    expect(readMeasureTable(doc).settings.scheme.levels[1]).toEqual({ name: '施策', numbering: '{parent}-{arabic}' });
    expect(writePlanSettings(doc, next, newId)).toEqual([]);
    undo.undo();
    expect(planSettingsOf(readMeasureTable(doc))).toEqual(before);
  });

  it('renames, reorders, adds and removes actors; a removed actor takes its marks along', () => {
    const doc = demoDoc();
    const row = addNode(doc, { parent: null }, { kind: 'measure', title: '施策' }, newId);
    const [a, b, c] = readMeasureTable(doc).actors;
    setRoleMark(doc, row, b!.id, '◎');
    setRoleMark(doc, row, a!.id, '○');
    const current = planSettingsOf(readMeasureTable(doc));
    const changed = writePlanSettings(doc, { ...current, actors: [{ id: c!.id, name: '市' }, { id: a!.id, name: a!.name }, { id: null, name: '金融機関' }] }, newId);
    expect(changed).toEqual(['actors']);
    const table = readMeasureTable(doc);
    expect(table.actors.map((actor) => actor.name)).toEqual(['市', '事業者', '金融機関']);
    expect(table.roleCells[roleCellKey(row, b!.id)]).toBeUndefined();
    expect(table.roleCells[roleCellKey(row, a!.id)]).toBe('○');
  });

  it('a new KPI starts with the default direction', async () => {
    const { addKpi } = await import('./ydoc');
    const doc = demoDoc();
    writePlanSettings(doc, { ...planSettingsOf(readMeasureTable(doc)), kpiDirection: 'lower' }, newId);
    const row = addNode(doc, { parent: null }, { kind: 'measure', title: '施策' }, newId);
    const kpi = addKpi(doc, row, { name: '待機児童数' }, newId);
    expect(readMeasureTable(doc).kpis.find((k) => k.id === kpi)?.direction).toBe('lower');
  });
});
