import fs from 'node:fs';
import { BODY_FRAGMENT, type PlanSummary } from '@sakutei/shared';
import { measureMaps, readMeasureTable } from '@sakutei/shared/measures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { INITIAL_REVIEW_STATE } from '@sakutei/shared';
import { openStorage } from '../../server/src/storage/open';
import { type CollabClient, appendParagraph, askStored, bodyText, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { type TestServer, startServer } from '../support/server';

/**
 * Issue 15 item 2: well-formed updates that would break the document's shape are refused
 * by the room like malformed ones, and a document stored with a broken shape before the
 * check still exports and compares, while freezing it, or approving an unreadable revision,
 * is a clean 4xx.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
let server: TestServer;
let staff: Signed, member: Signed, chair: Signed;
let plan: PlanSummary;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startServer();
  [staff, member, chair] = (await Promise.all(['staff', 'member', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
}, 60_000);
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function connect(): Promise<CollabClient> {
  const c = connectCollab(server.wsUrl, plan.docName, { cookie: member.cookie });
  clients.push(c);
  await c.synced;
  return c;
}

const element = (name: string, ...children: Array<Y.XmlElement | Y.XmlText>) => {
  const el = new Y.XmlElement(name);
  el.insert(0, children);
  return el;
};
function nest(depth: number): Y.XmlElement {
  let inner = element('paragraph', new Y.XmlText('深い'));
  for (let i = 0; i < depth; i++) inner = element('blockquote', inner);
  return inner;
}
const firstText = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText).next().value as Y.XmlText;

const HOSTILE: Record<string, (doc: Y.Doc) => void> = {
  'an unknown root': (doc) => doc.getMap('payload').set('x', 1),
  'an element the schema lacks': (doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [element('script', new Y.XmlText('x'))]),
  'an attribute the schema lacks': (doc) => (doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute('onclick', 'x'),
  'a mark the schema lacks': (doc) => firstText(doc).format(0, 1, { blink: {} }),
  'prose nested 500 deep': (doc) => doc.getXmlFragment(BODY_FRAGMENT).insert(0, [nest(500)]),
  'a KPI target that is a Map': (doc) => measureMaps(doc).kpis.get(readMeasureTable(doc).kpis[0]!.id)!.set('targetValue', new Y.Map()),
  'a row position of the wrong type': (doc) => measureMaps(doc).nodes.get(readMeasureTable(doc).nodes[0]!.id)!.set('position', 'top'),
  'a chain of 300 rows': (doc) => chain(doc, 300),
};

/** Rows chained one under the other, far past the shape's bound of 64. */
function chain(doc: Y.Doc, length: number): void {
  doc.transact(() => {
    let parent: string | null = null;
    for (let i = 0; i < length; i++) {
      const row = new Y.Map<unknown>();
      row.set('kind', 'measure');
      row.set('position', { parent, key: 'a0' });
      row.set('title', new Y.Text(`${i}`));
      measureMaps(doc).nodes.set(`chain${i}`, row);
      parent = `chain${i}`;
    }
  });
}

describe('hostile shapes over the websocket', () => {
  it('refuses each hostile update and keeps the document as it was, while an honest member edits', async () => {
    const honest = await connect();
    const hostileIds: number[] = [];
    const answers: Array<Promise<{ name: string; lost: number }>> = [];
    for (const [name, change] of Object.entries(HOSTILE)) {
      const attacker = await connect();
      hostileIds.push(attacker.doc.clientID);
      change(attacker.doc);
      // The room answers once it has judged every frame sent before the question.
      answers.push(askStored(attacker).then(({ lost }) => ({ name, lost })));
    }
    appendParagraph(honest.doc, '誠実な編集は届く');
    const observer = await connect();
    await waitFor(() => bodyText(observer.doc).includes('誠実な編集は届く'), 'the honest edit');
    // Every hostile frame was judged, and refused, before anyone looks.
    for (const { name, lost } of await Promise.all(answers)) expect(lost, name).toBeGreaterThan(0);
    const late = await connect();
    const state = Y.decodeStateVector(Y.encodeStateVector(late.doc));
    for (const id of hostileIds) expect(state.has(id)).toBe(false);
    expect([...late.doc.share.keys()]).not.toContain('payload');
    expect(bodyText(late.doc)).not.toContain('深い');
  });

  it('leaves freeze, exports and compare answering 2xx afterwards', async () => {
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '攻撃の後', stage: '素案' });
    expect(frozen.status).toBe(201);
    const exported = await fetch(`${server.url}/api/revisions/${frozen.body.revision.id}/export?format=docx`, { headers: { cookie: staff.cookie } });
    expect(exported.status).toBe(200);
    expect((await member.request('GET', `/api/plans/${plan.id}/compare?from=${frozen.body.revision.id}&to=draft`)).status).toBe(200);
  });
});

