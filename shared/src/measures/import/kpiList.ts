import type { EraName } from '../fiscalYear';
import { formatFiscalYear, parseFiscalYear } from '../fiscalYear';
import type { KpiDirection, Measured } from '../model';
import { numericValue } from '../kpiMath';
import { foldWidth, fromCircled } from '../numbering';
import type { ParsedFigure } from '../valueText';
import { parseFigure } from '../valueText';
import type { ImportProblem, ImportResult } from './problems';
import { checkImportSize, cleanCell } from './problems';
import { kpiTargetKindSchema, type KpiTargetKind, type SubFigure } from '../kpiKinds';
import { proposeTargetKind } from './targetKind';

/**
 * Reads a 成果指標一覧 (KPI list) as users copy it from Excel or Word: with the programme's
 * two-row header, a one-row header, or no header at all.
 */

export type KpiImportRow = {
  /** The row's line in the input, for pointing back at it. */
  line: number;
  /** The number printed in the No column (⑳ → 20); null when absent or a duplicate. */
  number: number | null;
  name: string;
  formerNames: string[];
  unit: string;
  direction: KpiDirection;
  components: string[];
  baseline: { value: Measured; fiscalYear: number | null; label: string };
  target: { value: Measured; fiscalYear: number | null };
  /** Only the years with something in them; an empty cell is the default (not yet due). */
  actuals: Record<string, Measured>;
  source: string;
  /** The target's kind as the printed target proposes it (`25〜50%`, `2.5倍`, `累計`, `均衡`…); absent = a plain figure. */
  targetKind?: KpiTargetKind;
  /** The sub-figure a `7社（11人）` cell carries; its label is for the user to name. */
  subFigure?: SubFigure;
  /** Whether the direction was printed (`以下`, `維持`) or inferred from the figures: the user confirms an inferred one. */
  directionFrom?: 'printed' | 'inferred';
};

export type KpiListOptions = {
  /** The era of year headers written without one (`4年度`); 令和 when not given. */
  defaultEra?: EraName;
  /** Without a header: the fiscal years of the actual columns, oldest first (R4–R7 if not given). */
  actualYears?: number[];
  /** Without a header: the fiscal years of the baseline and target columns. */
  baselineYear?: number | null;
  targetYear?: number | null;
};

/** Fukushima's second programme reports R4–R7, the default when a paste has no header. */
const DEFAULT_ACTUAL_YEARS = [2022, 2023, 2024, 2025];

type Role = 'number' | 'name' | 'baseline' | 'target' | 'actual' | 'source' | 'unit';
type Column = { index: number; role: Role; label: string; fiscalYear: number | null };

export function importKpiList(rows: string[][], options: KpiListOptions = {}): ImportResult<KpiImportRow[]> {
  const sized = checkImportSize(rows);
  const problems: ImportProblem[] = [...sized.problems];
  if (sized.rows.length === 0) return { value: [], problems };
  const defaultEra = options.defaultEra ?? '令和';

  const header = findHeader(sized.rows, defaultEra);
  let columns: Column[];
  let firstDataRow: number;
  if (header) {
    columns = header.columns;
    firstDataRow = header.end;
    problems.push(...header.problems);
  } else {
    columns = programmeColumns(sized.rows, options);
    firstDataRow = 0;
  }

  const imported: KpiImportRow[] = [];
  const seenNumbers = new Map<number, number>();
  for (let r = firstDataRow; r < sized.rows.length; r++) {
    const row = sized.rows[r]!;
    const line = r + 1;
    if (row.every((cell) => cleanCell(cell) === '')) continue;
    // A table that runs over pages in Word repeats its header on every page.
    if (header && (isHeaderRow(row) || isYearRow(row, defaultEra))) continue;
    const result = readRow(row, line, columns);
    problems.push(...result.problems);
    const kpi = result.kpi;
    if (!kpi) continue;
    if (kpi.number !== null) {
      const earlier = seenNumbers.get(kpi.number);
      if (earlier !== undefined) {
        // Keep the KPI: losing a row the user typed is worse than losing its number.
        problems.push({
          line,
          column: labelOf(columns, 'number'),
          code: 'duplicateKpiNumber',
          detail: `number ${kpi.number} is already used on line ${earlier}; imported without a number`,
        });
        kpi.number = null;
      } else {
        seenNumbers.set(kpi.number, line);
      }
    }
    imported.push(kpi);
  }
  return { value: imported, problems };
}

