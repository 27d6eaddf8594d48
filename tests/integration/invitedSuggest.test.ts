import fs from 'node:fs';
import path from 'node:path';
import { CLOSE_CODES, type PlanSummary } from '@sakutei/shared';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_FILE } from '../../server/src/storage/sqlite/database';
import { type CollabClient, appendParagraph, askStored, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, cli, startServer } from '../support/server';

/**
 * Observers invited to a review that lets its invitees suggest (invitedMaySuggest): while it is
 * open they suggest on the live draft over a real websocket, exactly as a suggest-only
 * connection may (a plain edit is refused); when it closes their connection ends; an observer
 * not invited, or invited to a review without the option, gets nothing of the draft.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
let server: TestServer;
let plan: PlanSummary;
let staff: Signed, chair: Signed, observer: Signed, outsider: Signed;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer();
  [staff, chair, observer] = (await Promise.all(['staff', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await chair.plans()) as [PlanSummary];
  cli(server.dataDir, ['user', 'add', '--email', 'observer2@example.jp', '--name', '傍聴 二人目', '--password', 'observer-two-password']);
  cli(server.dataDir, ['member', 'set', '--workspace', plan.workspaceId, '--email', 'observer2@example.jp', '--role', 'observer']);
  outsider = await signedIn(server.url, 'observer2@example.jp', 'observer-two-password');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function connect(who: Signed): CollabClient {
  const client = connectCollab(server.wsUrl, plan.docName, { cookie: who.cookie });
  clients.push(client);
  return client;
}

/** Connects, and resolves with how the server answered: synced, or closed with a code. */
async function outcome(who: Signed): Promise<{ synced: CollabClient } | { closed: number }> {
  const client = connect(who);
  return Promise.race([
    client.synced.then(() => ({ synced: client })),
    waitFor(() => client.closes.length > 0, 'a refusal').then(() => ({ closed: client.closes[0]!.code })),
  ]);
}

function firstRun(doc: Y.Doc): Y.XmlText {
  for (const block of doc.getXmlFragment('body').toArray()) {
    if (block instanceof Y.XmlElement && block.nodeName === 'paragraph' && block.get(0) instanceof Y.XmlText) return block.get(0) as Y.XmlText;
  }
  throw new Error('no paragraph with text');
}

const standing = async (who: Signed) => (await who.request('GET', `/api/plans/${plan.id}`)).body.plan.suggestions;

async function openReview(options: { invitedIds: string[]; invitedMaySuggest?: boolean }) {
  const revision = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '招待の審議', stage: '素案' })).body.revision;
  const opened = await chair.request('POST', `/api/revisions/${revision.id}/review`, options);
  expect(opened.status).toBe(200);
  return opened.body.revision as { id: string; invitedMaySuggest: boolean };
}

