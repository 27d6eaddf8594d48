import {
  BODY_FRAGMENT,
  type ProposedChanges,
  type SuggestionDecision,
  type SuggestionDecisionRequest,
  type SuggestionDecisionResponse,
  type SuggestionHistoryResponse,
} from '@sakutei/shared';
import { type DecisionOutcome, MAX_BLOCK_CHANGES_PER_DECISION, TooManyBlockChangesError, decideSuggestions, proseSchema } from '@sakutei/shared/editor';
import {
  type FieldDecisionOutcome,
  type FieldSuggestion,
  type FieldTarget,
  type FieldValue,
  currentFieldValue,
  decideFieldSuggestions,
  fieldSuggestionsMap,
  formatMeasured,
  listFieldSuggestions,
  measureMaps,
  readKpiRecord,
  readNodeText,
} from '@sakutei/shared/measures';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import * as Y from 'yjs';
import type { AppDeps } from '../env';
import { AppError, forbidden } from '../errors';
import { canReadDraft } from '../policies/plan';
import { invitedToSuggest } from '../policies/suggestions';
import { iso } from '../presenters/time';
import type { NewAuditEntry, UserRecord, VisiblePlan } from '../storage';
import type { NewSuggestionDecision, SuggestionDecisionRecord } from '../storage/suggestions';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';
import { archivedPlan } from './plans';
import { proseJsonOf } from './proseJson';
import { writeProse } from './proseWrite';
import { suggestionStanding } from './suggestionAccess';
import { loadVisiblePlan } from './visiblePlan';

/**
 * The origin of one decision applied by the server: a change like any other, stored and
 * broadcast. One object per request, so taking a decision back (its record failed) takes back
 * that decision only, never another made meanwhile.
 */
