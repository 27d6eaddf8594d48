import { describe, expect, it } from 'vitest';
import type { NewAuditEntry, Storage } from '../../server/src/storage/index';
import type { NewSuggestionDecision } from '../../server/src/storage/suggestions';
import { storageBackends } from '../support/storageBackends';

/**
 * The suggestion store's contract (issue 16: who decides in a council, the record of each
 * decision) and the review options on a revision, on SQLite and PostgreSQL.
 */

const backends = storageBackends('suggestions').backends.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;

async function council(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  for (const [id, role] of [['chair', 'chair'], ['m', 'member'], ['o', 'observer'], ['o2', 'observer']] as const) {
    await storage.accounts.createUser({ id, email: `${id}@example.jp`, name: `名前 ${id}`, passwordHash: 'x', isDemo: false });
    await storage.workspaces.setMembership('w', id, role);
  }
  await storage.plans.create({ id: 'p', workspaceId: 'w', title: '計画', docName: 'plan-p', periodFrom: null, periodTo: null, status: 'drafting', previousPlanId: null }, T0);
}

const decision = (suggestionId: string, over: Partial<NewSuggestionDecision> = {}): NewSuggestionDecision => ({
  planId: 'p',
  suggestionId,
  decision: 'accept',
  authorId: 'm',
  suggestedAt: T0,
  inserted: '70店舗',
  deleted: '80店舗',
  changes: { formats: [], structure: [] },
  decidedBy: 'chair',
  decidedAt: T0 + 1,
  conflictOf: null,
  ...over,
});

const entry = (details: Record<string, unknown>): NewAuditEntry => ({ at: T0 + 1, kind: 'suggestion.accepted', workspaceId: 'w', planId: 'p', actorId: 'chair', details });

