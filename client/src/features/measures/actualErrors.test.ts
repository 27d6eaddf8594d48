import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import { ApiError } from '../../lib/api';
import { actualSaveErrorKey } from './actualErrors';

describe('actualSaveErrorKey', () => {
  it('words the server\'s refusals of an actual in both languages, not in its English message', () => {
    expect(ja[actualSaveErrorKey(new ApiError(400, 'fiscal_year_not_tracked', 'The plan does not track fiscal year 2031'))]).toMatch(/計画の設定/);
    expect(en[actualSaveErrorKey(new ApiError(400, 'fiscal_year_not_tracked', 'x'))]).toMatch(/plan settings/);
    expect(ja[actualSaveErrorKey(new ApiError(400, 'unknown_component', 'x'))]).toMatch(/内訳/);
    expect(en[actualSaveErrorKey(new ApiError(400, 'unknown_component', 'x'))]).toMatch(/component/);
    expect(actualSaveErrorKey(new ApiError(503, 'work_timeout', 'x'))).toBe('measures.kpi.saveBusy');
    expect(actualSaveErrorKey(new Error('offline'))).toBe('measures.kpi.saveFailed');
  });
});
