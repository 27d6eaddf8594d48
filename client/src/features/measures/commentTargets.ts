import { KPI_ANCHOR_FIELDS, NODE_ANCHOR_FIELDS, type MeasureTarget } from '@sakutei/shared';
import { formatFiscalYear, type DerivedKpi, type DerivedRow } from '@sakutei/shared/measures';
import type { Locale, MessageKey, Translate } from '../../i18n';
import type { GridField } from './gridModel';
import { yearLong } from './kpiFormat';

export type NodeCommentField = (typeof NODE_ANCHOR_FIELDS)[number];
export type KpiCommentField = (typeof KPI_ANCHOR_FIELDS)[number];

export function isNodeCommentField(field: string): field is NodeCommentField {
  return (NODE_ANCHOR_FIELDS as readonly string[]).includes(field);
}

export function isKpiCommentField(field: string): field is KpiCommentField {
  return (KPI_ANCHOR_FIELDS as readonly string[]).includes(field);
}

/**
 * What a comment on a grid cell is about. The 番号 cell stands for the whole row; so does
 * the KPI-marks cell, since each KPI is commented on in the panel.
 */
export type NodeTarget = Extract<MeasureTarget, { kind: 'node' }>;

export function gridCellTarget(rowId: string, field: GridField): NodeTarget {
  return { kind: 'node', id: rowId, field: isNodeCommentField(field) ? field : null };
}

/**
 * Which cell shows a target's badge; null for the KPI-marks and 実施状況 cells, which show
 * none (a comment there is on the whole row, whose badge the 番号 cell shows).
 */
export function badgeTargetOf(rowId: string, field: GridField): MeasureTarget | null {
  return field === 'kpis' || field === 'progress' ? null : gridCellTarget(rowId, field);
}

export function kpiTarget(kpiId: string, field: KpiCommentField | null, fiscalYear: number | null = null): MeasureTarget {
  return { kind: 'kpi', id: kpiId, field, fiscalYear: field === 'actual' ? fiscalYear : null };
}

// ---------------------------------------------------------------- quotes

/*
 * The quote is stored with the thread and printed in the 委員意見と対応 table, which the
 * council keeps in Japanese; so it is written in Japanese whatever language the person
 * commenting reads the app in (as DISPOSITION_LABELS are).
 */
const QUOTE_NODE_FIELDS: Record<NodeCommentField, string> = {
  title: '名称',
  description: '内容',
  status: '状況',
  contacts: '担当・連絡先',
};
const QUOTE_KPI_FIELDS: Record<KpiCommentField, string> = {
  name: '指標名',
  unit: '単位',
  direction: '方向',
  baseline: '基準値',
  target: '目標値',
  actual: '実績値',
  source: '出典',
};
const QUOTE_UNTITLED = '（名称未入力）';
const QUOTE_KPI = '成果指標';
const QUOTE_NAME_CHARS = 40;

/** Long names are cut, since the quote only has to say where. */
function clip(text: string): string {
  const chars = [...text.trim()];
  return chars.length > QUOTE_NAME_CHARS ? `${chars.slice(0, QUOTE_NAME_CHARS).join('')}…` : chars.join('');
}

/** `1(1)② 産業支援コーディネート事業（内容）`, or without the field for the whole row. */
export function rowQuote(row: DerivedRow, field: NodeCommentField | null): string {
  const name = [row.path, clip(row.title) || QUOTE_UNTITLED].filter(Boolean).join(' ');
  return field === null ? name : `${name}（${QUOTE_NODE_FIELDS[field]}）`;
}

/** `成果指標⑩ 実績値 R5`, `成果指標⑩ 出典`, or `成果指標⑩ 市支援事業のうち…` for the whole KPI. */
export function kpiQuote(entry: DerivedKpi, field: KpiCommentField | null, fiscalYear: number | null): string {
  const kpi = `${QUOTE_KPI}${entry.mark}`;
  if (field === null) return entry.kpi.name.trim() === '' ? kpi : `${kpi} ${clip(entry.kpi.name)}`;
  const year = field === 'actual' && fiscalYear !== null ? ` ${formatFiscalYear(fiscalYear, 'eraShort')}` : '';
  return `${kpi} ${QUOTE_KPI_FIELDS[field]}${year}`;
}

// ---------------------------------------------------------------- on-screen names

const NODE_FIELD_LABELS: Record<NodeCommentField, MessageKey> = {
  title: 'measures.column.title',
  description: 'measures.column.description',
  status: 'measures.column.status',
  contacts: 'measures.column.contacts',
};
const KPI_FIELD_LABELS: Record<KpiCommentField, MessageKey> = {
  name: 'measures.kpi.name',
  unit: 'measures.kpi.unit',
  direction: 'measures.kpi.direction',
  baseline: 'measures.kpi.baseline',
  target: 'measures.kpi.target',
  actual: 'measures.kpi.actual',
  source: 'measures.kpi.source',
};

/** Where a row target is, in the reader's language, for button labels. */
export function describeRowTarget(row: DerivedRow, field: NodeCommentField | null, t: Translate): string {
  const name = row.path || row.title || t('measures.row.untitled');
  return field === null
    ? t('measures.comments.where.row', { row: name })
    : t('measures.comments.where.cell', { row: name, column: t(NODE_FIELD_LABELS[field]) });
}

export function describeKpiTarget(
  entry: DerivedKpi,
  field: KpiCommentField | null,
  fiscalYear: number | null,
  t: Translate,
  locale: Locale,
): string {
  if (field === null) return t('measures.comments.where.kpi', { mark: entry.mark });
  if (field === 'actual' && fiscalYear !== null) {
    return t('measures.comments.where.kpiActual', { mark: entry.mark, year: yearLong(fiscalYear, locale) });
  }
  return t('measures.comments.where.kpiField', { mark: entry.mark, field: t(KPI_FIELD_LABELS[field]) });
}
