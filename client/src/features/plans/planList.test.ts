import type { PlanListItem } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { groupEditions } from './PlanListPage';
import { periodText, stageText } from './planText';

const plan = (id: string, links: { previous?: string; next?: string } = {}): PlanListItem => ({
  id,
  title: `計画 ${id}`,
  workspaceId: 'w',
  workspaceName: '会議',
  docName: `plan-${id}`,
  role: 'staff',
  periodFrom: 2022,
  periodTo: 2025,
  status: 'drafting',
  previousPlanId: links.previous ?? null,
  archivedAt: links.next ? '2026-03-01T00:00:00.000Z' : null,
  editedAt: null,
  createdAt: '2025-04-01T00:00:00.000Z',
  stage: null,
  reviewsWaiting: 0,
  unread: 0,
  nextPlanId: links.next ?? null,
});

describe('groupEditions', () => {
  it('folds a chain of editions under the newest, newest first', () => {
    const groups = groupEditions([plan('r6', { next: 'r7' }), plan('other'), plan('r7', { previous: 'r6', next: 'r8' }), plan('r8', { previous: 'r7' })]);
    expect(groups.map((g) => [g.plan.id, g.earlier.map((p) => p.id)])).toEqual([
      ['other', []],
      ['r8', ['r7', 'r6']],
    ]);
  });

  it('keeps an archived edition on its own when its successor is not listed', () => {
    expect(groupEditions([plan('r6', { next: 'hidden' })]).map((g) => g.plan.id)).toEqual(['r6']);
  });
});

describe('plan text', () => {
  const t = ((key: string, params?: Record<string, unknown>) => `${key}${params ? JSON.stringify(params) : ''}`) as never;
  it('prints the period in the reader’s calendar', () => {
    expect(periodText(plan('a'), 'ja')).toBe('令和4年度〜令和7年度');
    expect(periodText(plan('a'), 'en')).toBe('FY2022–FY2025');
    expect(periodText({ periodFrom: null, periodTo: null }, 'ja')).toBeNull();
  });
  it('names the latest revision and its review', () => {
    expect(stageText(null, t)).toBe('plans.stage.none');
    expect(stageText({ revisionId: 'r', number: 2, name: '素案', stage: '素案', reviewStatus: 'in_review' }, t)).toContain('"number":2');
  });
});

describe('the 新旧対照表 against last year has an address of its own', () => {
  it('is matched beside the plan page', async () => {
    const { matchRoute } = await import('../../app/router');
    expect(matchRoute('/plans/p1/compare-previous')).toEqual({ name: 'comparePrevious', planId: 'p1' });
    expect(matchRoute('/plans/p1')).toEqual({ name: 'plan', planId: 'p1' });
    expect(matchRoute('/plans/p1/compare-other').name).toBe('notFound');
  });
});
