import { KPI_FIELD_LIST } from '../measures/kpiFields';
import type { KpiDiffField, RowDiffField, SettingDiffField } from '../revisions/measureDiff';

/**
 * What the 新旧対照表 calls each compared field, in Japanese and English. The screen and
 * every export read this one table, so the 項目 column never shows an internal key
 * (`title`) and the document and the screen never disagree on a word.
 */

export type Locale = 'ja' | 'en';
type Label = Record<Locale, string>;

export const ROW_FIELD_LABELS: Record<RowDiffField, Label> = {
  kind: { ja: '区分', en: 'Type' },
  title: { ja: '名称', en: 'Title' },
  description: { ja: '内容', en: 'Description' },
  status: { ja: '事業の状況', en: 'Project status' },
  contacts: { ja: '担当', en: 'Contacts' },
};

/** From the one list of KPI fields (measures/kpiFields.ts), so a new field is labelled where it is added. */
export const KPI_FIELD_LABELS = Object.fromEntries(KPI_FIELD_LIST.map((spec) => [spec.field, { ja: spec.ja, en: spec.en }])) as Record<
  KpiDiffField,
  Label
>;

export const SETTING_FIELD_LABELS: Record<SettingDiffField, Label> = {
  schemeName: { ja: '体系の名称', en: 'Scheme name' },
  levels: { ja: '階層', en: 'Levels' },
  actualYears: { ja: '実績値の年度', en: 'Years of actuals' },
  baselineYear: { ja: '基準年度', en: 'Baseline year' },
  targetYear: { ja: '目標年度', en: 'Target year' },
  gradeRules: { ja: '評価の基準', en: 'Grading rules' },
  roleMatrixLevel: { ja: '役割分担表の階層', en: 'Role matrix level' },
  kpiDirection: { ja: '指標の方向（既定）', en: 'Default KPI direction' },
};

export const OTHER_FIELD_LABELS = {
  number: { ja: '番号', en: 'Number' },
  position: { ja: '位置', en: 'Position' },
  actor: { ja: '主体', en: 'Actor' },
} as const satisfies Record<string, Label>;

/** `実績値（令和5年度）`, `役割分担（商工会議所）`. */
export function actualOfLabel(year: string, locale: Locale): string {
  return locale === 'ja' ? `実績値（${year}）` : `Actual (${year})`;
}

export function roleCellLabel(actorName: string, locale: Locale): string {
  return locale === 'ja' ? `役割分担（${actorName}）` : `Role (${actorName})`;
}
