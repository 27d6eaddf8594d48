import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HierarchyScheme } from '../model';
import { FUKUSHIMA_SCHEME } from '../model';
import { formatNumberLabel } from '../numbering';
import { HEADER_SYNONYMS } from './header';
import { matchKey } from './normalise';
import { previewHierarchyImport } from './preview';
import type { HierarchyPreview, ImportField } from './previewTypes';

/**
 * Random tables as councils type them: header words from the synonym list, columns in any
 * order, the header anywhere in the first 30 rows under captions, blank lines, page lines
 * and repeated headers between the rows, names broken by a PDF's spaces and line breaks,
 * and 再掲 rows spelt every way. Whatever the shape, every row comes back at its level,
 * every 再掲 finds its project, and no filled column goes unmentioned.
 */

const scheme = FUKUSHIMA_SCHEME;
const random = () => 0.5;

type Field = 'number' | 'name' | 'description' | 'contacts' | 'status' | 'kpis';

type Row = {
  kpis: string;
  depth: number;
  name: string;
  /** For a 再掲 row: the index of the row it repeats. */
  reprintOf: number | null;
  status: string;
  description: string;
  contact: string;
};

const NAME_CHARS = [...'産業振興支援推進地域商業経営革新創業計画人材育成連携販路開拓デジタル化ものづくり'];
const nameArb = fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 4, maxLength: 14 }).map((chars) => chars.join(''));
const MARKS = ['（再掲）', '(再掲)', ' (再掲)', '【再掲】', ' 再掲', '(再掲Ⅱ-2)', '（再 掲）'];
const LEADING_MARKS = ['（再掲）', '【再掲】'];

/** A name as a PDF gives it back: spaces and line breaks inside, never at the ends. */
function broken(name: string, cuts: readonly number[], kinds: readonly number[]): string {
  const chars = [...name];
  const at = new Set(cuts.map((cut) => 1 + (cut % Math.max(1, chars.length - 1))));
  return chars.map((char, i) => (at.has(i) && i > 0 ? [' ', '\n', '　'][kinds[i % kinds.length]! % 3] + char : char)).join('');
}

const rowStep = fc.record({
  down: fc.integer({ min: -2, max: 1 }),
  name: nameArb,
  reuse: fc.option(fc.nat(), { freq: 3 }),
  mark: fc.nat(),
  leading: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 2 }),
  kinds: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom('', '新規', '充実', '継続'),
  description: fc.constantFrom('', '商工会議所や各商工会による経営相談・指導の充実を図ります。', '市内の中小企業や団体とデジタル人材をマッチングし、課題解決につなげます。'),
  contact: fc.constantFrom('', '福島市 産業雇用政策課 TEL 024-515-7746', '福島県 経営金融課', '福島商工会議所経営支援課 TEL 024-536-3900'),
  /** The 成果指標 cell: a ○ (the next KPI), KPI numbers, or nothing. */
  kpis: fc.constantFrom('', '', '○', '⑤', '⑥⑦', '6,7'),
});

/** A valid outline: starts at the top, never skips a level; projects only at the deepest level. */
function rowsArb(): fc.Arbitrary<Array<Row & { typed: string }>> {
  return fc.array(rowStep, { minLength: 1, maxLength: 14 }).map((steps) => {
    const rows: Array<Row & { typed: string }> = [];
    const keys = new Set<string>();
    let depth = -1;
    for (const step of steps) {
      depth = Math.max(0, Math.min(2, depth + step.down, depth + 1));
      const projects = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.depth === 2 && row.reprintOf === null);
      if (depth === 2 && step.reuse !== null && projects.length > 0) {
        const { row: original, i } = projects[step.reuse % projects.length]!;
        const name = broken(original.name, step.cuts, step.kinds);
        const typed = step.leading
          ? `${LEADING_MARKS[step.mark % LEADING_MARKS.length]}${name}`
          : `${name}${MARKS[step.mark % MARKS.length]}`;
        rows.push({ ...step, depth, name: original.name, reprintOf: i, typed });
        continue;
      }
      // Distinct once folded, or two projects would be one.
      let name = step.name;
      while (keys.has(matchKey(name))) name += '事業';
      keys.add(matchKey(name));
      rows.push({ ...step, depth, name, reprintOf: null, typed: broken(name, step.cuts, step.kinds) });
    }
    return rows;
  });
}

function numberLabels(rows: readonly Row[]): string[] {
  const counters = [0, 0, 0];
  return rows.map((row) => {
    counters[row.depth]!++;
    for (let d = row.depth + 1; d < counters.length; d++) counters[d] = 0;
    return formatNumberLabel(scheme.levels[row.depth]!.numbering, counters[row.depth]!, '');
  });
}

const CAPTIONS = ['第2章 施策の体系、主要な事業及び成果指標', '（令和7年度）', '', '福島市', '※ 所管課は令和7年4月現在'];
const PAGE_LINES = [['- 7 -'], ['12 ページ'], ['\f'], ['page 3'], ['――――――――'], ['-----', '-----', '-----']];