describe('observers invited to suggest', () => {
  it('lets an invited observer suggest while the review is open, never edit, and ends it with the review', async () => {
    expect(await outcome(observer)).toEqual({ closed: CLOSE_CODES.forbidden });
    const review = await openReview({ invitedIds: [observer.user.id], invitedMaySuggest: true });
    expect(review.invitedMaySuggest).toBe(true);
    // The revision they were invited to says so too, as they read it.
    expect((await observer.request('GET', `/api/revisions/${review.id}`)).body.revision.invitedMaySuggest).toBe(true);

    // Where they stand: they only suggest, and decide nothing.
    expect(await standing(observer)).toEqual({ mayDecide: false, mustSuggest: true, deciders: 'editors', invitedToSuggest: true });
    expect((await observer.collabToken(plan.id)).capability).toBe('suggest');
    expect((await observer.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision: 'accept', ids: ['x:y'] })).status).toBe(403);
    // They read the record of decisions on the draft they suggest on; an observer not invited does not.
    expect((await observer.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).status).toBe(200);
    expect((await outsider.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).status).toBe(403);
    // The rest of the draft stays closed to them: the measure table over HTTP, for one.
    expect((await observer.request('GET', `/api/plans/${plan.id}/measures`)).status).toBe(403);
    // Nobody else's standing moved.
    expect(await standing(outsider)).toMatchObject({ mayDecide: false, invitedToSuggest: false });
    expect((await standing(staff)).invitedToSuggest).toBe(false);

    // A suggestion of theirs over the websocket lands, and the chair sees it marked as theirs.
    const result = await outcome(observer);
    if (!('synced' in result)) throw new Error(`the invited observer was refused (${result.closed})`);
    const writer = result.synced;
    const watcher = connect(chair);
    await watcher.synced;
    const mark = { id: `${observer.user.id}:obs-1`, author: observer.user.id, at: Date.now() };
    firstRun(writer.doc).insert(0, '傍聴者の提案:', { suggestionInsert: mark });
    expect((await askStored(writer, 1)).lost).toBe(0);
    await waitFor(() => firstRun(watcher.doc).toDelta()[0]?.insert === '傍聴者の提案:', 'the suggestion to reach the chair');
    expect(firstRun(watcher.doc).toDelta()[0]).toEqual({ insert: '傍聴者の提案:', attributes: { suggestionInsert: mark } });

    // A plain edit is refused, as from any suggest-only connection.
    appendParagraph(writer.doc, '傍聴者の直接編集');
    expect((await askStored(writer, 2)).lost).toBeGreaterThan(0);
    const probe = connect(chair);
    await probe.synced;
    expect(probe.doc.getXmlFragment('body').toString()).not.toContain('傍聴者の直接編集');

    // The chair takes it back out of the demo text (as a decision would), then withdraws the review:
    // the observer's open connection ends at once, and a new one is refused.
    expect((await chair.request('POST', `/api/plans/${plan.id}/suggestions/decisions`, { decision: 'reject', ids: [mark.id] })).status).toBe(200);
    expect((await chair.request('POST', `/api/revisions/${review.id}/withdraw`)).status).toBe(200);
    await waitFor(() => writer.closes.some((c) => c.code === CLOSE_CODES.forbidden), "the observer's connection to end with the review");
    expect(await outcome(observer)).toEqual({ closed: CLOSE_CODES.forbidden });
    expect((await observer.request('POST', `/api/plans/${plan.id}/collab-token`)).status).toBe(403);
    expect((await observer.request('GET', `/api/plans/${plan.id}/suggestions/decisions`)).status).toBe(403);
    expect(await standing(observer)).toMatchObject({ mustSuggest: false, invitedToSuggest: false });
  });

  it('gives an observer not invited nothing, nor one invited to a review without the option', async () => {
    const plain = await openReview({ invitedIds: [observer.user.id] });
    expect(plain.invitedMaySuggest).toBe(false);
    expect(await outcome(observer)).toEqual({ closed: CLOSE_CODES.forbidden });
    expect((await standing(observer)).invitedToSuggest).toBe(false);
    expect((await chair.request('POST', `/api/revisions/${plain.id}/withdraw`)).status).toBe(200);

    const review = await openReview({ invitedIds: [observer.user.id], invitedMaySuggest: true });
    expect(await outcome(outsider)).toEqual({ closed: CLOSE_CODES.forbidden });
    expect((await outsider.request('POST', `/api/plans/${plan.id}/collab-token`)).status).toBe(403);
    expect(await standing(outsider)).toMatchObject({ mustSuggest: false, invitedToSuggest: false });
    // Approval closes it as a withdrawal does.
    const result = await outcome(observer);
    if (!('synced' in result)) throw new Error('the invited observer was refused');
    const approved = await chair.request('POST', `/api/revisions/${review.id}/decision`, { decision: 'approve', hash: (await chair.request('GET', `/api/revisions/${review.id}`)).body.revision.hash });
    expect(approved.status).toBe(200);
    await waitFor(() => result.synced.closes.some((c) => c.code === CLOSE_CODES.forbidden), "the observer's connection to end with the approval");
  });

  it('keeps a review that invites observers to suggest apart from one that locks the draft: editors still edit', async () => {
    const review = await openReview({ invitedIds: [observer.user.id], invitedMaySuggest: true });
    expect((await chair.collabToken(plan.id)).capability).toBe('edit');
    expect(await standing(chair)).toMatchObject({ mustSuggest: false, invitedToSuggest: false });
    const sent = await chair.request('POST', `/api/revisions/${review.id}/decision`, { decision: 'requestChanges', reason: '再考を求めます' });
    expect(sent.status).toBe(200);
    expect((await standing(observer)).invitedToSuggest).toBe(false);
  });

  it('notices on its sweep a review closed by another process (no event reaches this one): the observer is sent away', async () => {
    const review = await openReview({ invitedIds: [observer.user.id], invitedMaySuggest: true });
    const result = await outcome(observer);
    if (!('synced' in result)) throw new Error('the invited observer was refused');
    const db = new Database(path.join(server.dataDir, DATABASE_FILE));
    try {
      db.prepare('UPDATE revisions SET review = ? WHERE id = ?').run(JSON.stringify({ status: 'withdrawn', openedBy: staff.user.id, withdrawnBy: staff.user.id }), review.id);
    } finally {
      db.close();
    }
    await waitFor(() => result.synced.closes.some((c) => c.code === CLOSE_CODES.forbidden), 'the sweep to close the observer');
  });
});