const decisionOrigin = () => ({ kind: 'sakutei.suggestionDecision' });

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
   * held it, and an undo that can take exactly that change back (others' edits stay). Prose
   * suggestions (marks) and cell suggestions (entries beside the measure table) are decided
   * together, in one transaction, so every open editor receives one update.
   */
  function apply(docName: string, request: SuggestionDecisionRequest) {
    const origin = decisionOrigin();
    return deps.rooms.use(docName, (room) => {
      const fragment = room.doc.getXmlFragment(BODY_FRAGMENT);
      // Cell suggestions are found by id in their map; only the other ids are looked for in the prose.
      const cells = new Map(listFieldSuggestions(room.doc).map((s) => [s.id, s]));
      const cellIds = request.ids.filter((id) => cells.has(id));
      const proseIds = request.ids.filter((id) => !cells.has(id));
      const prose = proseIds.length > 0 ? decideProse(fragment, proseIds, request.decision) : null;
      const proseOutcome: DecisionOutcome = prose?.outcome ?? { decided: [], resolved: [], missing: [] };
      // Each proposal as text, read before the decision: what it proposed, and what the cell held
      // then (what an accepted proposal replaced, or a rejected one would have).
      const texts = new Map(
        [...cells.values()].map((s) => [
          s.id,
          {
            inserted: cellText(room.doc, s.target, s.value),
            deleted: cellText(room.doc, s.target, currentFieldValue(room.doc, s.target)),
            cellName: cellName(room.doc, s.target),
          },
        ]),
      );
      const proseChanged = prose?.tr.docChanged === true;
      if (!proseChanged && cellIds.length === 0) return { outcome: decisionsOf(proseOutcome, null, texts), undo: null };
      const undo = new Y.UndoManager([fragment, fieldSuggestionsMap(room.doc), ...Object.values(measureMaps(room.doc))], {
        trackedOrigins: new Set([origin]),
        captureTimeout: 0,
      });
      const fields = room.doc.transact(() => {
        if (prose && proseChanged) writeProse(room.doc, prose.tr.doc, origin);
        return cellIds.length > 0 ? decideFieldSuggestions(room.doc, cellIds, request.decision, origin) : null;
      }, origin);
      return { outcome: decisionsOf(proseOutcome, fields, texts), undo };
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
        // (only that change; edits and decisions made meanwhile stay), on the document that holds it.
        if (undo) {
          const undone = await deps.rooms.use(plan.docName, (room) => room.doc === undo.doc && undo.undo() !== null);
          if (!undone) console.error(`suggestions: a decision on ${plan.docName} could not be recorded nor taken back (the document was reloaded meanwhile)`);
        }
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
      // The record of decided wording belongs with the draft: for the council and its secretariat,
      // and an observer an open review invited to suggest on it, while it does.
      const reads = canReadDraft(plan.role) || invitedToSuggest(plan.role, user.id, await deps.storage.revisions.openReviews(plan.id));
      if (!reads) throw forbidden('Observers read approved revisions, not the live draft and its suggestions.');
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

/** The prose's decision, worked out on a copy (not yet written to the document). */
function decideProse(fragment: Y.XmlFragment, ids: string[], decision: SuggestionDecisionRequest['decision']) {
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
  try {
    return { tr, outcome: decideSuggestions(tr, ids, decision) };
  } catch (err) {
    if (!(err instanceof TooManyBlockChangesError)) throw err;
    throw new AppError(
      413,
      'decision_too_large',
      `Accepting these would make ${err.count} paragraph or line breaks and joins at once (at most ${MAX_BLOCK_CHANGES_PER_DECISION}); decide fewer suggestions at a time, or reject the one that proposes so many.`,
    );
  }
}

/** The most format and block changes a decision's record lists for one suggestion. */
const MAX_RECORDED_CHANGES = 50;

/** A decided suggestion as the record keeps it, prose or cell alike. */
type Decided = {
  id: string;
  author: string;
  at: number;
  /** What it proposed, as text ('' for a pure deletion, or a blank cell). */
  inserted: string;
  /** What it proposed to replace, as text. */
  deleted: string;
  /** Formatting and block changes it proposed (prose only). */
  changes: ProposedChanges;
  conflictsWith: string[];
  /** The cell it proposed a value for; null for prose. */
  cell: FieldTarget | null;
  /** The row's title or the KPI's name, so the record reads without the table ('' for prose). */
  cellName: string;
};

/** A cell suggestion as text, read before the decision. */
type CellTexts = { inserted: string; deleted: string; cellName: string };

type Decisions = { decided: Decided[]; resolved: Decided[]; missing: string[] };

/** Prose and cell outcomes as one; `texts` has each cell suggestion as text, read before the decision. */
function decisionsOf(prose: DecisionOutcome, fields: FieldDecisionOutcome | null, texts: Map<string, CellTexts>): Decisions {
  const ofProse = (s: DecisionOutcome['decided'][number]): Decided => ({
    id: s.id,
    author: s.author,
    at: s.at,
    inserted: s.inserted,
    deleted: s.deleted,
    // Bounded like the texts (clip): a proposal of many breaks keeps the first of them.
    changes: { formats: s.formats.slice(0, MAX_RECORDED_CHANGES), structure: s.structure.slice(0, MAX_RECORDED_CHANGES) },
    conflictsWith: s.conflictsWith,
    cell: null,
    cellName: '',
  });
  const ofCell = (s: FieldSuggestion): Decided => ({
    id: s.id,
    author: s.author,
    at: s.at,
    inserted: texts.get(s.id)?.inserted ?? '',
    deleted: texts.get(s.id)?.deleted ?? '',
    changes: { formats: [], structure: [] },
    conflictsWith: s.conflictsWith,
    cell: { ...s.target },
    cellName: texts.get(s.id)?.cellName ?? '',
  });
  return {
    decided: [...prose.decided.map(ofProse), ...(fields?.decided ?? []).map(ofCell)],
    resolved: [...prose.resolved.map(ofProse), ...(fields?.resolved ?? []).map(ofCell)],
    missing: prose.missing,
  };
}

/** A cell's value as the measure table prints it: text as it is, a figure with the KPI's unit (「80 店舗」). */
function cellText(doc: Y.Doc, target: FieldTarget, value: FieldValue | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const kpi = target.kind === 'kpiFigure' ? readKpiRecord(doc, target.id) : null;
  return formatMeasured(value, kpi?.unit ?? '', { components: kpi?.components });
}

/** What the record calls a cell's row or KPI: its title or name as it reads now. */
function cellName(doc: Y.Doc, target: FieldTarget): string {
  return (target.kind === 'node' ? readNodeText(doc, target.id, 'title') : readKpiRecord(doc, target.id)?.name) ?? '';
}

/** The rows and audit entries of a decision: each decided and each resolved suggestion. */
function recordOf(plan: VisiblePlan, user: UserRecord, request: SuggestionDecisionRequest, outcome: Decisions) {
  const at = Date.now();
  const acceptedIds = new Set(request.decision === 'accept' ? outcome.decided.map((s) => s.id) : []);
  const cellOf = new Map([...outcome.decided, ...outcome.resolved].map((s) => [s.id, s]));
  const row = (s: Decided, decision: 'accept' | 'reject', conflictOf: string | null): NewSuggestionDecision => ({
    planId: plan.id,
    suggestionId: s.id,
    decision,
    authorId: s.author,
    suggestedAt: suggestedAt(s.at),
    inserted: s.inserted,
    deleted: s.deleted,
    changes: s.changes,
    decidedBy: user.id,
    decidedAt: at,
    conflictOf,
  });
  const decided = outcome.decided.map((s) => row(s, request.decision, null));
  // A competing suggestion was rejected by the acceptance of one it competed with.
  const resolved = outcome.resolved.map((s) => row(s, 'reject', s.conflictsWith.find((id) => acceptedIds.has(id)) ?? null));
  const audit = [...decided, ...resolved].map((d): NewAuditEntry => {
    const { cell = null, cellName = '' } = cellOf.get(d.suggestionId) ?? {};
    return {
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
        // Formatting and block changes by name (太字を付ける, 段落を分ける…), without their text.
        ...(d.changes.formats.length > 0 ? { formats: d.changes.formats.map((f) => ({ mark: f.mark, action: f.action })) } : {}),
        ...(d.changes.structure.length > 0 ? { structure: d.changes.structure } : {}),
        ...(d.conflictOf ? { conflictOf: d.conflictOf } : {}),
        // A cell suggestion names the cell it decided (the row's or KPI's id and the field, and its title or name).
        ...(cell ? { cell, ...(cellName ? { cellName: clip(cellName) } : {}) } : {}),
      },
    };
  });
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
    ...d.changes,
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
    ...d.changes,
    decidedBy: { id: d.decidedBy, name: d.decidedByName },
    decidedAt: iso(d.decidedAt),
    conflictOf: d.conflictOf,
  };
}
