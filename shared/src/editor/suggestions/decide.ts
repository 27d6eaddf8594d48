import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from './marks';
import { listSuggestions, suggestionAttrsOf, type SuggestionSummary } from './model';

/** What is decided of a suggestion (the recorded decision is `SuggestionDecision` in schemas/suggestions.ts). */
export type DecisionKind = 'accept' | 'reject';

export type DecisionOutcome = {
  /** The suggestions decided as asked, as they read before the decision. */
  decided: SuggestionSummary[];
  /**
   * Suggestions rejected because they competed with one that was accepted, or gone because
   * the text they were made on went with a decision.
   */
  resolved: SuggestionSummary[];
  /** Asked-for ids the document no longer holds (someone decided them first). */
  missing: string[];
};


/**
 * Decides suggestions on a transform: accepting removes the struck text and keeps the
 * proposed text as plain text; rejecting removes the proposed text and keeps the struck
 * text. Accepting a suggestion rejects those that competed with it (they proposed to replace
 * the same words), so deciding one resolves the other. When several competing suggestions
 * are accepted at once, the earliest made wins and the others are rejected.
 *
 * Marks come off first (they do not move positions), then text goes from the end of the
 * document backwards, so every range found in the original document is still right.
 */
export function decideSuggestions(tr: Transform, ids: Iterable<string>, decision: DecisionKind): DecisionOutcome {
  const pending = listSuggestions(tr.doc);
  const byId = new Map(pending.map((s) => [s.id, s]));
  const asked = [...new Set(ids)];
  const missing = asked.filter((id) => !byId.has(id));
  const verdicts = new Map<string, DecisionKind>();
  const decided: SuggestionSummary[] = [];
  const resolved: SuggestionSummary[] = [];
  const found = asked.map((id) => byId.get(id)).filter((s): s is SuggestionSummary => s !== undefined);
  if (decision === 'reject') {
    for (const s of found) {
      verdicts.set(s.id, 'reject');
      decided.push(s);
    }
  } else {
    for (const s of [...found].sort((a, b) => a.at - b.at || a.from - b.from)) {
      if (verdicts.has(s.id)) continue;
      verdicts.set(s.id, 'accept');
      decided.push(s);
      for (const other of s.conflictsWith) {
        if (verdicts.has(other)) continue;
        verdicts.set(other, 'reject');
        const summary = byId.get(other);
        if (summary) resolved.push(summary);
      }
    }
    decided.sort((a, b) => a.from - b.from);
  }
  applyVerdicts(tr, verdicts);
  // A suggestion made on text that went with a decision (striking words of a proposal that was
  // rejected, proposing inside a passage whose deletion was accepted) is gone too: it is
  // resolved by that decision, and said so, so the record keeps it like any other.
  const left = new Set(listSuggestions(tr.doc).map((s) => s.id));
  for (const s of pending) if (!verdicts.has(s.id) && !left.has(s.id)) resolved.push(s);
  return { decided, resolved, missing };
}

function applyVerdicts(tr: Transform, verdicts: ReadonlyMap<string, DecisionKind>): void {
  if (verdicts.size === 0) return;
  const unmark: Array<{ from: number; to: number; mark: Mark }> = [];
  const remove: Array<{ from: number; to: number }> = [];
  tr.doc.descendants((node: PMNode, pos: number) => {
    if (!node.isInline) return true;
    let goes = false;
    for (const mark of node.marks) {
      const kind = mark.type.name;
      if (kind !== SUGGESTION_INSERT && kind !== SUGGESTION_DELETE) continue;
      const verdict = verdicts.get(suggestionAttrsOf(mark).id);
      if (!verdict) continue;
      // Accepted deletion or rejected insertion: the text goes. Otherwise only the mark goes.
      if ((kind === SUGGESTION_DELETE) === (verdict === 'accept')) goes = true;
      else unmark.push({ from: pos, to: pos + node.nodeSize, mark });
    }
    if (goes) {
      const last = remove[remove.length - 1];
      if (last && last.to === pos) last.to = pos + node.nodeSize;
      else remove.push({ from: pos, to: pos + node.nodeSize });
    }
    return false;
  });
  for (const { from, to, mark } of unmark) tr.removeMark(from, to, mark);
  for (let i = remove.length - 1; i >= 0; i--) tr.delete(remove[i]!.from, remove[i]!.to);
}
