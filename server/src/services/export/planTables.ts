import {
  type Calendar,
  type CompareOrder,
  type DiffSegment,
  type MeasureDiff,
  type ProseDiffRow,
  type ProseDiffSide,
  formatFiscalYearIn,
  inOrder,
  lineSegments,
  type MeasureGroup,
  measureFieldText,
  measureKindText,
  measurePlaceText,
  renumberNoteText,
} from '@sakutei/shared';
import { type MeasureTable, MEASURE_TABLE_HEADER, deriveTable, kpiListRows, measureTableRows } from '@sakutei/shared/measures';
import type { BodyCell, DocTable, HeadCell } from './docTable';

/**
 * The plan's tables as documents print them: the 施策・事業・担当 table, the 成果指標一覧
 * with its grouped header, and the two halves of a 新旧対照表.
 */

/** Which side of a 新旧対照表 comes first: 改正後 (new) on the left, as 法令 tables have it, or the reverse. */

export const SIDE_NAMES = { new: '改正後（新）', old: '改正前（旧）' } as const;

/** The 施策・事業・担当 table, whole: every row of the hierarchy with its projects and contacts. */
export function measureDocTable(measures: MeasureTable): DocTable | null {
  const [, ...body] = measureTableRows(deriveTable(measures));
  if (body.length === 0) return null;
  return {
    head: [MEASURE_TABLE_HEADER.map((text) => ({ text }))],
    body,
    // Contacts are long lines (組織 部署 TEL 番号) that read badly broken; descriptions wrap well.
    limits: [{ max: 12 }, { min: 16, max: 30 }, { max: 6 }, { max: 6 }, { min: 24, max: 46 }, { min: 20, max: 42 }, { max: 10 }],
  };
}

/**
 * The 成果指標一覧 with its header grouped as the programmes print it: 基準値, 目標値 and
 * 実績値 over their fiscal years, No and the indicator's name spanning both header rows.
 */
export function kpiDocTable(measures: MeasureTable, calendar: Calendar): DocTable | null {
  const { settings } = measures;
  const derived = deriveTable(measures);
  if (derived.kpis.length === 0) return null;
  const rows = kpiListRows(derived, settings);
  const years = settings.actualYears;
  const body = rows.slice(years.length > 0 ? 2 : 1);
  const withSource = body.some((row) => row.length > 4 + years.length);
  const year = (fy: number | null) => (fy === null ? '' : formatFiscalYearIn(fy, calendar));

  const top: HeadCell[] = [
    { text: 'No', rowSpan: 2 },
    { text: '成果指標（旧指標名）', rowSpan: 2 },
    { text: '基準値', ...(settings.baselineYear === null ? { rowSpan: 2 } : {}) },
    { text: '目標値', ...(settings.targetYear === null ? { rowSpan: 2 } : {}) },
  ];
  const second: HeadCell[] = [];
  if (settings.baselineYear !== null) second.push({ text: year(settings.baselineYear) });
  if (settings.targetYear !== null) second.push({ text: year(settings.targetYear) });
  if (years.length > 0) {
    top.push({ text: '実績値', colSpan: years.length });
    // Under 実績値 the era is said once, in the first year, as the programmes do (令和4年度, 5年度 …).
    years.forEach((fy, i) => second.push({ text: i === 0 ? year(fy) : formatFiscalYearIn(fy, calendar, 'short') }));
  }
  if (withSource) top.push({ text: '出典', rowSpan: 2 });
  const limits = [{ max: 5 }, { min: 20, max: 40 }, { min: 10, max: 18 }, { min: 10, max: 18 }, ...years.map(() => ({ min: 8, max: 14 })), { max: 20 }];
  return { head: [top, second], body, limits };
}

// ------------------------------------------------------------------ 新旧対照表

function blockSegments(side: ProseDiffSide): readonly DiffSegment[] {
  const marker =
    side.blockType === 'listItem' ? (side.ordered ? `${side.listPath?.at(-1) ?? 1}. ` : '・') : '';
  return marker === '' ? side.segments : [{ kind: 'equal', text: marker }, ...side.segments];
}

function proseCell(side: ProseDiffSide | null, placeholder: string): BodyCell {
  return side ? { segments: blockSegments(side) } : { text: placeholder, muted: true };
}

/** 本文: the changed blocks, the two sides in the chosen order, each side headed by what it is. */
export function compareProseDocTable(rows: readonly ProseDiffRow[], order: CompareOrder, labels: { from: string; to: string }): DocTable {
  const changed = rows.filter((row) => row.kind !== 'same');
  const sides = (newCell: BodyCell, oldCell: BodyCell) => inOrder(order, { new: newCell, old: oldCell });
  const head = [
    sides({ text: SIDE_NAMES.new }, { text: SIDE_NAMES.old }) as HeadCell[],
    sides({ text: labels.to }, { text: labels.from }) as HeadCell[],
  ];
  const body: BodyCell[][] =
    changed.length === 0
      ? [[{ text: '変更はありません。', colSpan: 2, muted: true }]]
      : changed.map((row) => sides(proseCell(row.new, '（削除）'), proseCell(row.old, '（新設）')));
  return { head, body, equal: [0, 1] };
}

/**
 * Any section of the measure half (the table, 実施状況, 評価・課題) as the screen lays it
 * out: 区分, 箇所, 項目 and the two sides, a changed text with its edit marked.
 */
export function compareLinesDocTable(groups: readonly MeasureGroup[], order: CompareOrder, calendar: Calendar): DocTable {
  const sideHead = inOrder(order, SIDE_NAMES);
  const head: HeadCell[][] = [['区分', '箇所', '項目', ...sideHead].map((text) => ({ text }))];
  const body: BodyCell[][] = [];
  for (const group of groups) {
    group.lines.forEach((line, index) => {
      const cells: BodyCell[] = [measureKindText(line.kind)];
      if (index === 0) cells.push({ text: measurePlaceText(group.place), rowSpan: group.lines.length, header: true });
      cells.push(measureFieldText(line.field, 'ja', calendar));
      if (line.field.kind === 'renumber') cells.push({ text: renumberNoteText(line), colSpan: 2 });
      else if (line.segments) cells.push(...inOrder(order, lineSegments(line)).map((segments): BodyCell => ({ segments })));
      else cells.push(...inOrder(order, line));
      body.push(cells);
    });
  }
  if (body.length === 0) body.push([{ text: '変更はありません。', colSpan: 5, muted: true }]);
  return {
    head,
    body,
    limits: [{ max: 8 }, { min: 14, max: 30 }, { min: 8, max: 16 }, { min: 20, max: 48 }, { min: 20, max: 48 }],
    equal: [3, 4],
  };
}
