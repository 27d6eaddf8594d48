import {
  BODY_FRAGMENT,
  type SuggestionDecision,
  type SuggestionDecisionRequest,
  type SuggestionDecisionResponse,
  type SuggestionHistoryResponse,
} from '@sakutei/shared';
import { type DecisionOutcome, type SuggestionSummary, decideSuggestions, proseSchema } from '@sakutei/shared/editor';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import * as Y from 'yjs';
import type { AppDeps } from '../env';
import { AppError, forbidden } from '../errors';
import { canReadDraft } from '../policies/plan';
import { iso } from '../presenters/time';
import type { NewAuditEntry, UserRecord, VisiblePlan } from '../storage';
import type { NewSuggestionDecision, SuggestionDecisionRecord } from '../storage/suggestions';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';
import { archivedPlan } from './plans';
import { proseJsonOf } from './proseJson';
import { writeProse } from './proseWrite';
import { suggestionStanding } from './suggestionAccess';
import { loadVisiblePlan } from './visiblePlan';

/** The origin of a decision applied by the server: a change like any other, stored and broadcast. */
export const SUGGESTION_DECISION_ORIGIN = 'sakutei.suggestionDecision';

/** Decisions on one page of the history. */
const HISTORY_PAGE = 100;
/** The audit record keeps this much of each text; the decision row keeps all of it. */
const AUDIT_TEXT_CHARS = 200;

/** A mark's time as any client wrote it: a date the record can print, or 0 (unknown). */
const suggestedAt = (at: number) => (Number.isFinite(at) && at >= 0 && at <= 8.64e15 ? Math.trunc(at) : 0);

const clip = (text: string) => (text.length > AUDIT_TEXT_CHARS ? `${text.slice(0, AUDIT_TEXT_CHARS)}…` : text);

/**
 * Accepting and rejecting suggestions (見え消し) on a plan's live draft, and the record of what
 * was decided. The decision is applied on the server's copy of the document, so every open
 * editor sees it through the collaboration connection like anyone's edit.
 */
export function suggestionDecisionService(deps: AppDeps) {
  const { workspaces, suggestions, plans } = deps.storage;

  async function decidable(user: UserRecord, planId: string): Promise<VisiblePlan> {
    const plan = await loadVisiblePlan(workspaces, user.id, planId);
    const standing = await suggestionStanding(deps.storage, plan, plan.role, user.id);
    if (!standing.mayDecide) {
      throw forbidden(
        standing.deciders === 'chair'
          ? 'This council leaves accepting and rejecting suggestions to the chair (and a vice chair the chair delegated).'
          : 'Your role does not accept or reject suggestions.',
      );
    }
    if ((await plans.find(plan.id))?.archivedAt != null) throw archivedPlan();
    if (await councilArchived(deps.storage, plan.workspaceId)) throw councilArchivedError();
    return plan;
  }

  /**
   * Applies the decision to the live document in one change: what it decided, as the document
   * held it, and an undo that can take exactly that change back (others' edits stay).
   */
  function apply(docName: string, request: SuggestionDecisionRequest) {
    return deps.rooms.use(docName, (room) => {
      const fragment = room.doc.getXmlFragment(BODY_FRAGMENT);
      const { prose, flattened } = proseJsonOf(fragment);
      // Writing back prose that was read flattened would flatten the document itself.
      if (flattened > 0) {
        throw new AppError(409, 'unreadable_document', 'The draft holds prose nested deeper than the editor allows; suggestions cannot be decided on it.');
      }
      let doc: PMNode;
      try {
        doc = proseSchema().nodeFromJSON(prose);
      } catch {
        // Content the editor's schema cannot hold (stored before a check refused it) is not rewritten blind.
        throw new AppError(409, 'unreadable_document', 'The draft holds content the editor cannot read; suggestions cannot be decided on it.');
      }
      const tr = new Transform(doc);
      const outcome = decideSuggestions(tr, request.ids, request.decision);
      if (!tr.docChanged) return { outcome, undo: null };
      const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set([SUGGESTION_DECISION_ORIGIN]), captureTimeout: 0 });
      writeProse(room.doc, tr.doc, SUGGESTION_DECISION_ORIGIN);
      return { outcome, undo };
    });
  }

  return {
    async decide(user: UserRecord, planId: string, request: SuggestionDecisionRequest): Promise<SuggestionDecisionResponse> {
      const plan = await decidable(user, planId);
      const { outcome, undo } = await apply(plan.docName, request);
      const { decided, resolved, audit } = recordOf(plan, user, request, outcome);
      try {
        await suggestions.record([...decided, ...resolved], audit);
      } catch (err) {
        // No decision without its record: a change that could not be recorded is taken back
        // (only that change; edits made meanwhile stay), on the document that holds it.
        if (undo) await deps.rooms.use(plan.docName, (room) => room.doc === undo.doc && undo.undo());
        throw err;
      } finally {
        undo?.destroy();
      }
      const names = await nameLookup(plan.workspaceId);
      const present = (d: NewSuggestionDecision) => presentNew(d, names, user);
      return { decided: decided.map(present), resolved: resolved.map(present), missing: outcome.missing };
    },

    async history(user: UserRecord, planId: string, cursor?: string): Promise<SuggestionHistoryResponse> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      // The record of decided wording belongs with the draft: for the council and its secretariat.
      if (!canReadDraft(plan.role)) throw forbidden('Observers read approved revisions, not the live draft and its suggestions.');
      const rows = await suggestions.listForPlan(plan.id, HISTORY_PAGE + 1, cursor ? Number(cursor) : undefined);
      const page = rows.slice(0, HISTORY_PAGE);
      return {
        decisions: page.map(presentStored),
        nextCursor: rows.length > HISTORY_PAGE ? String(page[page.length - 1]!.seq) : null,
      };
    },
  };

  async function nameLookup(workspaceId: string): Promise<Map<string, string>> {
    return new Map((await workspaces.listMembers(workspaceId)).map((m) => [m.userId, m.name]));
  }
}

