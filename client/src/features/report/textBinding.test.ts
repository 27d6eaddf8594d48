import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedSpan } from '@sakutei/shared/measures';
import { bindTextArea, transformIndex, type TextSource } from './textBinding';

const LOCAL = Symbol('local');

function source(doc: Y.Doc): TextSource {
  const map = doc.getMap<Y.Text>('texts');
  return {
    current: () => map.get('k') ?? null,
    create: () => {
      const text = new Y.Text();
      map.set('k', text);
      return text;
    },
    onReplaced: (listener) => {
      const watch = () => listener();
      map.observe(watch);
      return () => map.unobserve(watch);
    },
  };
}

function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, update, 'a'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, update, 'b'));
  return { a, b };
}

function type(field: HTMLTextAreaElement, value: string, caret = value.length) {
  field.value = value;
  field.setSelectionRange(caret, caret);
  field.dispatchEvent(new Event('input'));
}

describe('textarea ⇄ Y.Text binding', () => {
  it('moves an index through inserts and deletes', () => {
    expect(transformIndex(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
    expect(transformIndex(2, [{ retain: 2 }, { insert: 'abc' }])).toBe(2);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(2, [{ retain: 1 }, { delete: 3 }])).toBe(1);
    expect(transformIndex(5, [{ retain: 9 }, { insert: 'x' }])).toBe(5);
    expect(changedSpan('評価：順調', '評価：概ね順調')).toEqual({ start: 3, removed: 0, inserted: '概ね' });
    expect(changedSpan('同じ', '同じ')).toBeNull();
    // 𠮷 and 𠮟 share their first UTF-16 half: the span takes the whole character.
    expect(changedSpan('𠮷野家', '𠮟野家')).toEqual({ start: 0, removed: 2, inserted: '𠮟' });
  });

  it('creates the text on the first keystroke, and two members typing in one field merge', () => {
    const { a, b } = pair();
    const fieldA = document.createElement('textarea');
    const fieldB = document.createElement('textarea');
    document.body.append(fieldA, fieldB);
    const stopA = bindTextArea(fieldA, source(a), LOCAL);
    const stopB = bindTextArea(fieldB, source(b), LOCAL);
    expect(a.getMap('texts').size).toBe(0);

    fieldA.focus();
    type(fieldA, '課');
    // Creating the shared text on the first keystroke leaves what was typed in place.
    expect(fieldA.value).toBe('課');
    type(fieldA, '課題：人材確保。');
    expect(fieldA.value).toBe('課題：人材確保。');
    expect(fieldB.value).toBe('課題：人材確保。');

    fieldB.focus();
    type(fieldB, '課題：人材確保。販路開拓も。');
    fieldA.focus();
    fieldA.setSelectionRange(0, 0);
    type(fieldA, '評価：順調。課題：人材確保。販路開拓も。', 6);
    expect(fieldB.value).toBe('評価：順調。課題：人材確保。販路開拓も。');
    expect(a.getMap<Y.Text>('texts').get('k')!.toString()).toBe(fieldB.value);
    stopA();
    stopB();
  });

  it("keeps the caret in place when someone else types before it", () => {
    const { a, b } = pair();
    const fieldA = document.createElement('textarea');
    document.body.append(fieldA);
    source(b).create().insert(0, '課題');
    const stop = bindTextArea(fieldA, source(a), LOCAL);
    expect(fieldA.value).toBe('課題');
    fieldA.focus();
    fieldA.setSelectionRange(2, 2);
    b.getMap<Y.Text>('texts').get('k')!.insert(0, '今年度の');
    expect(fieldA.value).toBe('今年度の課題');
    expect(fieldA.selectionStart).toBe(6);
    stop();
  });

  it('holds remote changes during an IME composition and puts the composed text where it belongs', () => {
    const { a, b } = pair();
    const field = document.createElement('textarea');
    document.body.append(field);
    source(b).create().insert(0, '評価。');
    const stop = bindTextArea(field, source(a), LOCAL);
    field.focus();
    field.dispatchEvent(new Event('compositionstart'));
    field.value = '評価。かだい';
    field.dispatchEvent(new Event('input'));
    // Someone adds text at the start meanwhile: the field is left alone until the composition ends.
    b.getMap<Y.Text>('texts').get('k')!.insert(0, '総括：');
    expect(field.value).toBe('評価。かだい');
    field.value = '評価。課題';
    field.dispatchEvent(new Event('compositionend'));
    expect(field.value).toBe('総括：評価。課題');
    expect(b.getMap<Y.Text>('texts').get('k')!.toString()).toBe('総括：評価。課題');
    stop();
  });
});
