import {
  type ConfirmMinutesRequest,
  type FileMinutesCorrectionRequest,
  MAX_CORRECTIONS_PER_MEETING,
  MAX_OPEN_CORRECTIONS_PER_AUTHOR,
  type Minutes,
  type MinutesResponse,
  type ResolveMinutesCorrectionRequest,
  type Role,
  type SendMinutesRequest,
  type SetMinutesPublicationRequest,
  docNameForMinutes,
} from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { canManageMeetings } from '../policies/meetings';
import { iso, isoOrNull } from '../presenters/time';
import type { UserRecord } from '../storage';
import type { MeetingRecord } from '../storage/meetings';
import { type MinutesRecord, draftMinutes } from '../storage/minutes';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';
import { meetingAccess } from './meetingAccess';
import { type MeetingNotificationDeps, meetingNotifier } from './meetingNotifications';
import { mayConfirmMinutes, minutesDocAccess } from './minutesAccess';
import { minutesProseOf, sealMinutes } from './minutesSeal';

/** Another change of the minutes came first: 409 with the minutes as they are now, so the client can show them and retry. */
export class MinutesConflict extends AppError {
  constructor(readonly minutes: MinutesResponse) {
    super(409, 'version_conflict', 'Someone changed these minutes meanwhile. The current minutes are in the response: check them and try again.');
  }
}

const confirmedError = () => new AppError(409, 'minutes_confirmed', 'The minutes are confirmed: they no longer change.');

/**
 * The minutes of a meeting (議事録, issue 17 item 6): written live by staff and the chair in
 * their own document, sent to the members (送付), corrected on members' suggestions, and
 * confirmed by the chair (議事録確定), which freezes the prose with its hash and marks the
 * meeting minutesConfirmed. Who may is asked here (policies/meetings.ts, minutesAccess.ts).
 */
