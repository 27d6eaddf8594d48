import { BODY_FRAGMENT, type ProseNode, type Role } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mayConfirmMinutes, minutesDocAccess } from './minutesAccess';
import { minutesProseOf, readFrozenMinutes, sealMinutes } from './minutesSeal';

const PROSE: ProseNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '１　開会' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '山田座長：', marks: [{ type: 'bold' }] }, { type: 'text', text: 'ただいまから開会します。' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '資料１' }] }] }] },
  ],
};

/** The same value with every object's keys in reverse order. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]))
      : value;

describe('sealing the minutes', () => {
  it('freezes the live document’s prose as canonical JSON, its text, and the JSON’s SHA-256', () => {
    const doc = prosemirrorJSONToYDoc(proseSchema(), PROSE, BODY_FRAGMENT);
    const sealed = sealMinutes(minutesProseOf(doc));
    expect(sealed.hash).toBe(createHash('sha256').update(sealed.json).digest('hex'));
    expect(sealed.text).toBe('１　開会\n山田座長：ただいまから開会します。\n資料１');
    // Read back and sealed again: the same bytes, the same hash (the record can be checked years later).
    const again = sealMinutes(readFrozenMinutes(sealed.json));
    expect([again.json, again.hash]).toEqual([sealed.json, sealed.hash]);
    // Key order does not change it; a word does.
    expect(sealMinutes(reversedKeys(sealed.prose) as ProseNode).hash).toBe(sealed.hash);
    const changed = structuredClone(sealed.prose);
    changed.content![2]!.content![0]!.content![0]!.content![0]!.text = '資料２';
    expect(sealMinutes(changed).hash).not.toBe(sealed.hash);
  });
});

describe('access to the minutes by role and state', () => {
  const roles: Array<Role | null> = ['staff', 'chair', 'vice_chair', 'member', 'observer', null];
  it('lets staff and the chair edit until confirmed, others read, observers and outsiders nothing', () => {
    expect(roles.map((r) => minutesDocAccess(r, 'draft'))).toEqual(['edit', 'edit', 'read', 'read', null, null]);
    expect(roles.map((r) => minutesDocAccess(r, 'sent'))).toEqual(['edit', 'edit', 'read', 'read', null, null]);
    expect(roles.map((r) => minutesDocAccess(r, 'confirmed'))).toEqual(['read', 'read', 'read', 'read', null, null]);
    expect(roles.map(mayConfirmMinutes)).toEqual([false, true, false, false, false, false]);
  });
});
