import { describe, expect, it } from 'vitest';
import { actualRefusal } from './actualCheck';
import { num } from './model';

const YEARS = [2022, 2023, 2024, 2025];
const single = { components: [] };
const households = { components: ['複数', '単身'] };

describe('actualRefusal', () => {
  it('accepts a figure for a tracked year and the components the KPI has, even some of them', () => {
    expect(actualRefusal(single, YEARS, 2024, num(3))).toBeNull();
    expect(actualRefusal(single, YEARS, 2025, { kind: 'judgement', met: true, note: '' })).toBeNull();
    expect(actualRefusal(households, YEARS, 2023, { kind: 'parts', parts: { 単身: num(1) } })).toBeNull();
  });

  it('refuses a year outside the columns, naming the columns, but lets any year be cleared', () => {
    const refusal = actualRefusal(single, YEARS, 2031, num(3));
    expect(refusal?.code).toBe('fiscal_year_not_tracked');
    expect(refusal?.message).toContain('2031');
    expect(refusal?.message).toContain('2022, 2023, 2024, 2025');
    expect(actualRefusal(single, [], 2024, { kind: 'none' })?.message).toContain('none yet');
    expect(actualRefusal(single, YEARS, 2031, { kind: 'blank' })).toBeNull();
  });

  it('refuses a component the KPI does not have, naming the ones it has', () => {
    const refusal = actualRefusal(households, YEARS, 2024, { kind: 'parts', parts: { 複数: num(1), 三世代: num(2) } });
    expect(refusal?.code).toBe('unknown_component');
    expect(refusal?.message).toContain('三世代');
    expect(refusal?.message).toContain('複数, 単身');
    expect(refusal?.message).not.toContain('複数, 三世代');
  });

  it('refuses parts on a KPI with no components', () => {
    const refusal = actualRefusal(single, YEARS, 2024, { kind: 'parts', parts: { 合計: num(1) } });
    expect(refusal?.code).toBe('unknown_component');
    expect(refusal?.message).toContain('no components');
  });
});