describe.each(backends)('suggestion storage (%s)', (_name, open) => {
  it('stores decisions with their wording and audit entries, and pages them newest first', async () => {
    const storage = await open();
    await council(storage);
    await storage.suggestions.record(
      [decision('s1'), decision('s3', { decision: 'reject', authorId: 'someone-gone', inserted: '60店舗', conflictOf: 's1' })],
      [entry({ suggestionId: 's1' }), entry({ suggestionId: 's3' })],
    );
    await storage.suggestions.record([decision('s2', { decision: 'reject', inserted: '（仮）', deleted: '' })], [entry({ suggestionId: 's2' })]);
    // A proposal of formatting and a new paragraph keeps what it proposed after its marks are gone.
    const changes = { formats: [{ mark: 'bold', action: 'add' as const, text: '重要' }], structure: [{ op: 'split' as const, block: '', level: 0 }] };
    await storage.suggestions.record([decision('s4', { inserted: '\n新しい段落', deleted: '', changes })], [entry({ suggestionId: 's4' })]);
    expect((await storage.suggestions.listForPlan('p', 1))[0]).toMatchObject({ suggestionId: 's4', inserted: '\n新しい段落', changes });
    const all = (await storage.suggestions.listForPlan('p', 10)).filter((d) => d.suggestionId !== 's4');
    expect(all.map((d) => d.suggestionId)).toEqual(['s2', 's3', 's1']);
    expect(all[0]!.changes).toEqual({ formats: [], structure: [] });
    expect(all[1]).toMatchObject({ decision: 'reject', inserted: '60店舗', deleted: '80店舗', authorId: 'someone-gone', authorName: null, conflictOf: 's1', decidedByName: '名前 chair', suggestedAt: T0 });
    expect(all[2]).toMatchObject({ authorName: '名前 m', decidedBy: 'chair', decidedAt: T0 + 1 });
    const first = await storage.suggestions.listForPlan('p', 3);
    expect(first.map((d) => d.suggestionId)).toEqual(['s4', 's2', 's3']);
    expect((await storage.suggestions.listForPlan('p', 2, first[2]!.seq)).map((d) => d.suggestionId)).toEqual(['s1']);
    expect(await storage.suggestions.listForPlan('other', 10)).toEqual([]);
    const audit = await storage.audit.listForPlan('p', 'w', 10);
    expect(audit.map((e) => e.details['suggestionId'])).toEqual(['s4', 's2', 's3', 's1']);
  });

  it('stores nothing when the audit entry cannot be written: no decision without its record', async () => {
    const storage = await open();
    await council(storage);
    // A BigInt cannot be written as JSON: the record fails inside the transaction.
    await expect(storage.suggestions.record([decision('s1')], [entry({ n: 1n })])).rejects.toThrow();
    expect(await storage.suggestions.listForPlan('p', 10)).toEqual([]);
    expect(await storage.audit.listForPlan('p', 'w', 10)).toEqual([]);
  });

  it("keeps the council's choice of deciders, 'editors' by default, with its audit entry", async () => {
    const storage = await open();
    await council(storage);
    expect(await storage.suggestions.decidersOf('w')).toBe('editors');
    expect(await storage.suggestions.decidersOf('no-such-council')).toBe('editors');
    await storage.suggestions.setDeciders('w', 'chair', { at: T0, kind: 'council.suggestionDecidersChanged', workspaceId: 'w', planId: null, actorId: 'chair', details: { from: 'editors', to: 'chair' } });
    expect(await storage.suggestions.decidersOf('w')).toBe('chair');
    expect((await storage.audit.listForPlan('p', 'w', 10)).map((e) => e.kind)).toEqual(['council.suggestionDecidersChanged']);
  });

  it("keeps a review's options from its opening", async () => {
    const storage = await open();
    await council(storage);
    await storage.revisions.create({ id: 'r', planId: 'p', name: '素案', stage: '素案', authorId: 'chair', createdAt: T0, hash: 'h', review: { status: 'draft' }, state: new Uint8Array([0, 0]), canonical: '{}' });
    expect(await storage.revisions.find('r')).toMatchObject({ suggestionsOnly: false, requireSuggestionsDecided: false, invitedMaySuggest: false });
    const opened = await storage.revisions.updateReview(
      'r',
      'draft',
      { status: 'in_review', openedBy: 'chair' },
      { openedAt: T0, suggestionsOnly: true, requireSuggestionsDecided: true, invitedMaySuggest: true },
    );
    expect(opened).toBe(true);
    expect(await storage.revisions.find('r')).toMatchObject({ suggestionsOnly: true, requireSuggestionsDecided: true, invitedMaySuggest: true });
    // Later steps name no options and leave them as they were.
    await storage.revisions.updateReview('r', 'in_review', { status: 'withdrawn', openedBy: 'chair', withdrawnBy: 'chair' }, {});
    expect((await storage.revisions.list('p'))[0]).toMatchObject({ suggestionsOnly: true, requireSuggestionsDecided: true, invitedMaySuggest: true, review: { status: 'withdrawn' } });
  });

  it('lists only the reviews open now, with their invitees, delegate and options', async () => {
    const storage = await open();
    await council(storage);
    const revision = (id: string) =>
      storage.revisions.create({ id, planId: 'p', name: id, stage: '素案', authorId: 'chair', createdAt: T0, hash: 'h', review: { status: 'draft' }, state: new Uint8Array([0, 0]), canonical: '{}' });
    for (const id of ['closed', 'draft', 'open1', 'open2']) await revision(id);
    expect(await storage.revisions.openReviews('p')).toEqual([]);
    const inReview = { status: 'in_review' as const, openedBy: 'chair' };
    await storage.revisions.updateReview('closed', 'draft', inReview, { invitedIds: ['o'], invitedMaySuggest: true });
    await storage.revisions.updateReview('closed', 'in_review', { status: 'withdrawn', openedBy: 'chair', withdrawnBy: 'chair' }, {});
    await storage.revisions.updateReview('open1', 'draft', inReview, { invitedIds: ['o2', 'o'], invitedMaySuggest: true, delegateId: 'm' });
    await storage.revisions.updateReview('open2', 'draft', inReview, { suggestionsOnly: true });
    expect(await storage.revisions.openReviews('p')).toEqual([
      { revisionId: 'open1', delegateId: 'm', invitedIds: ['o', 'o2'], suggestionsOnly: false, invitedMaySuggest: true },
      { revisionId: 'open2', delegateId: null, invitedIds: [], suggestionsOnly: true, invitedMaySuggest: false },
    ]);
    expect(await storage.revisions.openReviews('no-such-plan')).toEqual([]);
  });
});