const tableArb = fc.record({
  rows: rowsArb(),
  order: fc.shuffledSubarray<Field>(['description', 'contacts', 'status', 'kpis'], { minLength: 0, maxLength: 4 }),
  insertAt: fc.nat(3),
  words: fc.record({
    number: fc.constantFrom(...HEADER_SYNONYMS.number),
    name: fc.constantFrom(...HEADER_SYNONYMS.name),
    description: fc.constantFrom(...HEADER_SYNONYMS.description),
    contacts: fc.constantFrom(...HEADER_SYNONYMS.contacts),
    status: fc.constantFrom(...HEADER_SYNONYMS.status),
    kpis: fc.constantFrom(...HEADER_SYNONYMS.kpis),
  }),
  captions: fc.array(fc.constantFrom(...CAPTIONS), { maxLength: 29 }),
  /** Lines between rows: 0 none, 1 blank, 2 a page line, 3 the header again. */
  noise: fc.array(fc.constantFrom(0, 0, 0, 1, 2, 3), { maxLength: 14 }),
  page: fc.nat(PAGE_LINES.length - 1),
  /** Typed in full-width forms (`Ｎｏ．`, `（１）`), as a Japanese IME leaves them. */
  wide: fc.boolean(),
});

const toWide = (text: string) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

type Table = { cells: string[][]; fields: Field[]; dataLines: number[] };

type TableSpec = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

function render(t: TableSpec, withHeader: boolean): Table {
  const fields: Field[] = ['number', 'name'];
  // The optional columns go anywhere, before or after the number and the name.
  // Without a header, a column of lone ①, ⑤ is as much numbers as KPIs: only a header tells.
  for (const field of t.order) if (withHeader || field !== 'kpis') fields.splice(Math.min(t.insertAt, fields.length), 0, field);
  const labels = numberLabels(t.rows).map((label) => (t.wide ? toWide(label) : label));
  const header = fields.map((field) => (t.wide ? toWide(t.words[field]) : t.words[field]));
  const cells: string[][] = withHeader ? [...t.captions.map((caption) => [caption]), header] : [];
  const dataLines: number[] = [];
  t.rows.forEach((row, i) => {
    const noise = t.noise[i] ?? 0;
    if (i > 0 && noise === 1) cells.push(['']);
    if (i > 0 && noise === 2) cells.push(PAGE_LINES[t.page]!);
    if (i > 0 && noise === 3 && withHeader) cells.push([...header]);
    const value: Record<Field, string> = {
      number: labels[i]!,
      name: row.typed,
      description: row.depth === 2 ? row.description : '',
      contacts: row.depth === 2 ? row.contact : '',
      status: row.depth === 2 ? row.status : '',
      kpis: row.kpis,
    };
    cells.push(fields.map((field) => value[field]));
    dataLines.push(cells.length);
  });
  return { cells, fields, dataLines };
}

function run(cells: string[][]): HierarchyPreview {
  let n = 0;
  return previewHierarchyImport(cells, { scheme, newId: () => `n${++n}`, random });
}

/** Every row at its line and level, named as typed, and every 再掲 on its original's project. */
function expectRowsBack(preview: HierarchyPreview, rows: ReadonlyArray<Row & { typed: string }>, dataLines: number[]) {
  expect(preview.lines.map((line) => [line.line, line.depth])).toEqual(rows.map((row, i) => [dataLines[i], row.depth]));
  const nodes = new Map(preview.nodes.map((node) => [node.id, node]));
  const projects = new Map(preview.projects.map((project) => [project.id, project]));
  const nodeOf = (i: number) => nodes.get(preview.lines[i]!.nodeId)!;
  rows.forEach((row, i) => {
    const node = nodeOf(i);
    if (row.depth < 2) {
      expect(node.title).toBe(row.typed.trim());
    } else if (row.reprintOf === null) {
      expect(projects.get(node.projectId!)!.name).toBe(row.typed.trim());
    } else {
      expect(node.projectId).toBe(nodeOf(row.reprintOf).projectId);
      expect(preview.reprints).toContainEqual(expect.objectContaining({ kind: 'matched', line: dataLines[i] }));
    }
  });
  expect(preview.reprints).toHaveLength(rows.filter((row) => row.reprintOf !== null).length);
  expect(preview.projectCount).toBe(rows.filter((row) => row.depth === 2 && row.reprintOf === null).length);
}

/** A column filled in any data row is imported or named among the unimported ones. */
function expectNoColumnDropped(preview: HierarchyPreview, table: Table) {
  const rows = table.dataLines.map((line) => table.cells[line - 1]!);
  const width = Math.max(...rows.map((row) => row.length));
  for (let c = 0; c < width; c++) {
    const filled = rows.some((row) => (row[c] ?? '').trim() !== '');
    if (!filled) continue;
    const column = preview.columns[c]!;
    const imported = column.field !== 'ignored';
    const named = preview.unimportedColumns.some((unimported) => unimported.index === c);
    expect(imported || named).toBe(true);
  }
}

