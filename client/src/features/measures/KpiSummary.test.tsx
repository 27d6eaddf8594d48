import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_RULES, num, type KpiRecord } from '@sakutei/shared/measures';
import { renderJa } from '../../app/testing/render';
import { KpiSummary } from './KpiSummary';

const parts = (a: number, b: number) => ({ kind: 'parts' as const, parts: { 男性: num(a), 女性: num(b) } });

describe('KpiSummary parts', () => {
  it('shows each part’s 達成率 by the same rule as the whole: a target-0 part reads 達成, not —', () => {
    const kpi: KpiRecord = {
      id: 'k',
      attachTo: '',
      key: '',
      name: '待機児童数',
      formerNames: [],
      unit: '人',
      direction: 'lower',
      components: ['男性', '女性'],
      baseline: { value: parts(5, 3), fiscalYear: 2020, label: '' },
      target: { value: parts(0, 3), fiscalYear: 2025 },
      actuals: { '2025': parts(0, 2) },
      source: '',
    };
    renderJa(<KpiSummary kpi={kpi} rules={DEFAULT_GRADE_RULES} />);
    const [zero, other] = screen.getAllByTestId('kpi-part');
    // Judged only as met or not: the 達成率 is the word, said once.
    expect(zero!.textContent).toBe('男性 達成率 達成');
    // 3 ÷ 2 on a lower-is-better part, then whether it is met.
    expect(other!.textContent).toBe('女性 達成率 150.0% · 達成');
  });
});
