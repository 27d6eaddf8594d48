import { describe, expect, it } from 'vitest';
import type { Storage } from '../../server/src/storage/index';
import { storageBackends } from '../support/storageBackends';

/** The plan store's contract (storage.plans: period, status, editions, last edit), on SQLite and PostgreSQL. */

const backends = storageBackends('plans').backends.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;

async function council(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  await storage.accounts.createUser({ id: 'u', email: 'u@example.jp', name: '事務局', passwordHash: 'x', isDemo: false });
  await storage.workspaces.setMembership('w', 'u', 'staff');
}

const plan = (id: string, extra: Partial<{ previousPlanId: string; periodFrom: number; periodTo: number }> = {}) => ({
  id,
  workspaceId: 'w',
  title: `計画 ${id}`,
  docName: `plan-${id}`,
  periodFrom: extra.periodFrom ?? null,
  periodTo: extra.periodTo ?? null,
  status: 'drafting' as const,
  previousPlanId: extra.previousPlanId ?? null,
});

describe.each(backends)('plan storage (%s)', (_name, open) => {
  it('creates, finds and updates a plan with its period and status', async () => {
    const storage = await open();
    await council(storage);
    await storage.plans.create(plan('a', { periodFrom: 2022, periodTo: 2025 }), T0);
    expect(await storage.plans.find('a')).toEqual({
      id: 'a',
      workspaceId: 'w',
      title: '計画 a',
      docName: 'plan-a',
      periodFrom: 2022,
      periodTo: 2025,
      status: 'drafting',
      previousPlanId: null,
      archivedAt: null,
      editedAt: null,
      createdAt: T0,
    });
    // The workspace store sees it as any plan.
    expect(await storage.workspaces.findPlan('a')).toMatchObject({ id: 'a', docName: 'plan-a' });
    await storage.plans.update('a', { status: 'active', periodTo: 2026, title: '改題' });
    expect(await storage.plans.find('a')).toMatchObject({ status: 'active', periodFrom: 2022, periodTo: 2026, title: '改題' });
    await storage.plans.update('a', { periodFrom: null, periodTo: null });
    expect(await storage.plans.find('a')).toMatchObject({ periodFrom: null, periodTo: null });
    await storage.plans.update('a', {});
    expect(await storage.plans.find('missing')).toBeNull();
  });

  it('archives once, links editions, and lists without archived councils', async () => {
    const storage = await open();
    await council(storage);
    await storage.plans.create(plan('a'), T0);
    expect(await storage.plans.archive('a', T0 + 1)).toBe(true);
    expect(await storage.plans.archive('a', T0 + 2)).toBe(false);
    expect((await storage.plans.find('a'))?.archivedAt).toBe(T0 + 1);
    await storage.plans.create(plan('b', { previousPlanId: 'a' }), T0 + 3);
    expect(await storage.plans.nextEditionOf('a')).toBe('b');
    expect(await storage.plans.nextEditionOf('b')).toBeNull();
    const listed = await storage.plans.listVisibleTo('u');
    expect(listed.map((p) => [p.id, p.role, p.workspaceName, p.previousPlanId])).toEqual([
      ['a', 'staff', '福島市中小企業振興会議', null],
      ['b', 'staff', '福島市中小企業振興会議', 'a'],
    ]);
    expect(await storage.plans.listVisibleTo('nobody')).toEqual([]);
    await storage.plans.unarchive('a');
    expect((await storage.plans.find('a'))?.archivedAt).toBeNull();
    await storage.admin.setWorkspaceArchived('w', T0 + 4);
    expect(await storage.plans.listVisibleTo('u')).toEqual([]);
  });

  it('stamps the last edit by document, never backwards', async () => {
    const storage = await open();
    await council(storage);
    await storage.plans.create(plan('a'), T0);
    await storage.plans.touchEdited('plan-a', T0 + 10);
    await storage.plans.touchEdited('plan-a', T0 + 5);
    expect((await storage.plans.find('a'))?.editedAt).toBe(T0 + 10);
    await storage.plans.touchEdited('plan-unknown', T0 + 20);
    expect((await storage.plans.find('a'))?.editedAt).toBe(T0 + 10);
  });
});
