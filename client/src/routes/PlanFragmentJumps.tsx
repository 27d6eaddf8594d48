import { headingLinkText } from '@sakutei/shared';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useEffect, useState } from 'react';
import { subscribeToLocation } from '../app/router';
import { usePlan } from '../features/plan/PlanContext';
import { useProseEditor } from '../features/plan/proseEditor';
import { planFragmentOf } from '../features/plan/planFragments';

/** Where the first heading named `headingText` starts, or null while the text holds none. */
export function headingPosition(doc: ProseMirrorNode, headingText: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === 'heading') {
      if (headingLinkText(node.textContent) === headingText) found = pos;
      return false;
    }
    // As the editor's outline (and the server's list) reads headings: none in table cells.
    return !node.isTextblock && node.type.name !== 'table';
  });
  return found;
}

/**
 * Follows `#kpi-…` and `#section-…` (planFragments.ts) once the plan page has switched to the
 * tab that shows them: a KPI through the kernel's jump (as the 目次 does), a heading by placing
 * the caret in it and bringing it into view. The text arrives after the editor mounts, so a
 * heading not there yet is looked for again as the document fills.
 */
export function PlanFragmentJumps() {
  const { jumps } = usePlan();
  const editor = useProseEditor();
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => subscribeToLocation(() => setHash(location.hash)), []);
  const fragment = planFragmentOf(hash);
  const kpiId = fragment?.kind === 'kpi' ? fragment.kpiId : null;
  const headingText = fragment?.kind === 'section' ? fragment.headingText : null;

  useEffect(() => {
    if (kpiId !== null) jumps.toMeasure({ target: { kind: 'kpi', id: kpiId, field: null, fiscalYear: null }, landOn: 'number' });
  }, [kpiId, jumps]);

  useEffect(() => {
    if (headingText === null || !editor || editor.isDestroyed) return;
    const ed = editor;
    const heading = headingText;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTransaction = () => {
      land();
    };
    function land(): void {
      if (done) return;
      const pos = headingPosition(ed.state.doc, heading);
      if (pos === null) return;
      // Once: placing the caret is itself a transaction, which must not land again. Outside the
      // transaction that brought the heading (a Yjs update), as a dispatch inside one is refused.
      done = true;
      ed.off('transaction', onTransaction);
      timer = setTimeout(() => {
        if (ed.isDestroyed) return;
        const at = headingPosition(ed.state.doc, heading);
        if (at === null) return;
        ed.commands.setTextSelection(at + 1);
        const dom = ed.view.nodeDOM(at);
        // Centred: the sticky tab bar would cover a heading scrolled to the very top.
        if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
      }, 0);
    }
    ed.on('transaction', onTransaction);
    land();
    return () => {
      done = true;
      clearTimeout(timer);
      ed.off('transaction', onTransaction);
    };
  }, [headingText, editor]);

  return null;
}
