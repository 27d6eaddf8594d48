import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { connectCollab } from '../support/collab';
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
  // Let the frames arrive and be refused before anyone looks.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  attacker.destroy();

  const viewer = await signedInPage(browser, 'staff@example.jp');
  const errors: string[] = [];
  viewer.on('pageerror', (error) => errors.push(error.message));
  await openDemoPlan(viewer);
  await expect(viewer.getByTestId('plan-editor')).not.toContainText('鎖');
  await viewer.getByTestId('plan-tab-measures').click();
  await expect(viewer.getByTestId('measure-grid')).toBeVisible();
  await expect(viewer.getByTestId('measure-row').first()).toBeVisible();
  await expect(viewer.getByTestId('measure-grid')).not.toContainText('鎖0');
  expect(errors).toEqual([]);
  await viewer.context().close();
});