// ---------------------------------------------------------------- columns

function labelOf(columns: readonly Column[], role: Role): string | null {
  return columns.find((column) => column.role === role)?.label ?? null;
}

/**
 * The header words of each column role, matched after width folding. Header cells are
 * short and start with their word; a KPI name such as 「将来の夢や目標を持っている…」 is
 * neither, which keeps data rows from passing for headers.
 */
function roleOfHeader(text: string): Role | null {
  const t = foldWidth(text).replace(/\s+/g, '');
  if (t.length > 20) return null;
  if (/^(No\.?|NO\.?|no\.?|№|番号|指標番号)$/.test(t)) return 'number';
  if (/^(データ)?出典/.test(t)) return 'source';
  if (/^基準/.test(t)) return 'baseline';
  if (/^目標/.test(t)) return 'target';
  if (/実績/.test(t)) return 'actual';
  if (/^単位$/.test(t)) return 'unit';
  if (/^(成果)?指標|指標名/.test(t)) return 'name';
  return null;
}

/** A header cell that is nothing but a year: `4年度`, `R4`, `令和4年度`, `2022年度`. */
function yearOnly(text: string, defaultEra: EraName): number | null {
  const t = cleanCell(text);
  return t === '' ? null : parseFiscalYear(t, { defaultEra });
}

/** The first year named anywhere in a header such as `基準値 令和2年度` or `R4実績`. */
function yearInHeader(text: string, defaultEra: EraName): number | null {
  const folded = foldWidth(text);
  const candidates = folded.matchAll(
    /(?:明治|大正|昭和|平成|令和)\s*(?:元|\d{1,3})\s*(?:年度|年)?|(?<![A-Za-z])[MTSHR]\s*\.?\s*(?:元|\d{1,3})(?:\s*年度)?|\d{4}\s*(?:年度)?|(?:元|\d{1,2})\s*年度/g,
  );
  for (const [candidate] of candidates) {
    const year = parseFiscalYear(candidate, { defaultEra });
    if (year !== null) return year;
  }
  return null;
}

function isHeaderRow(row: readonly string[]): boolean {
  return row.filter((cell) => roleOfHeader(cell) !== null).length >= 2;
}

/** The programme's second header row: years under 実績値, nothing else but header words. */
function isYearRow(row: readonly string[], defaultEra: EraName): boolean {
  const filled = row.map(cleanCell).filter((cell) => cell !== '');
  return (
    filled.length > 0 &&
    filled.some((cell) => yearOnly(cell, defaultEra) !== null) &&
    filled.every((cell) => yearOnly(cell, defaultEra) !== null || roleOfHeader(cell) !== null)
  );
}

type Header = { columns: Column[]; end: number; problems: ImportProblem[] };

/**
 * Looks for the header in the first few rows: a copied table often brings its caption
 * (`成果指標一覧`) along, and that caption is not a KPI.
 */
function findHeader(rows: readonly string[][], defaultEra: EraName): Header | null {
  for (let r = 0; r < Math.min(rows.length, 3); r++) {
    const row = rows[r]!;
    if (isHeaderRow(row)) {
      const second = rows[r + 1];
      const twoRows = second !== undefined && isYearRow(second, defaultEra);
      return readHeader(row, twoRows ? second : null, r + 1, defaultEra);
    }
    // Only a caption (one filled cell) may come before the header.
    if (row.filter((cell) => cleanCell(cell) !== '').length > 1) return null;
  }
  return null;
}

