import { describe, expect, it } from 'vitest';
import { createMemoryDocStore } from '../storage/memory/docStore';
import { withEditStamps } from './editStamps';

describe('withEditStamps', () => {
  it('stamps a document at most once per interval, and each document on its own', async () => {
    const stamps: Array<[string, number]> = [];
    let clock = 1_000;
    const docs = withEditStamps(createMemoryDocStore(), { touchEdited: async (name, at) => void stamps.push([name, at]) }, 60_000, () => clock);
    await docs.append('plan:a', [new Uint8Array([1])]);
    clock += 30_000;
    await docs.append('plan:a', [new Uint8Array([2])]);
    await docs.append('plan:b', [new Uint8Array([3])]);
    clock += 30_000;
    await docs.append('plan:a', [new Uint8Array([4])]);
    expect(stamps).toEqual([
      ['plan:a', 1_000],
      ['plan:b', 31_000],
      ['plan:a', 61_000],
    ]);
    expect((await docs.load('plan:a')).updates).toHaveLength(3);
  });
});
