import { listFieldSuggestions, type FieldSuggestion, type FieldTarget } from '@sakutei/shared/measures';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';

/** The key of one cell a suggestion may target: `kind|id|field`. */
export function fieldTargetKey(target: FieldTarget): string {
  return `${target.kind}|${target.id}|${target.field}`;
}

export type FieldSuggestions = {
  all: readonly FieldSuggestion[];
  /** Pending proposals for one cell, oldest first (empty when none). */
  forCell: (target: FieldTarget) => readonly FieldSuggestion[];
};

const NONE: readonly FieldSuggestion[] = [];

/**
 * The pending cell suggestions (見え消し in the measure table), read again whenever the
 * suggestions map or the table changes (a suggestion of a deleted row stops being listed).
 * Lives in the kernel: the measure table shows them in its cells, the suggestion cards list them.
 */
export function useFieldSuggestions(doc: Y.Doc): FieldSuggestions {
  const [all, setAll] = useState<readonly FieldSuggestion[]>(() => listFieldSuggestions(doc));
  useEffect(() => {
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setAll(listFieldSuggestions(doc));
    };
    // Once a frame at most: a burst of table edits reads the map once.
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(read);
    };
    read();
    doc.on('afterTransaction', schedule);
    return () => {
      doc.off('afterTransaction', schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return useMemo(() => {
    const byCell = new Map<string, FieldSuggestion[]>();
    for (const s of all) {
      const key = fieldTargetKey(s.target);
      byCell.set(key, [...(byCell.get(key) ?? []), s]);
    }
    return { all, forCell: (target) => byCell.get(fieldTargetKey(target)) ?? NONE };
  }, [all]);
}

