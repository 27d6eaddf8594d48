import { DEFAULT_MEASURE_SETTINGS, planSettingsOf, planSettingsSchema } from '@sakutei/shared/measures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingsForm, followingSchemeName, fromForm, levelNamesInRow, patchBetween, toForm } from './settingsForm';

const current = planSettingsOf({ settings: DEFAULT_MEASURE_SETTINGS, actors: [{ id: 'a1', name: '事業者', key: 'a0' }] });

describe('the 計画の設定 form', () => {
  it('round-trips the settings, and sends only what changed', () => {
    expect(fromForm(toForm(current))).toEqual(current);
    expect(patchBetween(current, fromForm(toForm(current)))).toBeNull();
    const form = toForm(current);
    form.levels[1]!.name = ' 基本施策 ';
    form.targetYear = '2024';
    expect(patchBetween(current, fromForm(form))).toEqual({
      levels: [current.levels[0], { name: '基本施策', numbering: '({arabic})' }, current.levels[2]],
      targetYear: 2024,
    });
  });

  it('names the field at fault with a message key', () => {
    const form = toForm(current);
    form.levels[1]!.name = '';
    form.actualYears = [{ year: 2023 }, { year: 2023 }];
    form.gradeRules = [
      { grade: 'A', label: '', kind: 'progressAtLeast', percent: 50, tone: 'blue' },
      { grade: 'S', label: '', kind: 'progressAtLeast', percent: 100, tone: 'green' },
    ];
    const result = SettingsForm.safeParse(form);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'levels.1.name settings.error.required',
        'actualYears.1.year settings.error.duplicate',
        'gradeRules.1.percent settings.error.thresholdOrder',
        'targetYear settings.error.targetNotColumn',
      ]),
    );
  });

  it('property: whatever the form accepts, the server accepts too', () => {
    const level = fc.record({ name: fc.string({ maxLength: 45 }), numbering: fc.constantFrom('{arabic}', '({arabic})', '{parent}-{arabic}', '', '{katakana}') });
    fc.assert(
      fc.property(fc.array(level, { maxLength: 9 }), fc.array(fc.integer({ min: 2018, max: 2030 }), { maxLength: 6 }), (levels, years) => {
        const form = { ...toForm(current), levels, actualYears: years.map((year) => ({ year })), targetYear: years.length > 0 ? String(years.at(-1)) : '', roleMatrixLevel: 0 };
        if (SettingsForm.safeParse(form).success) expect(planSettingsSchema.safeParse(fromForm(form)).success).toBe(true);
      }),
    );
  });
});

describe('the scheme name beside renamed levels', () => {
  const before = levelNamesInRow([{ name: '施策体系' }, { name: '施策' }, { name: ' 主要な事業 ' }]);

  it('follows the levels while it is only their names in a row', () => {
    expect(before).toBe('施策体系・施策・主要な事業');
    expect(followingSchemeName('施策体系・施策・主要な事業', before, '基本目標・基本施策・主要な事業')).toBe('基本目標・基本施策・主要な事業');
  });

  it('keeps a name of its own, and changes nothing when the levels did not change', () => {
    expect(followingSchemeName('第2期プログラムの体系', before, '基本目標・基本施策・主要な事業')).toBe('第2期プログラムの体系');
    expect(followingSchemeName('施策体系・施策・主要な事業', before, before)).toBe('施策体系・施策・主要な事業');
  });
});

