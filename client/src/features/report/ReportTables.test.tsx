import { DEFAULT_MEASURE_SETTINGS, NONE, buildAnnualReport, num, type KpiRecord, type MeasureTable } from '@sakutei/shared/measures';
import { measureRow, placementRow } from '@sakutei/shared/fixtures/treeRows';
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { KpiTable, ProjectTable } from './ReportTables';

const parts = (a: number, b: number) => ({ kind: 'parts' as const, parts: { 男性: num(a), 女性: num(b) } });

/** One measure with a composite KPI and a project shared by two departments. */
function table(): MeasureTable {
  const kpi: KpiRecord = {
    id: 'k1',
    attachTo: 'm1',
    key: 'a1',
    name: '審議会の委員数',
    formerNames: [],
    unit: '人',
    direction: 'higher',
    components: ['男性', '女性'],
    baseline: { value: parts(40, 60), fiscalYear: 2020, label: '' },
    target: { value: parts(50, 70), fiscalYear: 2025 },
    actuals: { '2025': parts(45, 72) },
    source: '',
  };
  const ungraded: KpiRecord = { ...kpi, id: 'k2', key: 'a2', name: '未記録の指標', components: [], baseline: { value: NONE, fiscalYear: 2020, label: '' }, target: { value: num(10), fiscalYear: 2025 }, actuals: {} };
  return {
    settings: { ...DEFAULT_MEASURE_SETTINGS, actualYears: [2025] },
    nodes: [measureRow('m1', null, 'a1', '施策'), placementRow('p1', 'm1', 'a1', 'proj1', '')],
    projects: [{ id: 'proj1', name: '創業塾', contacts: [{ organisation: '福島市', section: '産業雇用政策課', phone: '' }, { organisation: '商工会', section: '', phone: '' }] }],
    kpis: [kpi, ungraded],
    actors: [],
    roleCells: {},
  };
}

function renderIn(locale: 'ja' | 'en', ui: ReactElement) {
  localStorage.setItem('sakutei.locale', locale);
  return render(<I18nProvider>{ui}</I18nProvider>);
}

describe('report tables', () => {
  const section = buildAnnualReport(table(), {}, 2025).sections[0]!;

  it('shows a composite KPI part by part under its sum', () => {
    renderIn('ja', <KpiTable kpis={section.kpis} fiscalYear={2025} caption="成果指標" />);
    const rows = screen.getAllByTestId('report-kpi-part');
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['└ 男性', '└ 女性']);
    expect(rows[0]!.textContent).toContain('45 人');
    expect(rows[0]!.textContent).toContain('90.0%');
    expect(rows[1]!.textContent).toContain('102.9%');
  });

  it('words departments and an ungraded KPI in the reader’s language, not the documents’ Japanese', () => {
    renderIn('en', <KpiTable kpis={section.kpis} fiscalYear={2025} caption="KPIs" />);
    expect(screen.getAllByText('Cannot be graded').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toContain('評価できません');
    renderIn('en', <ProjectTable projects={section.projects} caption="Projects" />);
    expect(screen.getByText('産業雇用政策課 and 1 more')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/ほか\d/);
  });
});