export function minutesService(deps: Pick<AppDeps, 'storage' | 'rooms' | 'events'> & MeetingNotificationDeps) {
  const { storage } = deps;
  const access = meetingAccess(deps);
  const notifier = meetingNotifier(deps);

  async function load(workspaceId: string, user: UserRecord, meetingId: string) {
    const role = await access.reader(workspaceId, user);
    const meeting = await access.meetingOf(workspaceId, meetingId);
    const minutes = (await storage.minutes.find(meeting.id)) ?? draftMinutes(meeting.id);
    return { role, meeting, minutes };
  }

  async function present(role: Role, meeting: MeetingRecord): Promise<MinutesResponse> {
    const [record, corrections, members, archived] = await Promise.all([
      storage.minutes.find(meeting.id),
      storage.minutes.corrections(meeting.id),
      storage.workspaces.listMembers(meeting.workspaceId),
      councilArchived(storage, meeting.workspaceId),
    ]);
    const minutes = record ?? draftMinutes(meeting.id);
    const names = new Map(members.map((m) => [m.userId, m.name]));
    // Someone since gone from the council keeps their account's name on what they did.
    for (const id of new Set([minutes.confirmedBy, ...corrections.map((c) => c.authorId)])) {
      if (id && !names.has(id)) {
        const account = await storage.accounts.findUserById(id);
        if (account) names.set(id, account.name);
      }
    }
    const person = (id: string | null) => (id && names.has(id) ? { userId: id, name: names.get(id)! } : null);
    const body: Minutes = {
      meetingId: meeting.id,
      docName: docNameForMinutes(meeting.id),
      state: minutes.state,
      sentAt: isoOrNull(minutes.sentAt),
      confirmedAt: isoOrNull(minutes.confirmedAt),
      confirmedBy: person(minutes.confirmedBy),
      hash: minutes.hash,
      publishNames: minutes.publishNames,
      corrections: corrections.map((c) => ({
        id: c.id,
        author: person(c.authorId),
        quote: c.quote,
        proposal: c.proposal,
        reason: c.reason,
        state: c.state,
        createdAt: iso(c.createdAt),
        resolvedAt: isoOrNull(c.resolvedAt),
      })),
      version: minutes.version,
    };
    return {
      minutes: body,
      access: archived ? 'read' : (minutesDocAccess(role, minutes.state) ?? 'read'),
      mayConfirm: !archived && mayConfirmMinutes(role) && minutes.state === 'sent',
      mayManage: !archived && canManageMeetings(role),
    };
  }

  /** After a write refused for its version or state: 404 if the meeting is gone, else the conflict with the minutes as they are. */
  async function conflict(role: Role, workspaceId: string, meetingId: string): Promise<never> {
    throw new MinutesConflict(await present(role, await access.meetingOf(workspaceId, meetingId)));
  }

  return {
    async get(user: UserRecord, workspaceId: string, meetingId: string): Promise<MinutesResponse> {
      const { role, meeting } = await load(workspaceId, user, meetingId);
      return present(role, meeting);
    },

    /** 出席者に送付: from draft, or again after changes (sentAt moves). */
    async send(user: UserRecord, workspaceId: string, meetingId: string, request: SendMinutesRequest): Promise<MinutesResponse> {
      const role = await access.manager(workspaceId, user);
      const { meeting, minutes } = await load(workspaceId, user, meetingId);
      if (minutes.state === 'confirmed') throw confirmedError();
      // Minutes are of a sitting that took place: those present correct what was said there.
      if (meeting.status === 'scheduled') throw new AppError(409, 'meeting_not_held', 'Mark the meeting as held before sending its minutes.');
      if (minutes.version !== request.version) return conflict(role, workspaceId, meetingId);
      const at = Date.now();
      const label = await access.labelOf(meeting);
      const audit = access.audit(user, workspaceId, 'meeting.minutesSent', { meetingId, name: label, again: minutes.state === 'sent' }, at);
      if (!(await storage.minutes.send(meeting.id, request.version, at, user.id, audit))) return conflict(role, workspaceId, meetingId);
      // Sent again after changes: those at the sitting hear again, as the text they check has moved.
      await notifier.minutesSent(meeting, label, user);
      return present(role, meeting);
    },

    /**
     * 議事録確定, by the chair, from sent and with no correction open: the live document's
     * prose is frozen (canonical JSON, plain text, SHA-256) with an audit entry in one
     * transaction, and the document turns read-only for everyone.
     */
    async confirm(user: UserRecord, workspaceId: string, meetingId: string, request: ConfirmMinutesRequest): Promise<MinutesResponse> {
      const role = await access.manager(workspaceId, user);
      if (!mayConfirmMinutes(role)) throw forbidden('Only the chair confirms the minutes.');
      const { meeting, minutes } = await load(workspaceId, user, meetingId);
      if (minutes.state === 'confirmed') throw confirmedError();
      if (minutes.version !== request.version) return conflict(role, workspaceId, meetingId);
      if (minutes.state !== 'sent') throw new AppError(409, 'minutes_not_sent', 'Send the minutes to the members before confirming them.');
      if ((await storage.minutes.corrections(meeting.id)).some((c) => c.state === 'open')) throw correctionsOpen();
      const docName = docNameForMinutes(meeting.id);
      // Editors turn readers first, so no edit lands between what is frozen and the lock; if the
      // confirmation then fails, they reconnect and get their access back.
      deps.events.emit('draftAccessChanged', { docName, locked: true });
      const sealed = sealMinutes(await deps.rooms.use(docName, (room) => minutesProseOf(room.doc)));
      const at = Date.now();
      const label = await access.labelOf(meeting);
      const audit = access.audit(user, workspaceId, 'meeting.minutesConfirmed', { meetingId, label, name: label, hash: sealed.hash }, at);
      const outcome = await storage.minutes.confirm(meeting.id, request.version, { at, by: user.id, hash: sealed.hash, json: sealed.json, text: sealed.text }, audit);
      if (outcome === 'correctionsOpen') throw correctionsOpen();
      if (outcome === 'conflict') return conflict(role, workspaceId, meetingId);
      // Once more now that it is stored: a socket that authenticated in between got edit access.
      deps.events.emit('draftAccessChanged', { docName, locked: true });
      return present(role, meeting);
    },

    /** How names are published (as spoken, or 委員A, 委員B…); may change after confirmation, as it concerns publication only. */
    async setPublication(user: UserRecord, workspaceId: string, meetingId: string, request: SetMinutesPublicationRequest): Promise<MinutesResponse> {
      const role = await access.manager(workspaceId, user);
      const { meeting, minutes } = await load(workspaceId, user, meetingId);
      if (minutes.version !== request.version) return conflict(role, workspaceId, meetingId);
      const audit = access.audit(user, workspaceId, 'meeting.minutesPublication', { meetingId, name: await access.labelOf(meeting), names: request.names });
      if (!(await storage.minutes.setPublishNames(meeting.id, request.version, request.names, audit))) return conflict(role, workspaceId, meetingId);
      return present(role, meeting);
    },

    /** A correction suggested to the sent minutes, by anyone who reads them. */
    async fileCorrection(user: UserRecord, workspaceId: string, meetingId: string, request: FileMinutesCorrectionRequest): Promise<MinutesResponse> {
      const { role, meeting, minutes } = await load(workspaceId, user, meetingId);
      if (await councilArchived(storage, workspaceId)) throw councilArchivedError();
      if (minutes.state === 'confirmed') throw confirmedError();
      if (minutes.state !== 'sent') throw notSent();
      const at = Date.now();
      const id = newId();
      const label = await access.labelOf(meeting);
      const audit = access.audit(user, workspaceId, 'meeting.minutesCorrection', { meetingId, name: label, correctionId: id }, at);
      const outcome = await storage.minutes.addCorrection(
        { id, meetingId: meeting.id, authorId: user.id, ...request, state: 'open', createdAt: at, resolvedBy: null, resolvedAt: null },
        { perMeeting: MAX_CORRECTIONS_PER_MEETING, openPerAuthor: MAX_OPEN_CORRECTIONS_PER_AUTHOR },
        audit,
      );
      if (outcome === 'tooMany') throw new AppError(409, 'too_many_corrections', `The minutes of a meeting take at most ${MAX_CORRECTIONS_PER_MEETING} corrections.`);
      if (outcome === 'tooManyOpen') {
        throw new AppError(409, 'too_many_open_corrections', `You have ${MAX_OPEN_CORRECTIONS_PER_AUTHOR} corrections open on these minutes: wait until the secretariat has answered some.`);
      }
      if (outcome === 'notSent') {
        if (!(await storage.meetings.find(meeting.id))) throw notFound('meeting');
        const now = await storage.minutes.find(meeting.id);
        throw now?.state === 'confirmed' ? confirmedError() : notSent();
      }
      await notifier.minutesCorrection(meeting, label, user, request.proposal);
      return present(role, meeting);
    },

    /** 反映した / 見送る: the secretariat answers a correction (applying it is done in the document itself). */
    async resolveCorrection(
      user: UserRecord,
      workspaceId: string,
      meetingId: string,
      correctionId: string,
      request: ResolveMinutesCorrectionRequest,
    ): Promise<MinutesResponse> {
      const role = await access.manager(workspaceId, user);
      const { meeting, minutes } = await load(workspaceId, user, meetingId);
      if (minutes.state === 'confirmed') throw confirmedError();
      const correction = (await storage.minutes.corrections(meeting.id)).find((c) => c.id === correctionId);
      if (!correction) throw notFound('correction');
      if (correction.state !== 'open') throw new AppError(409, 'correction_resolved', 'This correction has been answered already.');
      const at = Date.now();
      const audit = access.audit(user, workspaceId, 'meeting.minutesCorrectionResolved', { meetingId, name: await access.labelOf(meeting), correctionId, state: request.state }, at);
      if (!(await storage.minutes.resolveCorrection(meeting.id, correctionId, request.state, user.id, at, audit))) {
        const now = await storage.minutes.find(meeting.id);
        if (now?.state === 'confirmed') throw confirmedError();
        throw new AppError(409, 'correction_resolved', 'This correction has been answered already.');
      }
      return present(role, meeting);
    },
  };
}

const correctionsOpen = () =>
  new AppError(409, 'corrections_open', 'Corrections to these minutes are still open: the secretariat answers each (applied or declined) before the chair confirms.');
const notSent = () => new AppError(409, 'minutes_not_sent', 'Corrections are suggested once the minutes have been sent to the members.');
