import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import type { MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api';
import { isBusy, revisionErrorMessage } from './errors';

const t = (key: MessageKey) => ja[key];

describe('revision errors', () => {
  it('words a refusal for load (429 rate_limited, 503 server_busy) as "busy, try again shortly", in both languages', () => {
    for (const error of [new ApiError(429, 'rate_limited', 'Too many requests'), new ApiError(503, 'server_busy', 'busy')]) {
      expect(isBusy(error)).toBe(true);
      expect(revisionErrorMessage(error, t)).toBe(ja['revisions.error.busy']);
    }
    expect(ja['revisions.error.busy']).toMatch(/混み合って/);
    expect(en['revisions.error.busy']).toMatch(/busy/);
    expect(ja['views.import.fileBusy']).toMatch(/混み合って/);
    expect(en['views.import.fileBusy']).toMatch(/busy/);
  });

  it('leaves other failures as they were', () => {
    expect(isBusy(new ApiError(500, 'internal', 'x'))).toBe(false);
    expect(revisionErrorMessage(new ApiError(500, 'internal', 'x'), t)).toBe(ja['revisions.error.failed']);
  });
});