describe('a document stored with a broken shape before the check', () => {
  let clean: { id: string; hash: string };
  let unreadable: { id: string; hash: string };

  beforeAll(async () => {
    clean = (await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '整った版', stage: '素案' })).body.revision;
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    const storage = await openStorage({ dataDir: server.dataDir });
    const stored = await storage.docs.load(plan.docName);
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      // Built from the outside in: Yjs itself recurses into new nested content.
      let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
      for (let i = 0; i < 3_000; i++) {
        const wrap = new Y.XmlElement(i % 2 ? 'blockquote' : 'marquee');
        outer.insert(0, [wrap]);
        outer = wrap;
      }
      outer.insert(0, [element('paragraph', new Y.XmlText('底の段落'))]);
      // Fewer rows than over the socket: a Word table of hundreds of rows is slow to write whatever its shape.
      chain(doc, 100);
      HOSTILE['a KPI target that is a Map']!(doc);
      HOSTILE['an unknown root']!(doc);
    });
    await storage.docs.append(plan.docName, [Y.encodeStateAsUpdate(doc, before)]);
    // A revision frozen from such a document by the old code: prose no reader's schema knows.
    const content = (await storage.revisions.content(clean.id))!;
    const canonical = content.canonical.replace('"type":"paragraph"', '"type":"marquee"');
    const id = `legacy${Date.now()}`;
    await storage.revisions.create({
      id,
      planId: plan.id,
      name: '読めない版',
      stage: '素案',
      authorId: (await storage.revisions.find(clean.id))!.authorId,
      createdAt: Date.now(),
      state: content.state,
      canonical,
      hash: 'f'.repeat(64),
      review: INITIAL_REVIEW_STATE,
    });
    unreadable = { id, hash: 'f'.repeat(64) };
    await storage.close();
    server = await startServer({ dataDir: server.dataDir });
    [staff, member, chair] = (await Promise.all(['staff', 'member', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  }, 90_000);

  it('compares and exports the draft instead of answering 500', async () => {
    const compare = await member.request('GET', `/api/plans/${plan.id}/compare?from=${clean.id}&to=draft`);
    expect(compare.status).toBe(200);
    expect(JSON.stringify(compare.body)).toContain('底の段落');
    const exported = await fetch(`${server.url}/api/plans/${plan.id}/compare/export?from=${clean.id}&to=draft&format=docx`, { headers: { cookie: member.cookie } });
    expect(exported.status).toBe(200);
    const measures = await fetch(`${server.url}/api/plans/${plan.id}/measures/export?table=kpis&format=xlsx`, { headers: { cookie: staff.cookie } });
    expect(measures.status).toBe(200);
  }, 60_000);

  it('refuses to freeze it with a clean 422 that says why', async () => {
    const res = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '壊れた版', stage: '素案' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unreadable_document');
    expect(res.body.error.message).toMatch(/deeper|marquee|payload/);
    // The room said so once, when it loaded the stored document.
    expect(server.output()).toMatch(/the stored document breaks its shape: \d+\+? shape problem/);
  });

  it('refuses to approve a revision that cannot be read back, with a clean 409', async () => {
    expect((await staff.request('POST', `/api/revisions/${unreadable.id}/review`, {})).status).toBe(200);
    // Who may not approve hears so first, before any read-back of the document.
    const notTheirs = await member.request('POST', `/api/revisions/${unreadable.id}/decision`, { decision: 'approve', hash: unreadable.hash });
    expect(notTheirs.status).toBe(403);
    const res = await chair.request('POST', `/api/revisions/${unreadable.id}/decision`, { decision: 'approve', hash: unreadable.hash });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('unreadable_revision');
    const exported = await fetch(`${server.url}/api/revisions/${unreadable.id}/export?format=html`, { headers: { cookie: staff.cookie } });
    expect(exported.status).toBeLessThan(500);
  });
});
