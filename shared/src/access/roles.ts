/** The council roles a workspace membership can carry (see DESIGN.md: roles are per workspace, never global). */
export const ROLES = ['chair', 'vice_chair', 'member', 'staff', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a role may be allowed to do; routes and websocket messages ask for one of these. */
export const CAPABILITIES = [
  'plan.read',
  'draft.read',
  'plan.edit',
  /**
   * Propose wording in the live draft (見え消し) without changing it: typing is marked as a
   * suggested insertion, deleting as a suggested deletion. Editors hold it too; staff, who do
   * not edit, suggest their 事務局案 with it.
   */
  'draft.suggest',
  /** Accept or reject suggestions (the council may restrict this to the chair: suggestionDeciders). */
  'suggestion.decide',
  /**
   * Suggest in the live draft while a review that invited them, and lets its invitees suggest
   * (`invitedMaySuggest`), is open: observers, who otherwise never open the draft.
   */
  'draft.suggestWhenInvited',
  'comment.write',
  'thread.resolve',
  'opinion.respond',
  'review.open',
  'review.decide',
  'kpi.recordActuals',
  'members.read',
  'members.manage',
  /** Create a plan of the council (blank, from a template, or as a next edition). */
  'plan.create',
  /** Change a plan's title, period and status. */
  'plan.manage',
  /** See the council's meetings: their agenda, attendance and quorum (issue 17). */
  'meetings.read',
  /** Create and change meetings, their agenda and attendance, send the agenda, set the quorum rule. */
  'meetings.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const MEMBER: readonly Capability[] = [
  'plan.read',
  'draft.read',
  'plan.edit',
  'draft.suggest',
  'suggestion.decide',
  'comment.write',
  'members.read',
  'meetings.read',
];

/**
 * The role → capability table, as data. The vice chair approves only when the chair
 * delegates (a per-review grant, not a standing capability), so the table gives it none.
 */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = {
  // The chair opens reviews and freezes revisions as the secretariat does, and decides them.
  // The chair runs the council's sittings beside the secretariat (meetings.manage).
  chair: [...MEMBER, 'thread.resolve', 'review.open', 'review.decide', 'plan.create', 'plan.manage', 'meetings.manage'],
  vice_chair: [...MEMBER],
  member: [...MEMBER],
  staff: [
    'plan.read',
    'draft.read',
    'draft.suggest',
    'comment.write',
    'thread.resolve',
    'opinion.respond',
    'review.open',
    'kpi.recordActuals',
    'members.read',
    'members.manage',
    'plan.create',
    'plan.manage',
    'meetings.read',
    'meetings.manage',
  ],
  // Observers read what the council approved; a review can invite them to one revision, and to suggest on the draft while it is open.
  observer: ['plan.read', 'draft.suggestWhenInvited'],
};

/**
 * Who gives and takes away each role, as data: `administrators` of the installation (the CLI,
 * the administration screens) or the council's `secretariat` (staff, `members.manage`;
 * administrators may too). Separation of duties: the chair decides what staff freeze and
 * the vice chair may decide in the chair's place, so staff never appoint or remove either.
 */
export const APPOINTED_BY = {
  chair: 'administrators',
  vice_chair: 'administrators',
  member: 'secretariat',
  staff: 'secretariat',
  observer: 'secretariat',
} as const satisfies Readonly<Record<Role, 'administrators' | 'secretariat'>>;

/** The roles the council's secretariat gives, changes and ends (APPOINTED_BY says `secretariat`). */
export type SecretariatRole = { [R in Role]: (typeof APPOINTED_BY)[R] extends 'secretariat' ? R : never }[Role];

/** Whether staff may give this role, or change or end a membership that has it. */
export function isSecretariatRole(role: Role): role is SecretariatRole {
  return APPOINTED_BY[role] === 'secretariat';
}

/** The roles staff give, in the table's order: for a choice of role and a request schema. */
export const SECRETARIAT_ROLES = ROLES.filter(isSecretariatRole) as unknown as readonly [SecretariatRole, ...SecretariatRole[]];

/** Whether a member with `role` holds `capability`; no role (not a member) holds nothing. */
export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && ROLE_CAPABILITIES[role].includes(capability);
}

/**
 * What a live document connection may do, strongest first: change content, only suggest
 * changes (its updates may add text only as its own suggestion and mark text as its own
 * suggested deletion), only comment, or only read.
 */
export const DOC_ACCESS = ['edit', 'suggest', 'comment', 'read'] as const;
export type DocAccess = (typeof DOC_ACCESS)[number];

/** The document access a role gets on a plan's live draft; null when it may not open the draft. */
export function docAccessOf(role: Role): DocAccess | null {
  if (can(role, 'plan.edit')) return 'edit';
  if (can(role, 'draft.suggest')) return 'suggest';
  if (can(role, 'comment.write')) return 'comment';
  if (can(role, 'draft.read')) return 'read';
  return null;
}

/**
 * The document access an open review that invites someone to suggest (`invitedMaySuggest`)
 * gives them, if their role takes such an invitation: `suggest`, never more; null otherwise.
 */
export function invitedDocAccessOf(role: Role): DocAccess | null {
  return can(role, 'draft.suggestWhenInvited') ? 'suggest' : null;
}

/** The stronger of two document accesses, null meaning none (a role's and an invitation's). */
export function strongerDocAccess(a: DocAccess | null, b: DocAccess | null): DocAccess | null {
  if (a === null || b === null) return a ?? b;
  return DOC_ACCESS[Math.min(DOC_ACCESS.indexOf(a), DOC_ACCESS.indexOf(b))] as DocAccess;
}

/** The weaker of two document accesses, e.g. a token's grant against the holder's current role. */
export function weakerDocAccess(a: DocAccess, b: DocAccess): DocAccess {
  return DOC_ACCESS[Math.max(DOC_ACCESS.indexOf(a), DOC_ACCESS.indexOf(b))] as DocAccess;
}

/** Whether a role name from outside (CLI, request body) is one of ours. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
