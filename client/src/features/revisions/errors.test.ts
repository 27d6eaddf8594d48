import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ja } from '../../i18n/ja';
import type { MessageKey } from '../../i18n';
import { ApiError, isBusy } from '../../lib/api';
import { isConflict, revisionErrorMessage } from './errors';

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

  it('counts a job stopped for taking too long (503 work_timeout) as busy', () => {
    expect(isBusy(new ApiError(503, 'work_timeout', 'took too long'))).toBe(true);
    expect(revisionErrorMessage(new ApiError(503, 'work_timeout', 'took too long'), t)).toBe(ja['revisions.error.busy']);
  });

  it('says a revision that cannot be read back cannot be approved, and does not take it for a stale list', () => {
    const unreadable = new ApiError(409, 'unreadable_revision', 'This revision cannot be read back');
    expect(isConflict(unreadable)).toBe(false);
    expect(revisionErrorMessage(unreadable, t)).toBe(ja['revisions.error.unreadableRevision']);
    expect(isConflict(new ApiError(409, 'review_changed', 'moved on'))).toBe(true);
    expect(revisionErrorMessage(new ApiError(422, 'unreadable_document', 'not frozen'), t)).toBe(ja['revisions.error.unreadableDocument']);
    expect(en['revisions.error.unreadableRevision']).toMatch(/cannot be approved/);
    expect(en['revisions.error.unreadableDocument']).toMatch(/no revision was made/);
  });

  it('leaves other failures as they were', () => {
    expect(isBusy(new ApiError(500, 'internal', 'x'))).toBe(false);
    expect(revisionErrorMessage(new ApiError(500, 'internal', 'x'), t)).toBe(ja['revisions.error.failed']);
  });
});
