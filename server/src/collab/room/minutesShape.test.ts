import { BODY_FRAGMENT, docNameForMinutes, docNameForPlan } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentShape, shapeViolation } from './shapeGuard';

/** What `change` does to a copy of `server`, as the update a client would send. */
function updateOf(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

const paragraph = (text: string) => {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
};

describe('the shape of a meeting’s minutes', () => {
  const minutes = documentShape(docNameForMinutes('m1'))!;

  it('is checked for minutes and plans, with only the prose for minutes; other documents are left alone', () => {
    expect(minutes.roots).toEqual([BODY_FRAGMENT]);
    expect(documentShape(docNameForPlan('p1'))).toEqual({});
    expect(documentShape('other-doc')).toBeNull();
  });

  it('takes prose in the plan’s schema', () => {
    const doc = new Y.Doc();
    expect(shapeViolation(doc, updateOf(doc, (d) => d.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph('１　開会')])), minutes)).toBeNull();
  });

  it('refuses any other root, even one a plan may hold, and prose the schema lacks', () => {
    const doc = new Y.Doc();
    const table = updateOf(doc, (d) => d.getMap('measureNodes').set('n1', new Y.Map()));
    expect(shapeViolation(doc, table, minutes)).toMatch(/no root "measureNodes"/);
    // The same update is a plan's business.
    expect(shapeViolation(doc, table, {})).toBeNull();
    expect(shapeViolation(doc, updateOf(doc, (d) => d.getText('notes').insert(0, 'x')), minutes)).toMatch(/no root "notes"/);
    expect(shapeViolation(doc, updateOf(doc, (d) => d.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement('script')])), minutes)).not.toBeNull();
  });
});
