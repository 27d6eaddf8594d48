import { CLOSE_CODES } from '@sakutei/shared';
import type { RoomRegistry } from '../../collab/room/registry';
import { AppError } from '../../errors';
import type { Storage } from '../../storage';

// An archived council's plans leave the plan lists (the plans store hides them) and change no
// more: members who still open one by its link read it, like an archived edition. Nothing is
// deleted, and returning the council from the archive makes them writable again.

/** Whether the council is archived (an unknown council is not). */
export async function councilArchived(storage: Pick<Storage, 'admin'>, workspaceId: string): Promise<boolean> {
  return (await storage.admin.workspaceArchivedAt(workspaceId)) != null;
}

export const councilArchivedError = () =>
  new AppError(409, 'council_archived', 'This council is archived, so its plans are read-only. An administrator can return it from the archive.');

/** Ends the live connections to the council's plans: they reconnect with the access the council now gives. */
export function reconnectCouncil(rooms: RoomRegistry, workspaceId: string, reason: string): void {
  for (const conn of [...rooms.connections()]) {
    if (conn.peer.workspaceId !== workspaceId) continue;
    rooms.leave(conn);
    conn.socket.close(CLOSE_CODES.accessChanged, reason);
  }
}
