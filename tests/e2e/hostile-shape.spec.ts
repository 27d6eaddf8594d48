import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { askStored, connectCollab, waitFor } from '../support/collab';
import { signedIn } from '../support/http';
import { openDemoPlan, signedInPage } from './support';

/**
 * Issue 15 item 2: a member's socket sends updates that would break the document's shape
 * (prose nested thousands deep, an element no schema knows, a chain of thousands of rows, a
 * KPI figure that is a map). The server refuses them, so every viewer's prose and measure
 * tab still render, and the demo plan is left as it was.
 */
test('a hostile member’s shapes never reach a viewer: the prose and the measure tab still render', async ({ browser, baseURL }) => {
  const member = await signedIn(baseURL!, 'member@example.jp');
  const [plan] = (await member.plans()) as Array<{ docName: string }>;
  const attacker = connectCollab(baseURL!.replace(/^http/, 'ws') + '/collab', plan!.docName, { cookie: member.cookie });
  await attacker.synced;
  const doc = attacker.doc;
  doc.transact(() => {
    // Built from the outside in, one level per insert (Yjs itself recurses into new content).
    let outer: Y.XmlFragment = doc.getXmlFragment('body');
    for (let i = 0; i < 3_000; i++) {
      const wrap = new Y.XmlElement(i % 2 ? 'blockquote' : 'marquee');
      outer.insert(0, [wrap]);
      outer = wrap;
    }
    const nodes = doc.getMap<Y.Map<unknown>>('measureNodes');
    let parent: string | null = null;
    for (let i = 0; i < 3_000; i++) {
      const row = new Y.Map<unknown>();
      row.set('kind', 'measure');
      row.set('position', { parent, key: 'a0' });
      row.set('title', new Y.Text(`鎖${i}`));
      nodes.set(`hostile-chain-${i}`, row);
      parent = `hostile-chain-${i}`;
    }
    const kpi = [...doc.getMap<Y.Map<unknown>>('measureKpis').values()][0]!;
    kpi.set('targetValue', new Y.Map());
  });
  // The room answers a "stored?" query only after handling every frame sent before it: the
  // answer (or the socket closing, had the room expelled the attacker) means the hostile frames
  // were judged, without guessing how long that takes on a busy machine.
  const closed = waitFor(() => attacker.closes.length > 0, 'the attacker closed', 60_000).then(() => null);
  const answer = await Promise.race([askStored(attacker), closed]);
  if (answer) expect(answer.lost, 'the room reports the hostile frames refused').toBeGreaterThan(0);
  attacker.destroy();

  // At the data level: a fresh client holds none of it.
  const fresh = connectCollab(baseURL!.replace(/^http/, 'ws') + '/collab', plan!.docName, { cookie: member.cookie });
  await fresh.synced;
  try {
    expect([...fresh.doc.getMap('measureNodes').keys()].filter((key) => key.startsWith('hostile-chain-'))).toEqual([]);
    expect(fresh.doc.getXmlFragment('body').toString()).not.toContain('marquee');
    expect(fresh.doc.getXmlFragment('body').toString()).toContain('中小企業振興プログラムの趣旨');
    const kpis = [...fresh.doc.getMap<Y.Map<unknown>>('measureKpis').values()];
    expect(kpis.length).toBeGreaterThan(0);
    for (const kpi of kpis) expect(kpi.get('targetValue')).not.toBeInstanceOf(Y.Map);
  } finally {
    fresh.destroy();
  }

  // In the browser: the demo prose renders (an unguarded viewer's editor stays empty) and so does the measure tab.
  const viewer = await signedInPage(browser, 'staff@example.jp');
  const errors: string[] = [];
  viewer.on('pageerror', (error) => errors.push(error.message));
  await openDemoPlan(viewer);
  await expect(viewer.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨');
  await viewer.getByTestId('plan-tab-measures').click();
  await expect(viewer.getByTestId('measure-grid')).toBeVisible();
  await expect(viewer.getByTestId('measure-row').first()).toBeVisible();
  expect(errors).toEqual([]);
  await viewer.context().close();
});
