import { z } from 'zod';
import { Person } from '../comments/model';

/**
 * Who accepts and rejects suggestions (見え消し) in a council: every editor (the default), or
 * only the chair, and a vice chair the chair delegated on the plan's open review.
 */
export const SUGGESTION_DECIDERS = ['editors', 'chair'] as const;
export const SuggestionDeciders = z.enum(SUGGESTION_DECIDERS);
export type SuggestionDeciders = z.infer<typeof SuggestionDeciders>;

/** At most this many suggestions are decided by one request (the client expands "all" into ids). */
export const MAX_SUGGESTION_DECISIONS = 500;

/** A suggestion's group id, as its marks carry it. */
const SuggestionId = z.string().min(1).max(64);

export const SuggestionDecisionRequest = z.object({
  decision: z.enum(['accept', 'reject']),
  ids: z.array(SuggestionId).min(1).max(MAX_SUGGESTION_DECISIONS),
});
export type SuggestionDecisionRequest = z.infer<typeof SuggestionDecisionRequest>;

/** Formatting a suggestion proposed for others' text (見え消し of formatting), and the text it applied to. */
export const FormatChange = z.object({ mark: z.string().max(32), action: z.enum(['add', 'remove']), text: z.string() });
/** A change of blocks a suggestion proposed: a new paragraph, a line break, a join, a retyping. */
export const StructureChange = z.object({ op: z.enum(['split', 'line', 'join', 'type']), block: z.string().max(32), level: z.number().int().min(0).max(6) });
/** What a suggestion proposed besides wording; both empty for a change of wording only. */
export const ProposedChanges = z.object({ formats: z.array(FormatChange), structure: z.array(StructureChange) });
export type ProposedChanges = z.infer<typeof ProposedChanges>;

/** One decided suggestion, as recorded: whose, what it proposed, and who decided it when. */
export const SuggestionDecision = z.object({
  suggestionId: z.string(),
  decision: z.enum(['accept', 'reject']),
  /** Who suggested it (the name is empty when the id names no account). */
  author: Person,
  /** When it was suggested. */
  at: z.string(),
  /** The proposed text ('' for a pure deletion); kept here also when it was rejected. */
  inserted: z.string(),
  /** The text proposed for removal ('' for a pure insertion). */
  deleted: z.string(),
  /** Formatting it proposed for others' text (empty for most). */
  formats: z.array(FormatChange),
  /** Changes of blocks it proposed (empty for most). */
  structure: z.array(StructureChange),
  decidedBy: Person,
  decidedAt: z.string(),
  /** The accepted suggestion whose acceptance rejected this competing one; null when decided directly. */
  conflictOf: z.string().nullable(),
});
export type SuggestionDecision = z.infer<typeof SuggestionDecision>;

export const SuggestionDecisionResponse = z.object({
  /** The suggestions decided as asked. */
  decided: z.array(SuggestionDecision),
  /** Competing suggestions rejected because one they competed with was accepted. */
  resolved: z.array(SuggestionDecision),
  /** Asked-for ids the draft no longer holds (someone decided them first): not an error. */
  missing: z.array(z.string()),
});
export type SuggestionDecisionResponse = z.infer<typeof SuggestionDecisionResponse>;

export const SuggestionHistoryQuery = z.object({
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^[1-9][0-9]{0,14}$/, 'a cursor from a previous page').optional(),
});

export const SuggestionHistoryResponse = z.object({
  /** Newest first. */
  decisions: z.array(SuggestionDecision),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SuggestionHistoryResponse = z.infer<typeof SuggestionHistoryResponse>;

/** What the plan page needs to know about suggestions, for the caller. */
export const PlanSuggestions = z.object({
  /** Whether the caller may accept and reject suggestions now. */
  mayDecide: z.boolean(),
  /** A review with `suggestionsOnly` is open: even editors only suggest until it closes. */
  mustSuggest: z.boolean(),
  deciders: SuggestionDeciders,
  /**
   * The caller is an observer whom a review open now invited to suggest (`invitedMaySuggest`):
   * they open the live draft, in 提案 only (`mustSuggest` is true for them), and decide nothing.
   */
  invitedToSuggest: z.boolean(),
});
export type PlanSuggestions = z.infer<typeof PlanSuggestions>;

export const CouncilSuggestionSettings = z.object({ suggestionDeciders: SuggestionDeciders });
export type CouncilSuggestionSettings = z.infer<typeof CouncilSuggestionSettings>;
