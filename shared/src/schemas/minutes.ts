import { z } from 'zod';

/**
 * The minutes of a meeting (議事録), written live in their own document (docNameForMinutes):
 * sent to those present, corrected, then confirmed by the chair and frozen with a hash
 * (issue 17, landing B). What the minutes routes take and answer.
 */

export const MAX_CORRECTION_TEXT_CHARS = 2000;
/** More than any meeting's minutes get; keeps a runaway client from filling the record. */
export const MAX_CORRECTIONS_PER_MEETING = 200;
export const MAX_OPEN_CORRECTIONS_PER_AUTHOR = 20;

export const MINUTES_STATES = ['draft', 'sent', 'confirmed'] as const;
export const MinutesState = z.enum(MINUTES_STATES);
export type MinutesState = z.infer<typeof MinutesState>;

/** How people are named when the minutes are published: as spoken, or 委員A, 委員B… */
export const PUBLISH_NAMES = ['asSpoken', 'anonymised'] as const;
export const PublishNames = z.enum(PUBLISH_NAMES);
export type PublishNames = z.infer<typeof PublishNames>;

export const CORRECTION_STATES = ['open', 'applied', 'declined'] as const;
export const CorrectionState = z.enum(CORRECTION_STATES);
export type CorrectionState = z.infer<typeof CorrectionState>;

const Person = z.object({ userId: z.string(), name: z.string() });

/** A correction a member suggests to the sent minutes: the passage, what it should say, and why. */
export const MinutesCorrection = z.object({
  id: z.string(),
  /** null once the account is gone. */
  author: Person.nullable(),
  quote: z.string(),
  proposal: z.string(),
  reason: z.string(),
  state: CorrectionState,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type MinutesCorrection = z.infer<typeof MinutesCorrection>;

export const Minutes = z.object({
  meetingId: z.string(),
  /** The live document to open (docNameForMinutes(meetingId)). */
  docName: z.string(),
  state: MinutesState,
  sentAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: Person.nullable(),
  /** SHA-256 (lowercase hex) of the canonical JSON of the prose frozen on confirmation. */
  hash: z.string().nullable(),
  publishNames: PublishNames,
  /** In the order they were filed. */
  corrections: z.array(MinutesCorrection),
  /** Bumped on every change of state or publication option; writes name the version they saw. */
  version: z.number().int(),
});
export type Minutes = z.infer<typeof Minutes>;

export const MinutesResponse = z.object({
  minutes: Minutes,
  /** What the caller's socket on the live document gets. */
  access: z.enum(['edit', 'read']),
  mayConfirm: z.boolean(),
  mayManage: z.boolean(),
});
export type MinutesResponse = z.infer<typeof MinutesResponse>;

// ---------------------------------------------------------------- requests

const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

// Control characters other than line breaks and tabs, and the bidirectional overrides.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

const CorrectionText = z
  .string()
  .trim()
  .max(MAX_CORRECTION_TEXT_CHARS)
  .refine((s) => !UNPRINTABLE.test(s), { message: 'no control characters' });
const Required = (what: string) => CorrectionText.pipe(z.string().min(1, { message: `${what} is required` }));

export const SendMinutesRequest = z.object({ version: Version }).strict();
export type SendMinutesRequest = z.infer<typeof SendMinutesRequest>;

export const ConfirmMinutesRequest = z.object({ version: Version }).strict();
export type ConfirmMinutesRequest = z.infer<typeof ConfirmMinutesRequest>;

export const SetMinutesPublicationRequest = z.object({ version: Version, names: PublishNames }).strict();
export type SetMinutesPublicationRequest = z.infer<typeof SetMinutesPublicationRequest>;

export const FileMinutesCorrectionRequest = z
  // The reason may be left empty: a typo needs none.
  .object({ quote: Required('the quoted passage'), proposal: Required('the proposed wording'), reason: CorrectionText })
  .strict();
export type FileMinutesCorrectionRequest = z.infer<typeof FileMinutesCorrectionRequest>;

export const ResolveMinutesCorrectionRequest = z.object({ state: z.enum(['applied', 'declined']) }).strict();
export type ResolveMinutesCorrectionRequest = z.infer<typeof ResolveMinutesCorrectionRequest>;