describe('previewHierarchyImport: random tables', () => {
  it('reads any header words, column order and header position', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const table = render(t, true);
        const preview = run(table.cells);
        expect(preview.problems).toEqual([]);
        expect(preview.headerLine).toBe(t.captions.length + 1);
        expect(preview.columns.slice(0, table.fields.length).map((column) => column.field as ImportField)).toEqual(table.fields);
        // Cells beyond the table (a rule drawn across three cells) make columns with nothing in them.
        expect(preview.columns.slice(table.fields.length).every((column) => column.nonEmpty === 0)).toBe(true);
        expectRowsBack(preview, t.rows, table.dataLines);
        expectNoColumnDropped(preview, table);
        // Every row with a 成果指標 cell links its KPIs, and no other does.
        const withKpis = table.fields.includes('kpis') ? t.rows.flatMap((row, i) => (row.kpis !== '' ? [table.dataLines[i]] : [])) : [];
        const lineOf = new Map(preview.lines.map((line) => [line.nodeId, line.line]));
        expect(preview.kpiLinks.map((link) => lineOf.get(link.nodeId))).toEqual(withKpis);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every column of a table without a header, by the look of the data', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const table = render(t, false);
        const preview = run(table.cells);
        expect(preview.mode).toBe('table');
        expect(preview.headerLine).toBeNull();
        expectRowsBack(preview, t.rows, table.dataLines);
        expectNoColumnDropped(preview, table);
      }),
      { numRuns: 100 },
    );
  });

  it('maps a column the same way whether inferred or handed back as the mapping', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const table = render(t, true);
        const inferred = run(table.cells);
        const byIndex = run(table.cells);
        const again = previewHierarchyImport(table.cells, { scheme, newId: idSource(), random, mapping: inferred.mapping });
        const remembered = previewHierarchyImport(table.cells, { scheme, newId: idSource(), random, mapping: JSON.parse(JSON.stringify(inferred.remembered)) });
        expect(again.columns.map((c) => c.field)).toEqual(byIndex.columns.map((c) => c.field));
        expect(remembered.columns.map((c) => c.field)).toEqual(byIndex.columns.map((c) => c.field));
        expect(again.lines).toEqual(byIndex.lines);
      }),
      { numRuns: 50 },
    );
  });
});

/** A plan that prints its level words: `基本目標 3` / `施策 (1)` / `事業 ①`. */
const WORDY: HierarchyScheme = {
  id: 'wordy',
  name: '基本目標・施策・事業',
  levels: [
    { name: '基本目標', numbering: '{arabic}.' },
    { name: '施策', numbering: '({arabic})' },
    { name: '事業', numbering: '{circled}' },
  ],
};

describe('previewHierarchyImport: level words where people put them', () => {
  const wordyArb = fc.record({
    rows: rowsArb(),
    layout: fc.constantFrom('split', 'joined', 'levelOnly'),
    header: fc.boolean(),
    levelWord: fc.constantFrom(...HEADER_SYNONYMS.levelWord),
    captions: fc.array(fc.constantFrom(...CAPTIONS), { maxLength: 10 }),
  });

  it('reads `基本目標⇥3.`, `基本目標 3.` and a bare `基本目標` column without losing or re-parenting a row', () => {
    fc.assert(
      fc.property(wordyArb, (t) => {
        const labels = numberLabels(t.rows);
        type Typed = Row & { typed: string };
        const word = (row: Row) => WORDY.levels[row.depth]!.name;
        const layouts = {
          split: { header: [t.levelWord, '番号', '名称'], cells: (row: Typed, i: number) => [word(row), labels[i]!, row.typed] },
          joined: { header: ['番号', '名称'], cells: (row: Typed, i: number) => [`${word(row)} ${labels[i]}`, row.typed] },
          levelOnly: { header: [t.levelWord, '名称'], cells: (row: Typed) => [word(row), row.typed] },
        };
        const layout = layouts[t.layout as keyof typeof layouts];
        const cells: string[][] = t.header ? [...t.captions.map((caption) => [caption]), layout.header] : [];
        const dataLines: number[] = [];
        t.rows.forEach((row, i) => {
          cells.push(layout.cells(row, i));
          dataLines.push(cells.length);
        });
        const preview = previewHierarchyImport(cells, { scheme: WORDY, newId: idSource(), random });
        expect(preview.problems).toEqual([]);
        expectRowsBack(preview, t.rows, dataLines);
        expectNoColumnDropped(preview, { cells, fields: [], dataLines });
      }),
      { numRuns: 100 },
    );
  });
});

function idSource(): () => string {
  let n = 0;
  return () => `n${++n}`;
}
