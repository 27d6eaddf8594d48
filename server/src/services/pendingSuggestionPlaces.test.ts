import type { PlanSnapshot } from '@sakutei/shared';
import { num } from '@sakutei/shared/measures';
import { describe, expect, it } from 'vitest';
import { fixtureMeasures } from './export/testing/planFixture';
import { pendingSuggestionPlaces } from './snapshot';

/** What the 409 suggestions_pending says is still undecided in a frozen revision. */

const plainProse = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '支援を拡充する。' }] }] };
const suggestedProse = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: '大幅に', marks: [{ type: 'suggestionInsert', attrs: { id: 's1', author: 'u1', at: 1 } }] }] }],
};
const cell = { id: 'c1', author: 'u1', at: 1, target: { kind: 'kpiFigure' as const, id: 'k4', field: 'targetValue' as const }, value: num(70), was: num(80) };
const snapshot = (prose: PlanSnapshot['prose'], cells: PlanSnapshot['cellSuggestions'] = undefined): PlanSnapshot => ({
  prose,
  measures: fixtureMeasures(),
  ...(cells ? { cellSuggestions: cells } : {}),
});

describe('pendingSuggestionPlaces', () => {
  it('is null when every suggestion is decided', () => {
    expect(pendingSuggestionPlaces(snapshot(plainProse))).toBeNull();
    expect(pendingSuggestionPlaces(snapshot(plainProse, []))).toBeNull();
  });

  it('names the prose, the measure table, or both', () => {
    expect(pendingSuggestionPlaces(snapshot(suggestedProse))).toBe('in the prose');
    expect(pendingSuggestionPlaces(snapshot(plainProse, [cell, { ...cell, id: 'c2' }]))).toBe('in the measure table (2 cell proposals)');
    expect(pendingSuggestionPlaces(snapshot(suggestedProse, [cell]))).toBe('in the prose and in the measure table (1 cell proposal)');
  });
});
