import { CLOSE_CODES, type DocAccess } from '@sakutei/shared';

/**
 * The expected answer of every HTTP route to every kind of caller, in one table. The test
 * (authz.test.ts) reads the route list from the running server's OpenAPI document and fails
 * when a route is missing here or listed here but gone there: adding a route means deciding,
 * in this file, who may call it.
 *
 * Sources of the answers: the role table in the README (shared/src/access/roles.ts), the
 * comment policy (shared/src/comments/policy.ts), the review state machine
 * (shared/src/revisions/workflow.ts) and the rule that whatever belongs to another council is
 * "not found", never "forbidden".
 */

/**
 * `admin` is an installation administrator (users.is_admin) who is on no council: on council
 * routes they are an outsider (administration does not open anyone's plans); only the
 * /api/admin routes answer them differently.
 */
export const CALLERS = ['anonymous', 'outsider', 'observer', 'staff', 'member', 'vice_chair', 'chair', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

/**
 * One status, or the few a success may take depending on state. A set never mixes a refusal
 * (4xx) with a success (2xx): the test checks that.
 */
export type Expected = number | readonly number[];

export type CallSpec = {
  /** The concrete path, with its query string. */
  path: string;
  body?: unknown;
  /** Raw bytes sent as application/octet-stream instead of a JSON body (a material's upload). */
  bytes?: Uint8Array;
  /** Call with a session made for this call alone, because the route ends the session it is called with. */
  session?: 'fresh';
};

type Ref = { id: string; hash: string };
type ThreadRef = { id: string; commentId: string };

/** Real targets for every route, built by the test against the running server. */
export interface Fixtures {
  planId: string;
  workspaceId: string;
  /** Another council (the outsider chairs it): the admin routes rename, archive and appoint there. */
  otherWorkspaceId: string;
  kpiId: string;
  /** A project placement of the plan (a row with a yearly 実施状況). */
  placementId: string;
  anchor: ReturnType<typeof measureAnchor>;
  /** Users the requests name; the anonymous caller has none. */
  userIds: Record<SignedInCaller, string>;
  /** A council member whose role the matrix sets (to what it already is) and who is finally removed. */
  targetUserId: string;
  /** A thread on the live draft, started by the member. */
  thread: ThreadRef;
  /** A thread on `invitedReview`, started by the invited observer. */
  observerThread: ThreadRef;
  /** The seeded, approved revision. */
  approved: Ref;
  /** A revision frozen by staff and still in the `draft` review state. */
  frozen: Ref;
  /** A revision under review that invited the observer. */
  invitedReview: Ref;
  /** A notification of the member's (a reply to their thread). */
  notificationId: string;
  /** An XLSX file (the KPI export) for the spreadsheet import preview. */
  xlsxBase64: string;
  /** Sign-in details of each caller, for routes that need a session of their own. */
  signInBody: { email: string; password: string };
  /** A fresh thread on the draft, started by the member: for calls whose success uses it up. */
  newThread(): Promise<ThreadRef>;
  /** A fresh thread by the observer on `invitedReview`. */
  newObserverThread(): Promise<ThreadRef>;
  /** A fresh revision frozen by staff, in the `draft` review state. */
  freeze(): Promise<Ref>;
  /** A fresh revision under review: opened by staff, or by the chair when delegating to the vice chair. */
  inReview(options?: { delegateToViceChair?: boolean; inviteObserver?: boolean }): Promise<Ref>;
  /** Every signed-in caller's address and password (for routes that ask for the current password). */
  credentials: Record<SignedInCaller, { email: string; password: string }>;
  /** A fresh invitation to a new address (role member), made by staff, with its link's token. */
  invite(): Promise<{ id: string; email: string; token: string }>;
  /** A fresh password-reset link's token for the target member, issued by staff. */
  resetToken(): Promise<string>;
  /** A fresh measure-table import into the draft, made by the member through the API: its id, for undoing. */
  newImport(): Promise<string>;
  /** A meeting of the council made by staff (issue 17), and a fresh one (version 1) for calls whose success changes or deletes it. */
  meetingId: string;
  newMeeting(): Promise<string>;
  /** A fresh meeting marked held (version 2): minutes are sent only after the sitting. */
  heldMeeting(): Promise<string>;
  /** A fresh meeting with one agenda item (issue 17 decisions), and one that also holds a 報告 decision on it. */
  meetingWithItem(): Promise<{ meetingId: string; agendaItemId: string }>;
  newDecision(): Promise<{ meetingId: string; decisionId: string }>;
  /** A meeting holding one uploaded PDF material (issue 17 materials), and a fresh one per call for changes. */
  material: { meetingId: string; materialId: string };
  newMaterial(): Promise<{ meetingId: string; materialId: string }>;
  /** A small PDF's bytes for uploads. */
  pdf: Uint8Array;
  /** A meeting whose minutes staff have sent (issue 17 minutes): everyone on the council files corrections there. */
  minutesMeetingId: string;
  /** A fresh meeting whose minutes are sent (minutes version 2), and a fresh open correction on such a meeting. */
  sentMinutes(): Promise<string>;
  newCorrection(): Promise<{ meetingId: string; correctionId: string }>;
}

export type MatrixCase = {
  /** What sets this case apart when a route has several. */
  variant?: string;
  request: (f: Fixtures, caller: Caller) => CallSpec | Promise<CallSpec>;
  expect: Record<Caller, Expected>;
  /**
   * The code disagrees with the README for these callers: `expect` holds the README's answer,
   * and the test checks that the server still answers otherwise, so fixing the code turns the
   * test red until this mark is removed.
   */
  knownIssue?: { callers: readonly Caller[]; note: string };
};

export type RouteEntry = {
  cases: readonly MatrixCase[];
  /** Served, but not described by the OpenAPI document (so not part of its route list). */
  outsideOpenApi?: true;
  /** Ends every session of the caller: run after all other routes, then everyone signs in again. */
  endsSessions?: true;
};

// ---------------------------------------------------------------- shorthands

const all = (status: number): Record<Caller, number> => ({
  anonymous: status,
  outsider: status,
  observer: status,
  staff: status,
  member: status,
  vice_chair: status,
  chair: status,
  admin: status,
});

/** Anyone signed in gets `status`; the anonymous caller is asked to sign in. */
const signedIn = (status: number): Record<Caller, number> => ({ ...all(status), anonymous: 401 });

/** Everyone on the council (observers too) gets `status`; another council's member learns nothing. */
const council = (status: number): Record<Caller, number> => ({ ...signedIn(status), outsider: 404, admin: 404 });

/** `council`, except for the observer. */
const councilBut = (status: number, observer: number): Record<Caller, number> => ({ ...council(status), observer });

/** Installation administration: an administrator succeeds, anyone else signed in is refused. */
const adminOnly = (status: number | readonly number[]): Record<Caller, Expected> => ({ ...signedIn(403), admin: status });

const enc = encodeURIComponent;
/** One new 施策体系 row with another city's header words, imported at the end of the plan. */
export const IMPORT_BODY = { source: { kind: 'text', text: '番号\t施策名\t取組内容\n9\t権限確認の施策\t行列の確認\n' } };
const csv = 'format=csv';

/** A comment anchor on one KPI's R5 actual: exists in the draft and in every revision frozen from it. */
export const measureAnchor = (kpiId: string) => ({
  kind: 'measure' as const,
  target: { kind: 'kpi' as const, id: kpiId, field: 'actual' as const, fiscalYear: 2023 },
  quote: '成果指標 実績値 R5',
});

// ---------------------------------------------------------------- the table

export const MATRIX: Readonly<Record<string, RouteEntry>> = {
  // ---- auth
  'POST /api/auth/sign-in': {
    // Anyone may sign in, whoever they are now; a second account's session is harmless.
    cases: [{ request: (f) => ({ path: '/api/auth/sign-in', body: f.signInBody }), expect: all(200) }],
  },
  'POST /api/auth/sign-out': {
    // Signing out without a session is not an error: the cookie is cleared either way.
    cases: [{ request: () => ({ path: '/api/auth/sign-out', session: 'fresh' }), expect: all(200) }],
  },
  'POST /api/auth/sign-out-everywhere': {
    endsSessions: true,
    cases: [{ request: () => ({ path: '/api/auth/sign-out-everywhere' }), expect: signedIn(200) }],
  },
  'GET /api/me': { cases: [{ request: () => ({ path: '/api/me' }), expect: signedIn(200) }] },
  // Sign-in with the identity provider: public by nature. This server has no provider configured,
  // so the flow routes answer 404 to everyone (tests/integration/oidc.test.ts runs them against one).
  'GET /api/auth/methods': { cases: [{ request: () => ({ path: '/api/auth/methods' }), expect: all(200) }] },
  'GET /api/auth/oidc/start': { cases: [{ request: () => ({ path: '/api/auth/oidc/start' }), expect: all(404) }] },
  'POST /api/auth/oidc/start': {
    cases: [{ request: async (f) => ({ path: '/api/auth/oidc/start', body: { token: (await f.invite()).token } }), expect: all(404) }],
  },
  'GET /api/auth/oidc/callback': { cases: [{ request: () => ({ path: '/api/auth/oidc/callback?code=x&state=y' }), expect: all(404) }] },

  // ---- plans
  'GET /api/plans': { cases: [{ request: () => ({ path: '/api/plans' }), expect: signedIn(200) }] },
  'GET /api/plans/{id}': { cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}` }), expect: council(200) }] },
  'POST /api/plans': {
    // Staff and the chair create plans of their council; a council not one's own is not found.
    // (The next edition archives its source, so it is checked in plans.test.ts, not on the shared plan.)
    cases: [
      {
        variant: 'blank',
        request: (f) => ({ path: '/api/plans', body: { workspaceId: f.workspaceId, title: '権限表の計画', period: { from: 2026, to: 2029 }, source: { kind: 'blank' } } }),
        expect: { ...council(403), staff: 201, chair: 201 },
      },
      {
        variant: 'from a template',
        request: (f) => ({
          path: '/api/plans',
          body: { workspaceId: f.workspaceId, title: '権限表の雛形', period: { from: 2026, to: 2029 }, source: { kind: 'template', planId: f.planId } },
        }),
        expect: { ...council(403), staff: 201, chair: 201 },
      },
    ],
  },
  'PATCH /api/plans/{id}': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}`, body: { status: 'drafting' } }), expect: { ...council(403), staff: 200, chair: 200 } }],
  },
  'POST /api/plans/{id}/collab-token': {
    // Observers do not open the live draft at all.
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/collab-token` }), expect: councilBut(200, 403) }],
  },

  // ---- members
  // Who decides suggestions in the council: every member reads it, staff and the chair set it
  // (the body restates the default, so the fixture council stays as it is).
  'GET /api/workspaces/{id}/suggestion-settings': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/suggestion-settings` }), expect: council(200) }],
  },
  'PUT /api/workspaces/{id}/suggestion-settings': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/suggestion-settings`, body: { suggestionDeciders: 'editors' } }),
        expect: { ...council(403), staff: 200, chair: 200 },
      },
    ],
  },
  // ---- meetings (issue 17): members, the vice chair, the chair and staff read (observers not yet:
  // 404 like outsiders); staff and the chair (meetings.manage) write. Writes that change or
  // delete a meeting get a fresh one per caller, so each allowed call names its version 1.
  'GET /api/workspaces/{id}/meetings': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings` }), expect: councilBut(200, 404) }],
  },
  'POST /api/workspaces/{id}/meetings': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings`, body: { kind: 'regular', date: '2025-11-20', startTime: '14:00', place: '権限表 会議室' } }),
        expect: { ...councilBut(403, 404), staff: 201, chair: 201 },
      },
    ],
  },
  'GET /api/workspaces/{id}/meetings/{meetingId}': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}` }), expect: councilBut(200, 404) }],
  },
  'PATCH /api/workspaces/{id}/meetings/{meetingId}': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${await f.newMeeting()}`, body: { version: 1, title: '権限表の確認' } }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'DELETE /api/workspaces/{id}/meetings/{meetingId}': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${await f.newMeeting()}` }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'PUT /api/workspaces/{id}/meetings/{meetingId}/agenda': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({
          path: `/api/workspaces/${f.workspaceId}/meetings/${await f.newMeeting()}/agenda`,
          body: { version: 1, items: [{ title: '第2期振興プログラムの進捗について', presenter: '事務局', minutes: 20 }] },
        }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/agenda/send': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}/agenda/send` }), expect: { ...councilBut(403, 404), staff: 200, chair: 200 } }],
  },
  'GET /api/workspaces/{id}/meetings/{meetingId}/link-targets': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}/link-targets?planId=${f.planId}` }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'PUT /api/workspaces/{id}/meetings/{meetingId}/attendance': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({
          path: `/api/workspaces/${f.workspaceId}/meetings/${await f.newMeeting()}/attendance`,
          body: { version: 1, entries: [{ userId: f.userIds.member, attendance: 'present' }] },
        }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  // A 報告 needs no quorum, so the fixture meeting (nobody's attendance recorded) takes it.
  'POST /api/workspaces/{id}/meetings/{meetingId}/decisions': {
    cases: [
      {
        variant: 'a fresh meeting with an agenda item per caller',
        request: async (f) => {
          const { meetingId, agendaItemId } = await f.meetingWithItem();
          return { path: `/api/workspaces/${f.workspaceId}/meetings/${meetingId}/decisions`, body: { agendaItemId, kind: 'report', text: '事務局から報告' } };
        },
        expect: { ...councilBut(403, 404), staff: 201, chair: 201 },
      },
    ],
  },
  'DELETE /api/workspaces/{id}/meetings/{meetingId}/decisions/{decisionId}': {
    cases: [
      {
        variant: 'a fresh decision per caller',
        request: async (f) => {
          const { meetingId, decisionId } = await f.newDecision();
          return { path: `/api/workspaces/${f.workspaceId}/meetings/${meetingId}/decisions/${decisionId}` };
        },
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  // The minutes (議事録): read with the meeting; staff and the chair send them, set the
  // publication names and answer corrections; only the chair confirms; every reader may
  // suggest a correction while they are sent.
  'GET /api/workspaces/{id}/meetings/{meetingId}/minutes': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}/minutes` }), expect: councilBut(200, 404) }],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/minutes/send': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${await f.heldMeeting()}/minutes/send`, body: { version: 1 } }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/minutes/confirm': {
    cases: [
      {
        variant: 'fresh sent minutes per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${await f.sentMinutes()}/minutes/confirm`, body: { version: 2 } }),
        expect: { ...councilBut(403, 404), chair: 200 },
      },
    ],
  },
  'PUT /api/workspaces/{id}/meetings/{meetingId}/minutes/publication': {
    cases: [
      {
        variant: 'a fresh meeting per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${await f.newMeeting()}/minutes/publication`, body: { version: 1, names: 'asSpoken' } }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/minutes/corrections': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.minutesMeetingId}/minutes/corrections`, body: { quote: '権限表', proposal: '権限の表', reason: '' } }),
        expect: councilBut(201, 404),
      },
    ],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/minutes/corrections/{correctionId}/resolve': {
    cases: [
      {
        variant: 'a fresh correction per caller',
        request: async (f) => {
          const { meetingId, correctionId } = await f.newCorrection();
          return { path: `/api/workspaces/${f.workspaceId}/meetings/${meetingId}/minutes/corrections/${correctionId}/resolve`, body: { state: 'declined' } };
        },
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  // The calendar of the plan cycle: read like the meeting list.
  'GET /api/workspaces/{id}/meetings-calendar': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings-calendar?fy=2025` }), expect: councilBut(200, 404) }],
  },
  // Materials (資料): read with the meeting, changed by staff and the chair.
  'GET /api/workspaces/{id}/meetings/{meetingId}/materials': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/materials` }), expect: councilBut(200, 404) }],
  },
  'POST /api/workspaces/{id}/meetings/{meetingId}/materials': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}/materials?name=${encodeURIComponent('権限表.pdf')}`, bytes: f.pdf }),
        expect: { ...councilBut(403, 404), staff: 201, chair: 201 },
      },
    ],
  },
  // A material generated from a frozen revision: added like an upload.
  'POST /api/workspaces/{id}/meetings/{meetingId}/materials/generated': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.meetingId}/materials/generated`, body: { planId: f.planId, revisionId: f.approved.id, kind: 'revision' } }),
        expect: { ...councilBut(403, 404), staff: 201, chair: 201 },
      },
    ],
  },
  'PATCH /api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/materials/${f.material.materialId}`, body: { title: '権限表の資料' } }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'DELETE /api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}': {
    cases: [
      {
        variant: 'a fresh material per caller',
        request: async (f) => {
          const { meetingId, materialId } = await f.newMaterial();
          return { path: `/api/workspaces/${f.workspaceId}/meetings/${meetingId}/materials/${materialId}` };
        },
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'GET /api/workspaces/{id}/meetings/{meetingId}/materials/{materialId}/file': {
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/materials/${f.material.materialId}/file` }),
        expect: councilBut(200, 404),
      },
    ],
  },
  'GET /api/workspaces/{id}/meetings/{meetingId}/materials/bundle': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/materials/bundle` }), expect: councilBut(200, 404) }],
  },
  // Meeting documents (次第, 出席者名簿, 議事録): read with the meeting; the fixture's minutes are
  // not confirmed, so only staff and the chair take them (a draft marked 案), others on the council 403.
  'GET /api/workspaces/{id}/meetings/{meetingId}/exports/{file}': {
    cases: [
      ...['agenda.docx', 'agenda.html', 'attendance.docx', 'attendance.html'].map((file) => ({
        variant: file,
        request: (f: Fixtures) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/exports/${file}` }),
        expect: councilBut(200, 404),
      })),
      ...['minutes.docx', 'minutes.html?names=anonymised'].map((file) => ({
        variant: `${file} (draft minutes)`,
        request: (f: Fixtures) => ({ path: `/api/workspaces/${f.workspaceId}/meetings/${f.material.meetingId}/exports/${file}` }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      })),
    ],
  },
  'GET /api/workspaces/{id}/meeting-settings': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meeting-settings` }), expect: councilBut(200, 404) }],
  },
  'PUT /api/workspaces/{id}/meeting-settings': {
    // The body restates the default rule, so the fixture council stays as it is.
    cases: [
      {
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/meeting-settings`, body: { quorum: { kind: 'moreThanHalf', proxyCounts: true } } }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
    ],
  },
  'GET /api/workspaces/{id}/members': {
    // members.read is the council's and the secretariat's; the code answers an observer (who is
    // a member of the council) "not found" here, where other routes answer them 403.
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/members` }), expect: councilBut(200, 404) }],
  },
  'PUT /api/workspaces/{id}/members/{userId}': {
    cases: [
      {
        variant: 'a member set to the role they already have',
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/members/${f.targetUserId}`, body: { role: 'member' } }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
      {
        // Nobody changes their own role: the secretariat cannot lock itself out by accident.
        variant: "the caller's own role",
        request: (f, caller) => ({
          path: `/api/workspaces/${f.workspaceId}/members/${caller === 'anonymous' ? f.userIds.staff : f.userIds[caller]}`,
          body: { role: 'staff' },
        }),
        expect: councilBut(403, 404),
      },
    ],
  },
  'PUT /api/workspaces/{id}/members/{userId}/attributes': {
    cases: [
      {
        request: (f) => ({
          path: `/api/workspaces/${f.workspaceId}/members/${f.targetUserId}/attributes`,
          body: { affiliation: '福島大学 経済経営学類', category: 'academic', termFrom: '2025-04-01', termTo: '2027-03-31' },
        }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
    ],
  },
  'POST /api/workspaces/{id}/members/{userId}/reset-link': {
    cases: [
      {
        variant: 'a member',
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/members/${f.targetUserId}/reset-link` }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
      {
        // The chair is appointed by administrators; a reset link is a way into the account.
        variant: 'the chair',
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/members/${f.userIds.chair}/reset-link` }),
        expect: councilBut(403, 404),
      },
    ],
  },

  // ---- invitations (before the target member is removed: the reset-link fixture names them)
  'GET /api/workspaces/{id}/invitations': {
    cases: [{ request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/invitations` }), expect: { ...councilBut(403, 404), staff: 200 } }],
  },
  'POST /api/workspaces/{id}/invitations': {
    cases: [
      {
        request: (f, caller) => ({ path: `/api/workspaces/${f.workspaceId}/invitations`, body: { email: `matrix-${caller}@example.jp`, role: 'member' } }),
        expect: { ...councilBut(403, 404), staff: 201 },
      },
    ],
  },
  'POST /api/workspaces/{id}/invitations/{invitationId}/resend': {
    cases: [
      {
        variant: 'a fresh invitation per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/invitations/${(await f.invite()).id}/resend` }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
    ],
  },
  'DELETE /api/workspaces/{id}/invitations/{invitationId}': {
    cases: [
      {
        variant: 'a fresh invitation per caller',
        request: async (f) => ({ path: `/api/workspaces/${f.workspaceId}/invitations/${(await f.invite()).id}` }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
    ],
  },
  'POST /api/invitations/preview': {
    // The link is the credential: whoever holds it may see what it offers.
    cases: [{ request: async (f) => ({ path: '/api/invitations/preview', body: { token: (await f.invite()).token } }), expect: all(200) }],
  },
  'POST /api/invitations/accept': {
    // Signed in as someone other than the invitee: sign out first. Anonymous: a new account joins.
    cases: [
      {
        variant: 'a fresh invitation per caller, as a new account',
        request: async (f) => ({
          path: '/api/invitations/accept',
          body: { token: (await f.invite()).token, name: '招待 受諾', password: 'invited-password' },
        }),
        expect: { ...all(409), anonymous: 200 },
      },
    ],
  },

  // ---- accounts
  'PATCH /api/account/profile': {
    cases: [{ request: (_f, caller) => ({ path: '/api/account/profile', body: { name: `権限表 ${caller}` } }), expect: signedIn(200) }],
  },
  'POST /api/account/email': {
    // The caller's own address again, proven by the current password: allowed, changes nothing.
    cases: [
      {
        request: (f, caller) => {
          const own = f.credentials[caller === 'anonymous' ? 'member' : caller];
          return { path: '/api/account/email', body: { currentPassword: own.password, email: own.email } };
        },
        expect: signedIn(200),
      },
    ],
  },
  'POST /api/account/password': {
    // The same password again: allowed. Every other session of the caller ends; the one that
    // asked (the matrix's) goes on, so this is not an endsSessions route.
    cases: [
      {
        request: (f, caller) => {
          const own = f.credentials[caller === 'anonymous' ? 'member' : caller];
          return { path: '/api/account/password', body: { currentPassword: own.password, newPassword: own.password } };
        },
        expect: signedIn(200),
      },
    ],
  },
  'POST /api/admin/accounts/{id}/reset-link': {
    cases: [
      { variant: 'another account', request: (f) => ({ path: `/api/admin/accounts/${f.targetUserId}/reset-link` }), expect: adminOnly(200) },
      {
        variant: "the caller's own account",
        request: (f, caller) => ({ path: `/api/admin/accounts/${caller === 'anonymous' ? f.userIds.admin : f.userIds[caller]}/reset-link` }),
        expect: adminOnly(403),
      },
    ],
  },
  'POST /api/password-reset/check': {
    cases: [{ request: async (f) => ({ path: '/api/password-reset/check', body: { token: await f.resetToken() } }), expect: all(200) }],
  },
  'POST /api/password-reset': {
    cases: [
      {
        request: async (f) => ({ path: '/api/password-reset', body: { token: await f.resetToken(), newPassword: 'target-new-password' } }),
        expect: all(200),
      },
    ],
  },

  'DELETE /api/workspaces/{id}/members/{userId}': {
    // Only staff succeed, and the role check comes before the target is looked up, so the
    // target being gone after staff's call changes no later caller's answer. Runs after the PUT.
    cases: [
      {
        variant: "the caller's own membership",
        request: (f, caller) => ({ path: `/api/workspaces/${f.workspaceId}/members/${caller === 'anonymous' ? f.userIds.staff : f.userIds[caller]}` }),
        expect: councilBut(403, 404),
      },
      {
        variant: 'another member',
        request: (f) => ({ path: `/api/workspaces/${f.workspaceId}/members/${f.targetUserId}` }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
    ],
  },

  // ---- measures (the live draft's measure table)
  'GET /api/plans/{id}/measures': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/measures` }), expect: councilBut(200, 403) }],
  },
  'GET /api/plans/{id}/measures/export': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/measures/export?table=kpis&${csv}` }), expect: councilBut(200, 403) }],
  },
  'PUT /api/plans/{id}/kpis/{kpiId}/actuals/{fiscalYear}': {
    // The README's role table gives "record KPI actuals" to staff alone, but its API section
    // and the code let editors record them too (they can edit the whole table anyway).
    cases: [
      {
        request: (f) => ({ path: `/api/plans/${f.planId}/kpis/${f.kpiId}/actuals/2025`, body: { value: { kind: 'number', value: 42 } } }),
        expect: councilBut(200, 403),
      },
    ],
  },
  'PUT /api/plans/{id}/placements/{nodeId}/progress/{fiscalYear}': {
    // 実施状況 is recorded as KPI actuals are: staff (kpi.recordActuals) and editors (plan.edit).
    cases: [
      {
        request: (f) => ({
          path: `/api/plans/${f.planId}/placements/${f.placementId}/progress/2024`,
          body: { entry: { status: 'implemented', note: '権限表の確認', figure: null } },
        }),
        expect: councilBut(200, 403),
      },
    ],
  },
  'PATCH /api/plans/{id}/settings': {
    // 計画の設定: plan.manage (staff and the chair). The body restates the default direction, so
    // the fixture plan's settings stay as they are whoever is allowed.
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/settings`, body: { kpiDirection: 'higher' } }), expect: { ...council(403), staff: 200, chair: 200 } }],
  },
  // Suggestions (見え消し): deciding is `suggestion.decide` (editors; staff suggest but do not
  // decide) while the council leaves it to editors, as the fixture council does. The id is in
  // no document, so an allowed caller gets 200 with it in `missing` and the draft stays as it is.
  'POST /api/plans/{id}/suggestions/decisions': {
    cases: [
      {
        request: (f) => ({ path: `/api/plans/${f.planId}/suggestions/decisions`, body: { decision: 'reject', ids: ['authz-no-such-suggestion'] } }),
        expect: { ...councilBut(200, 403), staff: 403 },
      },
    ],
  },
  'GET /api/plans/{id}/suggestions/decisions': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/suggestions/decisions` }), expect: councilBut(200, 403) }],
  },
  'POST /api/plans/{id}/spreadsheets/rows': {
    cases: [
      {
        request: (f) => ({ path: `/api/plans/${f.planId}/spreadsheets/rows`, body: { fileName: 'kpis.xlsx', contentBase64: f.xlsxBase64 } }),
        expect: councilBut(200, 403),
      },
    ],
  },
  // The measure-table import adds rows: edit access (policies/measures.ts canImportMeasures), so
  // staff, who record figures but do not edit the structure, are refused like observers.
  'POST /api/plans/{id}/import/preview': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/import/preview`, body: IMPORT_BODY }), expect: { ...councilBut(200, 403), staff: 403 } }],
  },
  'POST /api/plans/{id}/import/apply': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/import/apply`, body: IMPORT_BODY }), expect: { ...councilBut(200, 403), staff: 403 } }],
  },
  'POST /api/plans/{id}/import/{importId}/undo': {
    cases: [
      {
        request: async (f) => ({ path: `/api/plans/${f.planId}/import/${await f.newImport()}/undo` }),
        expect: { ...councilBut(200, 403), staff: 403 },
      },
    ],
  },

  // ---- comments
  'GET /api/plans/{id}/threads': {
    // Observers get the list, holding only threads on revisions shown to them.
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/threads` }), expect: council(200) }],
  },
  'POST /api/plans/{id}/threads': {
    cases: [
      {
        variant: 'on the live draft',
        request: (f) => ({ path: `/api/plans/${f.planId}/threads`, body: { anchor: f.anchor, body: '権限表の確認' } }),
        expect: councilBut(201, 403),
      },
      {
        variant: 'on a revision under review that invited the observer',
        request: (f) => ({
          path: `/api/plans/${f.planId}/threads`,
          body: { anchor: f.anchor, body: '審議中の版への意見', revisionId: f.invitedReview.id },
        }),
        expect: council(201),
      },
      {
        variant: 'on the approved revision (no open review)',
        request: (f) => ({
          path: `/api/plans/${f.planId}/threads`,
          body: { anchor: f.anchor, body: '承認済みの版への意見', revisionId: f.approved.id },
        }),
        expect: councilBut(201, 403),
      },
    ],
  },
  'GET /api/threads/{threadId}': {
    cases: [
      { variant: 'on the live draft', request: (f) => ({ path: `/api/threads/${f.thread.id}` }), expect: councilBut(200, 404) },
      {
        variant: "on the observer's invited review",
        request: (f) => ({ path: `/api/threads/${f.observerThread.id}` }),
        expect: council(200),
      },
    ],
  },
  'POST /api/threads/{threadId}/comments': {
    cases: [
      {
        variant: 'on the live draft',
        request: (f) => ({ path: `/api/threads/${f.thread.id}/comments`, body: { body: '返信' } }),
        expect: councilBut(201, 404),
      },
      {
        variant: "on the observer's invited review",
        request: (f) => ({ path: `/api/threads/${f.observerThread.id}/comments`, body: { body: '返信' } }),
        expect: council(201),
      },
    ],
  },
  'PATCH /api/comments/{commentId}': {
    cases: [
      {
        variant: "the member's comment on the draft",
        request: (f) => ({ path: `/api/comments/${f.thread.commentId}`, body: { body: '最初の意見（修正）' } }),
        expect: { ...councilBut(403, 404), member: 200 },
      },
      {
        variant: "the invited observer's comment",
        request: (f) => ({ path: `/api/comments/${f.observerThread.commentId}`, body: { body: '傍聴者の意見（修正）' } }),
        expect: { ...council(403), observer: 200 },
      },
    ],
  },
  'DELETE /api/comments/{commentId}': {
    cases: [
      {
        variant: "the member's comment on the draft (a fresh one per caller)",
        request: async (f) => ({ path: `/api/comments/${(await f.newThread()).commentId}` }),
        expect: { ...councilBut(403, 404), member: 200 },
      },
      {
        variant: "the invited observer's comment (a fresh one per caller)",
        request: async (f) => ({ path: `/api/comments/${(await f.newObserverThread()).commentId}` }),
        expect: { ...council(403), observer: 200 },
      },
    ],
  },
  // Resolving and reopening can be repeated: both answer 200 whatever the thread's state.
  'POST /api/threads/{threadId}/resolve': {
    cases: [
      {
        variant: "the member's thread on the draft",
        request: (f) => ({ path: `/api/threads/${f.thread.id}/resolve` }),
        expect: { ...councilBut(200, 404), vice_chair: 403 },
      },
      {
        variant: "the invited observer's thread",
        request: (f) => ({ path: `/api/threads/${f.observerThread.id}/resolve` }),
        expect: { ...council(200), member: 403, vice_chair: 403 },
      },
    ],
  },
  'POST /api/threads/{threadId}/reopen': {
    cases: [
      {
        variant: "the member's thread on the draft",
        request: (f) => ({ path: `/api/threads/${f.thread.id}/reopen` }),
        expect: { ...councilBut(200, 404), vice_chair: 403 },
      },
      {
        variant: "the invited observer's thread",
        request: (f) => ({ path: `/api/threads/${f.observerThread.id}/reopen` }),
        expect: { ...council(200), member: 403, vice_chair: 403 },
      },
    ],
  },
  'PUT /api/threads/{threadId}/disposition': {
    cases: [
      {
        request: (f) => ({ path: `/api/threads/${f.thread.id}/disposition`, body: { disposition: 'considering', response: '次回会議で検討します。' } }),
        expect: { ...councilBut(403, 404), staff: 200 },
      },
    ],
  },
  'GET /api/plans/{id}/opinions/export': {
    // Observers export what they can see: threads on revisions shown to them.
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/opinions/export?${csv}` }), expect: council(200) }],
  },
  'GET /api/notifications': { cases: [{ request: () => ({ path: '/api/notifications' }), expect: signedIn(200) }] },
  'POST /api/notifications/read': {
    // Naming someone else's notification marks nothing (checked on its own in the test).
    cases: [{ request: (f) => ({ path: '/api/notifications/read', body: { ids: [f.notificationId] } }), expect: signedIn(200) }],
  },
  // Each caller's own e-mail choice; nobody else's can be named.
  'GET /api/me/notification-settings': { cases: [{ request: () => ({ path: '/api/me/notification-settings' }), expect: signedIn(200) }] },
  'PUT /api/me/notification-settings': {
    cases: [{ request: () => ({ path: '/api/me/notification-settings', body: { email: 'immediate' } }), expect: signedIn(200) }],
  },
  'GET /api/plans/{id}/events': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/events` }), expect: council(200) }],
  },

  // ---- revisions and review
  'GET /api/plans/{id}/revisions': {
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/revisions` }), expect: council(200) }],
  },
  'POST /api/plans/{id}/revisions': {
    cases: [
      {
        request: (f) => ({ path: `/api/plans/${f.planId}/revisions`, body: { name: '権限確認版', stage: '素案' } }),
        expect: { ...council(403), staff: 201, chair: 201 },
      },
    ],
  },
  'GET /api/revisions/{revisionId}': {
    cases: [
      { variant: 'approved', request: (f) => ({ path: `/api/revisions/${f.approved.id}` }), expect: council(200) },
      { variant: 'not yet reviewed', request: (f) => ({ path: `/api/revisions/${f.frozen.id}` }), expect: councilBut(200, 404) },
      { variant: 'under review, observer invited', request: (f) => ({ path: `/api/revisions/${f.invitedReview.id}` }), expect: council(200) },
    ],
  },
  'POST /api/revisions/{revisionId}/review': {
    cases: [
      {
        variant: 'a fresh revision per caller',
        request: async (f) => ({ path: `/api/revisions/${(await f.freeze()).id}/review`, body: {} }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
      {
        // Who before state: someone who may never open a review learns nothing about this one.
        variant: 'the approved revision (a final state)',
        request: (f) => ({ path: `/api/revisions/${f.approved.id}/review`, body: {} }),
        expect: { ...council(403), staff: 409, chair: 409 },
      },
    ],
  },
  'POST /api/revisions/{revisionId}/decision': {
    cases: [
      {
        variant: 'a review opened by staff (fresh per caller)',
        request: async (f) => {
          const r = await f.inReview();
          return { path: `/api/revisions/${r.id}/decision`, body: { decision: 'approve', hash: r.hash } };
        },
        expect: { ...councilBut(403, 404), chair: 200 },
      },
      {
        variant: 'a review delegated to the vice chair (fresh per caller)',
        request: async (f) => {
          const r = await f.inReview({ delegateToViceChair: true });
          return { path: `/api/revisions/${r.id}/decision`, body: { decision: 'approve', hash: r.hash } };
        },
        expect: { ...councilBut(403, 404), vice_chair: 200, chair: 200 },
      },
      {
        variant: 'a review inviting the observer (fresh per caller), sent back',
        request: async (f) => {
          const r = await f.inReview({ inviteObserver: true });
          return { path: `/api/revisions/${r.id}/decision`, body: { decision: 'requestChanges', reason: '数値の根拠を示すこと' } };
        },
        expect: { ...council(403), chair: 200 },
      },
    ],
  },
  'POST /api/revisions/{revisionId}/withdraw': {
    cases: [
      {
        variant: 'a fresh revision per caller',
        request: async (f) => ({ path: `/api/revisions/${(await f.freeze()).id}/withdraw` }),
        expect: { ...councilBut(403, 404), staff: 200, chair: 200 },
      },
      {
        variant: 'the approved revision (a final state)',
        request: (f) => ({ path: `/api/revisions/${f.approved.id}/withdraw` }),
        expect: { ...council(403), staff: 409, chair: 409 },
      },
    ],
  },
  'POST /api/revisions/{revisionId}/restore': {
    // Restoring the approved revision changes the draft, which no later case depends on.
    cases: [
      {
        request: (f) => ({ path: `/api/revisions/${f.approved.id}/restore` }),
        expect: { ...council(200), observer: 403, staff: 403 },
      },
    ],
  },
  'GET /api/revisions/{revisionId}/export': {
    cases: [
      { variant: 'approved', request: (f) => ({ path: `/api/revisions/${f.approved.id}/export?format=html` }), expect: council(200) },
      { variant: 'not yet reviewed', request: (f) => ({ path: `/api/revisions/${f.frozen.id}/export?format=html` }), expect: councilBut(200, 404) },
    ],
  },
  'GET /api/plans/{id}/report': {
    // The live report reads the draft; observers read the report of a revision shown to them.
    cases: [{ request: (f) => ({ path: `/api/plans/${f.planId}/report?fiscalYear=2023&format=html` }), expect: councilBut(200, 403) }],
  },
  'GET /api/revisions/{revisionId}/report': {
    cases: [
      { variant: 'approved', request: (f) => ({ path: `/api/revisions/${f.approved.id}/report?fiscalYear=2023&format=html` }), expect: council(200) },
      { variant: 'not yet reviewed', request: (f) => ({ path: `/api/revisions/${f.frozen.id}/report?fiscalYear=2023&format=html` }), expect: councilBut(200, 404) },
    ],
  },
  'GET /api/plans/{id}/compare': {
    cases: [
      {
        variant: 'approved revision against the draft',
        request: (f) => ({ path: `/api/plans/${f.planId}/compare?from=${enc(f.approved.id)}&to=draft` }),
        expect: councilBut(200, 404),
      },
      {
        variant: 'approved revision against a revision under review that invited the observer',
        request: (f) => ({ path: `/api/plans/${f.planId}/compare?from=${enc(f.approved.id)}&to=${enc(f.invitedReview.id)}` }),
        expect: council(200),
      },
    ],
  },
  'GET /api/plans/{id}/compare/export': {
    cases: [
      {
        variant: 'approved revision against the draft',
        request: (f) => ({ path: `/api/plans/${f.planId}/compare/export?from=${enc(f.approved.id)}&to=draft&format=html` }),
        expect: councilBut(200, 404),
      },
      {
        variant: 'two revisions the observer may see',
        request: (f) => ({ path: `/api/plans/${f.planId}/compare/export?from=${enc(f.approved.id)}&to=${enc(f.invitedReview.id)}&format=html` }),
        expect: council(200),
      },
    ],
  },
  'GET /api/plans/{id}/audit': {
    cases: [
      { request: (f) => ({ path: `/api/plans/${f.planId}/audit` }), expect: councilBut(200, 403) },
      // An older page, by cursor: the same readers, whatever the page.
      { variant: 'an older page', request: (f) => ({ path: `/api/plans/${f.planId}/audit?limit=1&before=2` }), expect: councilBut(200, 403) },
    ],
  },

  // ---- first run: needs no session (the one-time link is the credential)
  'GET /api/setup': { cases: [{ request: () => ({ path: '/api/setup' }), expect: all(200) }] },
  'POST /api/setup': {
    // This installation has administrators, so every caller is told it is set up already.
    cases: [
      {
        request: () => ({ path: '/api/setup', body: { token: 'no-such-token', name: '初期設定', email: 'setup@example.jp', password: 'long-enough-password' } }),
        expect: all(409),
      },
    ],
  },

  // ---- installation administration: only an administrator (on no council) gets through; the
  // routes' existence is no secret, so everyone else signed in is told 403, not 404.
  'GET /api/admin/councils': { cases: [{ request: () => ({ path: '/api/admin/councils' }), expect: adminOnly(200) }] },
  'POST /api/admin/councils': {
    cases: [{ request: () => ({ path: '/api/admin/councils', body: { name: '権限確認協議会' } }), expect: adminOnly(201) }],
  },
  'PATCH /api/admin/councils/{id}': {
    cases: [
      { variant: 'rename (to its own name)', request: (f) => ({ path: `/api/admin/councils/${f.otherWorkspaceId}`, body: { name: '郡山市産業振興会議' } }), expect: adminOnly(200) },
      { variant: 'archive', request: (f) => ({ path: `/api/admin/councils/${f.otherWorkspaceId}`, body: { archived: true } }), expect: adminOnly(200) },
      { variant: 'return from the archive', request: (f) => ({ path: `/api/admin/councils/${f.otherWorkspaceId}`, body: { archived: false } }), expect: adminOnly(200) },
    ],
  },
  'PUT /api/admin/councils/{id}/leaders': {
    cases: [
      {
        request: (f) => ({ path: `/api/admin/councils/${f.otherWorkspaceId}/leaders`, body: { email: 'target@example.jp', role: 'vice_chair' } }),
        expect: adminOnly(200),
      },
    ],
  },
  'DELETE /api/admin/councils/{id}/leaders/{userId}': {
    // Runs after the PUT above: the target, appointed there, goes back to being a member.
    cases: [{ request: (f) => ({ path: `/api/admin/councils/${f.otherWorkspaceId}/leaders/${f.targetUserId}` }), expect: adminOnly(200) }],
  },
  'GET /api/admin/accounts': { cases: [{ request: () => ({ path: '/api/admin/accounts' }), expect: adminOnly(200) }] },
  'PATCH /api/admin/accounts/{id}': {
    cases: [
      { variant: 'deactivate another account', request: (f) => ({ path: `/api/admin/accounts/${f.targetUserId}`, body: { active: false } }), expect: adminOnly(200) },
      { variant: 'reactivate it', request: (f) => ({ path: `/api/admin/accounts/${f.targetUserId}`, body: { active: true } }), expect: adminOnly(200) },
      { variant: 'make it an administrator', request: (f) => ({ path: `/api/admin/accounts/${f.targetUserId}`, body: { isAdmin: true } }), expect: adminOnly(200) },
      { variant: 'and no longer', request: (f) => ({ path: `/api/admin/accounts/${f.targetUserId}`, body: { isAdmin: false } }), expect: adminOnly(200) },
      {
        // An administrator never locks themselves out.
        variant: "the caller's own account",
        request: (f, caller) => ({ path: `/api/admin/accounts/${caller === 'anonymous' ? f.userIds.admin : f.userIds[caller]}`, body: { active: false } }),
        expect: adminOnly(409),
      },
    ],
  },

  // ---- outside the OpenAPI document
  'GET /api/openapi.json': { outsideOpenApi: true, cases: [{ request: () => ({ path: '/api/openapi.json' }), expect: all(200) }] },
  'GET /healthz': { outsideOpenApi: true, cases: [{ request: () => ({ path: '/healthz' }), expect: all(200) }] },
};

/**
 * Opening `/collab/<docName>` with the session cookie: refused with a close code, or open with
 * the access the role gives (README: staff suggest — a plain edit is refused, a 事務局案 goes in
 * as a suggestion —, observers do not open the draft at all).
 */
export const COLLAB_UPGRADE: Readonly<Record<Caller, { close: number } | { access: DocAccess }>> = {
  anonymous: { close: CLOSE_CODES.unauthenticated },
  outsider: { close: CLOSE_CODES.forbidden },
  observer: { close: CLOSE_CODES.forbidden },
  staff: { access: 'suggest' },
  member: { access: 'edit' },
  vice_chair: { access: 'edit' },
  chair: { access: 'edit' },
  admin: { close: CLOSE_CODES.forbidden },
};
