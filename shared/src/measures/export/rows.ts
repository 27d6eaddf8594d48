import { formatFiscalYear, parseFiscalYear } from '../fiscalYear';
import { inferKpiDirection } from '../import/kpiList';
import type { Contact, KpiDirection, KpiRecord, MeasureSettings, Measured } from '../model';
import { PROJECT_STATUS_LABELS } from '../model';
import { fromCircled } from '../numbering';
import type { DerivedKpi, DerivedTable } from '../tree';
import { formatMeasured } from '../valueText';

/**
 * The measure table and the KPI list as rows of cells, for `toDelimited` (clipboard, CSV)
 * or a spreadsheet writer. Both are laid out as the programmes print them and read back
 * through `importHierarchy` / `importKpiList` unchanged.
 */

export const MEASURE_TABLE_HEADER = ['番号', '名称', '区分', '状況', '内容', '担当・連絡先', '成果指標'] as const;

/** The 成果指標一覧: two header rows (実績値 over its years), then one row per KPI in plan order. */
export function kpiListRows(derived: DerivedTable, settings: MeasureSettings): string[][] {
  const years = settings.actualYears;
  const withSource = derived.kpis.some((entry) => entry.kpi.source !== '');
  const headed = (word: string, year: number | null) => (year === null ? word : `${word} ${formatFiscalYear(year)}`);

  const first = ['No', '成果指標 (旧指標名)', headed('基準値', settings.baselineYear), headed('目標値', settings.targetYear)];
  const second = ['', '', '', ''];
  years.forEach((year, i) => {
    first.push(i === 0 ? '実績値' : '');
    second.push(yearHeader(year));
  });
  if (withSource) {
    first.push('出典');
    second.push('');
  }

  const rows = derived.kpis.map(({ kpi, mark }) => {
    const options = { components: kpi.components };
    const row = [
      mark,
      [kpi.name, ...kpi.formerNames.map((former) => `(${former})`)].join('\n'),
      baselineCell(kpi, settings),
      targetCell(kpi, settings),
      ...years.map((year) => formatMeasured(kpi.actuals[String(year)] ?? { kind: 'blank' }, kpi.unit, options)),
    ];
    if (withSource) row.push(kpi.source);
    return row;
  });
  return years.length > 0 ? [first, second, ...rows] : [first, ...rows];
}

/** `4年度` as the programme prints it, unless the era would be ambiguous on reading back. */
function yearHeader(year: number): string {
  const short = formatFiscalYear(year, 'eraYearOnly');
  return parseFiscalYear(short, { defaultEra: '令和' }) === year ? short : formatFiscalYear(year);
}

/**
 * A year note for a figure whose year is not the column's: the printed label when it says
 * the right year, else one made up (`(R1)`), so the year survives a round trip.
 */
function yearNote(label: string, fiscalYear: number | null, columnYear: number | null): string {
  if (label !== '' && parseFiscalYear(label) === fiscalYear) return label;
  if (fiscalYear === null || fiscalYear === columnYear) return label;
  return `(${formatFiscalYear(fiscalYear, 'eraShort')})`;
}

function withNote(figure: string, note: string): string {
  // A note on an empty cell would read back as a figure that is missing its number.
  return figure === '' || note === '' ? figure : `${figure} ${note}`;
}

function baselineCell(kpi: KpiRecord, settings: MeasureSettings): string {
  const figure = formatMeasured(kpi.baseline.value, kpi.unit, { components: kpi.components });
  return withNote(figure, yearNote(kpi.baseline.label, kpi.baseline.fiscalYear, settings.baselineYear));
}

const DIRECTION_WORDS: Record<KpiDirection, string> = { higher: '以上', lower: '以下', keep: '維持' };

function targetCell(kpi: KpiRecord, settings: MeasureSettings): string {
  const { value } = kpi.target;
  const figure = formatMeasured(value, kpi.unit, { components: kpi.components });
  if (figure === '') return '';
  // The programme writes 以下 on a lower-is-better target (`24,200 t 以下`) but not on a
  // target of zero (`0 人`). Any other direction is spelt out only when the figures alone
  // would suggest a different one.
  const word =
    (kpi.direction === 'lower' && !isZero(value)) || inferKpiDirection(kpi.baseline.value, value) !== kpi.direction
      ? ` ${DIRECTION_WORDS[kpi.direction]}`
      : '';
  return withNote(figure + word, yearNote('', kpi.target.fiscalYear, settings.targetYear));
}

function isZero(value: Measured): boolean {
  return value.kind === 'number' && value.value === 0;
}

/** `組織 部署 TEL 電話`, the form `parseContacts` reads. */
export function formatContact(contact: Contact): string {
  const who = [contact.organisation, contact.section].filter((part) => part !== '').join(' ');
  return contact.phone === '' ? who : `${who} TEL ${contact.phone}`.trim();
}

/** The measure table in the `番号 | 名称 | 区分 | 状況 | 内容 | 担当・連絡先 | 成果指標` format. */
export function measureTableRows(derived: DerivedTable): string[][] {
  const rows = derived.rows.map((row) => {
    const { node } = row;
    const placement = node.kind === 'placement';
    const name = placement && row.reprintOf !== null ? `${row.title} (再掲)` : row.title;
    const kpis = row.kpiIds.flatMap((id) => {
      const entry = derived.kpiById.get(id);
      return entry ? [entry] : [];
    });
    return [
      row.number,
      name,
      placement ? '事業' : '施策',
      node.status === null ? '' : PROJECT_STATUS_LABELS[node.status],
      node.description,
      (row.project?.contacts ?? []).map(formatContact).join('\n'),
      kpiMarks(kpis),
    ];
  });
  return [[...MEASURE_TABLE_HEADER], ...rows];
}

/** `⑰⑱` as printed; numbers with commas once there are more KPIs than circled digits. */
function kpiMarks(kpis: readonly DerivedKpi[]): string {
  const circled = kpis.every((entry) => [...entry.mark].length === 1 && fromCircled(entry.mark) !== null);
  return circled ? kpis.map((entry) => entry.mark).join('') : kpis.map((entry) => String(entry.number)).join(',');
}
