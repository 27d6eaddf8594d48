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

export const KPI_FIELD_LABELS: Record<KpiDiffField, Label> = {
  name: { ja: '指標名', en: 'KPI name' },
  formerNames: { ja: '旧指標名', en: 'Former names' },
  unit: { ja: '単位', en: 'Unit' },
  direction: { ja: '目標の方向', en: 'Direction' },
  components: { ja: '内訳', en: 'Components' },
  baselineValue: { ja: '基準値', en: 'Baseline' },
  baselineYear: { ja: '基準値の年度', en: 'Baseline year' },
  baselineLabel: { ja: '基準値の注記', en: 'Baseline note' },
  targetValue: { ja: '目標値', en: 'Target' },
  targetYear: { ja: '目標年度', en: 'Target year' },
  actual: { ja: '実績値', en: 'Actual' },
  source: { ja: '出典', en: 'Source' },
};

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
