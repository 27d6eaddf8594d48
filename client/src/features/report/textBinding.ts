import { changedSpan } from '@sakutei/shared/measures';
import * as Y from 'yjs';

/**
 * Binds a plain <textarea> to a Y.Text, both ways, as people type: each input becomes the
 * one insert or delete it is (so two members typing in the same 評価・課題 merge, as the
 * measure grid's text cells do), and each remote change is written into the field with the
 * caret and selection moved along with the text around them.
 *
 * An IME composition (Japanese input) owns the field until it ends: nothing is written while
 * it runs, remote changes wait, and at the end the composed text is put where it belongs in
 * the text as it now is.
 */

export type TextDelta = Array<{ insert?: unknown; delete?: number; retain?: number }>;

/** Where an index of the old text lands after a change; an index inside deleted text goes to where it was. */
export function transformIndex(index: number, delta: TextDelta): number {
  let oldPos = 0;
  let newPos = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      if (index <= oldPos + op.retain) return newPos + (index - oldPos);
      oldPos += op.retain;
      newPos += op.retain;
    } else if (op.insert !== undefined) {
      // Text inserted right at the index goes after it: the caret stays before what arrives.
      if (index === oldPos) return newPos;
      newPos += typeof op.insert === 'string' ? op.insert.length : 1;
    } else if (op.delete !== undefined) {
      if (index <= oldPos + op.delete) return newPos;
      oldPos += op.delete;
    }
  }
  return newPos + (index - oldPos);
}

export type TextSource = {
  /** The shared text, or null while nobody has written in this field yet. */
  current(): Y.Text | null;
  /** Creates the shared text on the first keystroke. */
  create(): Y.Text;
  /** Calls back when the field's text is replaced by another one (another member created it first). */
  onReplaced(listener: () => void): () => void;
};

/** Binds `field` to the text `source` gives; returns the unbinding. `origin` marks this field's own writes. */
export function bindTextArea(field: HTMLTextAreaElement, source: TextSource, origin: unknown): () => void {
  let text: Y.Text | null = null;
  /** What the field showed when it last agreed with the shared text. */
  let shown = '';
  let composing = false;
  let waiting: TextDelta[] = [];
  /** Set while this field creates the shared text: its own creation must not reset what was typed. */
  let creating = false;

  const show = (value: string, selection?: [number, number]) => {
    field.value = value;
    shown = value;
    if (selection && document.activeElement === field) field.setSelectionRange(selection[0], selection[1]);
  };

  const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    if (composing) {
      waiting.push(event.delta as TextDelta);
      return;
    }
    const delta = event.delta as TextDelta;
    show(text!.toString(), [transformIndex(field.selectionStart, delta), transformIndex(field.selectionEnd, delta)]);
  };

  const attach = () => {
    const next = source.current();
    if (next === text) return;
    text?.unobserve(onRemote);
    text = next;
    text?.observe(onRemote);
    if (!creating) show(text?.toString() ?? '');
  };

  /** Writes the field's change since `shown` into the shared text, moved past `remote` changes made meanwhile. */
  const write = (remote: readonly TextDelta[]) => {
    const change = changedSpan(shown, field.value);
    if (!change) return;
    let target = text;
    if (!target) {
      creating = true;
      try {
        target = source.create();
      } finally {
        creating = false;
      }
    }
    if (target !== text) {
      text?.unobserve(onRemote);
      text = target;
      text.observe(onRemote);
    }
    let start = change.start;
    let end = change.start + change.removed;
    for (const delta of remote) {
      start = transformIndex(start, delta);
      end = Math.max(start, transformIndex(end, delta));
    }
    target.doc!.transact(() => {
      if (end > start) target.delete(start, end - start);
      if (change.inserted) target.insert(start, change.inserted);
    }, origin);
    const caret = start + change.inserted.length;
    if (remote.length > 0) show(target.toString(), [caret, caret]);
    else shown = field.value;
  };

  const onInput = (event: Event) => {
    if (composing || (event as InputEvent).isComposing) return;
    write([]);
  };
  const onCompositionStart = () => {
    composing = true;
    waiting = [];
  };
  const onCompositionEnd = () => {
    composing = false;
    const remote = waiting;
    waiting = [];
    if (changedSpan(shown, field.value)) write(remote);
    else if (remote.length > 0) show(text!.toString());
  };

  field.addEventListener('input', onInput);
  field.addEventListener('compositionstart', onCompositionStart);
  field.addEventListener('compositionend', onCompositionEnd);
  const stopWatching = source.onReplaced(attach);
  attach();
  return () => {
    field.removeEventListener('input', onInput);
    field.removeEventListener('compositionstart', onCompositionStart);
    field.removeEventListener('compositionend', onCompositionEnd);
    stopWatching();
    text?.unobserve(onRemote);
  };
}