function readHeader(first: readonly string[], second: readonly string[] | null, line: number, defaultEra: EraName): Header {
  const width = Math.max(first.length, second?.length ?? 0);
  const columns: Column[] = [];
  const problems: ImportProblem[] = [];
  for (let c = 0; c < width; c++) {
    const label = [cleanCell(first[c]), cleanCell(second?.[c])].filter((part) => part !== '').join(' ');
    if (label === '') continue;
    const role = roleOfHeader(cleanCell(first[c])) ?? roleOfHeader(cleanCell(second?.[c])) ?? (yearOnly(label, defaultEra) !== null ? 'actual' : null);
    if (role === null) continue; // 備考, 評価 and the like: not ours to read.
    const fiscalYear = role === 'baseline' || role === 'target' || role === 'actual' ? yearInHeader(label, defaultEra) : null;
    if (role === 'actual' && fiscalYear === null) {
      problems.push({
        line: second !== null && cleanCell(second[c]) !== '' ? line + 1 : line,
        column: label,
        code: 'unknownYearColumn',
        detail: `no fiscal year in the header "${label}"; the column was not read`,
      });
      continue;
    }
    // A second column of the same kind (two 成果指標 columns) would shadow the first.
    if (role !== 'actual' && columns.some((column) => column.role === role)) continue;
    columns.push({ index: c, role, label, fiscalYear });
  }
  return { columns, end: line - 1 + (second !== null ? 2 : 1), problems };
}

/** Without a header: No (when the first column holds numbers), 成果指標, 基準値, 目標値, 実績値…. */
function programmeColumns(rows: readonly string[][], options: KpiListOptions): Column[] {
  const filled = rows.filter((row) => row.some((cell) => cleanCell(cell) !== ''));
  const numbered = filled.filter((row) => {
    const first = cleanCell(row[0]);
    return first !== '' && readKpiNumber(first) !== null;
  }).length;
  const hasNumber = numbered * 2 >= filled.length;
  const columns: Column[] = [];
  let c = 0;
  if (hasNumber) columns.push({ index: c++, role: 'number', label: 'No', fiscalYear: null });
  columns.push({ index: c++, role: 'name', label: '成果指標', fiscalYear: null });
  columns.push({ index: c++, role: 'baseline', label: '基準値', fiscalYear: options.baselineYear ?? null });
  columns.push({ index: c++, role: 'target', label: '目標値', fiscalYear: options.targetYear ?? null });
  for (const year of options.actualYears ?? DEFAULT_ACTUAL_YEARS) {
    columns.push({ index: c++, role: 'actual', label: `実績値 ${formatFiscalYear(year)}`, fiscalYear: year });
  }
  return columns;
}

// ---------------------------------------------------------------- cells

/** `①`…`㊿`, `(51)`, `1`, `１`, `No.3`, `№3`; null when the text is none of these. */
export function readKpiNumber(text: string): number | null {
  const t = foldWidth(text).trim();
  if ([...t].length === 1) {
    const fromMark = fromCircled(t);
    if (fromMark !== null) return fromMark;
  }
  const match = /^(?:(?:No|NO|no)\s*[.．]?\s*|№\s*)?\(?(\d{1,4})\)?$/.exec(t);
  if (!match) return null;
  const n = Number(match[1]);
  return n > 0 ? n : null;
}

/**
 * `新指標 (旧指標)` → name and former names. A trailing bracketed part is a former name
 * only when set off by a space or line break, or when it says 旧: `待機児童数(国基準)` is
 * one name.
 */
