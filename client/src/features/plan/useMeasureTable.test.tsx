import { addNode, newMeasureId } from '@sakutei/shared/measures';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useMeasureTable } from './useMeasureTable';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

describe('useMeasureTable', () => {
  it('re-reads the table once per frame however many edits arrive', async () => {
    const doc = new Y.Doc();
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useMeasureTable(doc);
    });
    expect(result.current.derived.rows).toHaveLength(0);
    const before = renders;
    await act(async () => {
      for (let i = 0; i < 20; i++) addNode(doc, { parent: null }, { kind: 'measure', title: `施策${i}` }, newMeasureId);
      await nextFrame();
    });
    expect(result.current.derived.rows.map((row) => row.title)).toHaveLength(20);
    expect(result.current.derived.rows[0]!.title).toBe('施策0');
    // Twenty edits, one re-read (React may render twice for one state change in dev).
    expect(renders - before).toBeLessThanOrEqual(2);
  });

  it('follows a change that another client made', async () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const { result } = renderHook(() => useMeasureTable(mine));
    addNode(theirs, { parent: null }, { kind: 'measure', title: '創業支援' }, newMeasureId);
    await act(async () => {
      Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
      await nextFrame();
    });
    expect(result.current.derived.rows.map((row) => row.title)).toEqual(['創業支援']);
  });
});
