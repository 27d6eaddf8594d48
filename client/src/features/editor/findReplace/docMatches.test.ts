import { proseSchema } from '@sakutei/shared/editor';
import { describe, expect, it } from 'vitest';
import { findInDoc } from './docMatches';
import { DEFAULT_SEARCH_OPTIONS } from './match';

const doc = (...texts: string[]) =>
  proseSchema().nodeFromJSON({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const found = (d: ReturnType<typeof doc>, query: string) =>
  findInDoc(d, query, DEFAULT_SEARCH_OPTIONS).map(({ from, to }) => d.textBetween(from, to));

describe('findInDoc and suggestion markers', () => {
  it('finds words on either side of a proposed break, at their own positions', () => {
    const d = doc('空き店舗\u2029を減らす');
    const [match] = findInDoc(d, 'を減らす', DEFAULT_SEARCH_OPTIONS);
    expect(d.textBetween(match!.from, match!.to)).toBe('を減らす');
    expect(found(d, '空き店舗')).toEqual(['空き店舗']);
  });

  it('never matches across a proposed paragraph or line break, nor takes in a join or retyping marker', () => {
    expect(found(doc('空き店舗\u2029を減らす'), '店舗を')).toEqual([]);
    expect(found(doc('空き店舗\u2028を減らす'), '店舗を')).toEqual([]);
    expect(found(doc('\u2063第2章'), '\u2063第2章')).toEqual([]);
    expect(found(doc('\u2063第2章'), '第2章')).toEqual(['第2章']);
  });
});