export function splitFormerNames(text: string): { name: string; formerNames: string[] } {
  let rest = cleanCell(text);
  const formerNames: string[] = [];
  for (;;) {
    const part = trailingBracket(rest);
    if (!part) break;
    const before = rest.slice(0, part.start);
    const separated = /\s$/.test(before);
    const old = /^旧/.test(part.inner);
    if (!(separated || old) || cleanCell(before) === '') break;
    // `(旧：…)` and `(旧指標名 …)` introduce the old name; `(旧制度の件数)` may be the name itself.
    const inner = part.inner.replace(/^旧(?:指標名?|名称)?(?:\s*[:：]\s*|\s+)/, '');
    if (cleanCell(inner) !== '') formerNames.unshift(cleanCell(inner));
    rest = cleanCell(before);
  }
  return { name: rest, formerNames };
}

/** The bracketed part that ends the text, matching nested brackets of either width. */
function trailingBracket(text: string): { start: number; inner: string } | null {
  if (!/[)）]$/.test(text)) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === ')' || char === '）') depth++;
    else if (char === '(' || char === '（') {
      depth--;
      if (depth === 0) return { start: i, inner: text.slice(i + 1, -1) };
    }
  }
  return null;
}

/**
 * The direction a target implies when it says nothing: below the baseline means lower. A
 * target equal to its baseline is not 維持 (that is printed as a word): it is a level to
 * reach again, higher is better, and an actual at it is 100 %.
 */
export function inferKpiDirection(baseline: Measured, target: Measured): KpiDirection {
  const b = numericValue(baseline);
  const t = numericValue(target);
  if (b === null || t === null) return 'higher';
  return t < b ? 'lower' : 'higher';
}

type FigureCell = { column: Column; text: string };

/** A relative target that shrinks the baseline (0.8倍, -5ポイント) means lower is better. */
function proposedDirection(kind: KpiTargetKind): KpiDirection | null {
  if (kind.kind !== 'relative') return null;
  return (kind.mode === 'factor' ? kind.amount < 1 : kind.amount < 0) ? 'lower' : 'higher';
}