/** The rows and audit entries of a decision: each decided and each resolved suggestion. */
function recordOf(plan: VisiblePlan, user: UserRecord, request: SuggestionDecisionRequest, outcome: DecisionOutcome) {
  const at = Date.now();
  const acceptedIds = new Set(request.decision === 'accept' ? outcome.decided.map((s) => s.id) : []);
  const row = (s: SuggestionSummary, decision: 'accept' | 'reject', conflictOf: string | null): NewSuggestionDecision => ({
    planId: plan.id,
    suggestionId: s.id,
    decision,
    authorId: s.author,
    suggestedAt: suggestedAt(s.at),
    inserted: s.inserted,
    deleted: s.deleted,
    decidedBy: user.id,
    decidedAt: at,
    conflictOf,
  });
  const decided = outcome.decided.map((s) => row(s, request.decision, null));
  // A competing suggestion was rejected by the acceptance of one it competed with.
  const resolved = outcome.resolved.map((s) => row(s, 'reject', s.conflictsWith.find((id) => acceptedIds.has(id)) ?? null));
  const audit = [...decided, ...resolved].map(
    (d): NewAuditEntry => ({
      at,
      kind: d.decision === 'accept' ? 'suggestion.accepted' : 'suggestion.rejected',
      workspaceId: plan.workspaceId,
      planId: plan.id,
      actorId: user.id,
      details: {
        suggestionId: d.suggestionId,
        authorId: d.authorId,
        ...(d.inserted ? { inserted: clip(d.inserted) } : {}),
        ...(d.deleted ? { deleted: clip(d.deleted) } : {}),
        ...(d.conflictOf ? { conflictOf: d.conflictOf } : {}),
      },
    }),
  );
  return { decided, resolved, audit };
}

function presentNew(d: NewSuggestionDecision, names: Map<string, string>, decider: UserRecord): SuggestionDecision {
  return {
    suggestionId: d.suggestionId,
    decision: d.decision,
    author: { id: d.authorId, name: names.get(d.authorId) ?? '' },
    at: iso(d.suggestedAt),
    inserted: d.inserted,
    deleted: d.deleted,
    decidedBy: { id: decider.id, name: decider.name },
    decidedAt: iso(d.decidedAt),
    conflictOf: d.conflictOf,
  };
}

function presentStored(d: SuggestionDecisionRecord): SuggestionDecision {
  return {
    suggestionId: d.suggestionId,
    decision: d.decision,
    author: { id: d.authorId, name: d.authorName ?? '' },
    at: iso(d.suggestedAt),
    inserted: d.inserted,
    deleted: d.deleted,
    decidedBy: { id: d.decidedBy, name: d.decidedByName },
    decidedAt: iso(d.decidedAt),
    conflictOf: d.conflictOf,
  };
}
