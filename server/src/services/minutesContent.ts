import { type ProseNode, type PublishNames, docNameForMinutes } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { forbidden } from '../errors';
import { canManageMeetings } from '../policies/meetings';
import type { UserRecord } from '../storage';
import { draftMinutes } from '../storage/minutes';
import { meetingAccess } from './meetingAccess';
import { minutesProseOf, readFrozenMinutes } from './minutesSeal';

export type MinutesContent = { prose: ProseNode; confirmed: boolean; hash: string | null; publishNames: PublishNames };

/**
 * The minutes' prose for an export: the prose frozen on confirmation, or, before that, the
 * live document's as it stands (a draft only those who manage meetings may take out: members
 * read the draft in the editor but get 403 here). Outsiders and observers: 404, as elsewhere.
 */
export async function minutesContent(
  deps: Pick<AppDeps, 'storage' | 'rooms'>,
  user: UserRecord,
  workspaceId: string,
  meetingId: string,
): Promise<MinutesContent> {
  const access = meetingAccess(deps);
  const role = await access.reader(workspaceId, user);
  const meeting = await access.meetingOf(workspaceId, meetingId);
  const minutes = (await deps.storage.minutes.find(meeting.id)) ?? draftMinutes(meeting.id);
  if (minutes.state === 'confirmed' && minutes.frozenJson !== null) {
    return { prose: readFrozenMinutes(minutes.frozenJson), confirmed: true, hash: minutes.hash, publishNames: minutes.publishNames };
  }
  if (!canManageMeetings(role)) throw forbidden('The minutes are available once the chair has confirmed them.');
  const prose = await deps.rooms.use(docNameForMinutes(meeting.id), (room) => minutesProseOf(room.doc));
  return { prose, confirmed: false, hash: null, publishNames: minutes.publishNames };
}