function readRow(
  row: readonly string[],
  line: number,
  columns: readonly Column[],
): { kpi: KpiImportRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const cellOf = (column: Column | undefined) => (column ? cleanCell(row[column.index]) : '');
  const find = (role: Role) => columns.find((column) => column.role === role);
  const fail = (column: Column | undefined, code: ImportProblem['code'], detail: string) => {
    problems.push({ line, column: column?.label ?? null, code, detail });
  };

  const numberColumn = find('number');
  const numberText = cellOf(numberColumn);
  let number: number | null = null;
  if (numberText !== '') {
    number = readKpiNumber(numberText);
    if (number === null) fail(numberColumn, 'unknownKpiNumber', `"${numberText}" is not a KPI number; row skipped`);
  }

  const nameColumn = find('name');
  const { name, formerNames } = splitFormerNames(row[nameColumn?.index ?? -1] ?? '');
  if (name === '') fail(nameColumn, 'missingName', 'the row has no KPI name; row skipped');

  // Read every figure before deciding components: any cell may be the first parts figure.
  const figureColumns = columns.filter((column) => ['baseline', 'target', 'actual'].includes(column.role));
  const actualYears = columns.flatMap((column) => (column.role === 'actual' && column.fiscalYear !== null ? [column.fiscalYear] : []));
  // The target's kind is read off its text first; the figure reader gets what is left of it.
  const proposal = proposeTargetKind(cellOf(find('target')), actualYears);
  const qualitative = proposal?.kind.kind === 'qualitative';
  const cells: FigureCell[] = figureColumns.map((column) => ({
    column,
    text: proposal && column.role === 'target' ? proposal.figureText : cellOf(column),
  }));
  let parsed = cells.map((cell) => parseFigure(cell.text));
  const firstParts = parsed.find(
    (result): result is { ok: true; figure: ParsedFigure } => result.ok && result.figure.value.kind === 'parts',
  );
  const components = firstParts && firstParts.figure.value.kind === 'parts' ? Object.keys(firstParts.figure.value.parts) : [];
  if (components.length > 0) parsed = cells.map((cell) => parseFigure(cell.text, { components }));

  const figures = new Map<Column, ParsedFigure>();
  // Problems that only note something and keep the row; counted, so that the row is skipped
  // on real failures alone, whatever the notes' wording.
  let notes = 0;
  parsed.forEach((result, i) => {
    const cell = cells[i]!;
    if (result.ok) figures.set(cell.column, result.figure);
    else if (qualitative && cell.column.role === 'actual') {
      // 実施済み under a qualitative target: staff judge the year; the KPI itself is kept.
      problems.push({ line, column: cell.column.label, code: 'unreadableNumber', detail: `"${cell.text}" is not 達成 / 未達成; judge the year in the KPI panel` });
      notes += 1;
    } else {
      const code = result.problem.code === 'componentMismatch' ? 'componentMismatch' : 'unreadableNumber';
      fail(cell.column, code, `${result.problem.detail}; row skipped`);
    }
  });
  if (problems.length > notes) return { kpi: null, problems };

  // A proposal the document would refuse (年平均 over more than 20 year columns) is not
  // written to read back as a plain figure unannounced: the row is kept, and the problem says so.
  const kindKept = proposal !== null && kpiTargetKindSchema.safeParse(proposal.kind).success;
  if (proposal && !kindKept) {
    problems.push({
      line,
      column: find('target')?.label ?? null,
      code: 'unreadableNumber',
      detail: `"${cellOf(find('target'))}" names a period the KPI cannot hold (at most 20 years, 1868–2200); read as a plain figure — set the kind in the KPI panel`,
    });
  }

  const blank: ParsedFigure = { value: { kind: 'blank' }, unit: '', label: '', labelFiscalYear: null, direction: null };
  const baselineColumn = find('baseline');
  const targetColumn = find('target');
  const baseline = (baselineColumn && figures.get(baselineColumn)) ?? blank;
  const target = (targetColumn && figures.get(targetColumn)) ?? blank;

  const actuals: Record<string, Measured> = {};
  const actualUnits: string[] = [];
  for (const column of figureColumns) {
    if (column.role !== 'actual' || column.fiscalYear === null) continue;
    const figure = figures.get(column);
    if (!figure || figure.value.kind === 'blank') continue;
    const key = String(column.fiscalYear);
    // Two columns for one year: the first one is the year's column, a later one a stray.
    if (!(key in actuals)) actuals[key] = figure.value;
    if (figure.unit !== '') actualUnits.push(figure.unit);
  }

  const unitColumnText = cellOf(find('unit'));
  const unit = [target.unit, proposal?.unit ?? '', baseline.unit, ...actualUnits, unitColumnText].find((u) => u !== '') ?? '';
  const subUnit = [...figures.values()].map((figure) => figure.subUnit ?? '').find((u) => u !== '');

  return {
    kpi: {
      line,
      number,
      name,
      formerNames,
      unit,
      direction: target.direction ?? (proposal ? proposedDirection(proposal.kind) : null) ?? inferKpiDirection(baseline.value, target.value),
      directionFrom: target.direction !== null ? 'printed' : 'inferred',
      ...(proposal && kindKept ? { targetKind: proposal.kind } : {}),
      ...(subUnit !== undefined ? { subFigure: { label: '', unit: subUnit } } : {}),
      components,
      baseline: {
        value: baseline.value,
        // `30,926 t (R1)` under a 令和2年度 header: the cell knows better than the column.
        fiscalYear: baseline.labelFiscalYear ?? baselineColumn?.fiscalYear ?? null,
        label: baseline.label,
      },
      target: {
        value: target.value,
        fiscalYear: target.labelFiscalYear ?? targetColumn?.fiscalYear ?? null,
      },
      actuals,
      source: cellOf(find('source')),
    },
    problems,
  };
}
