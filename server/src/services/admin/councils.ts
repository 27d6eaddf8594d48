import type { AdminCouncil, AppointableRole } from '@sakutei/shared';
import { newId } from '../../auth/ids';
import type { RoomRegistry } from '../../collab/room/registry';
import type { ServerEvents } from '../../events';
import { AppError, notFound } from '../../errors';
import { iso, isoOrNull } from '../../presenters/time';
import type { Storage, UserRecord } from '../../storage';
import type { CouncilOverview } from '../../storage/admin';
import { memberSetRole } from '../memberSetRole';
import { reconnectCouncil } from './archivedCouncil';

/** `rooms` is absent in the CLI (its connections follow at the server's next start). */
type Deps = { storage: Storage; events: ServerEvents; rooms?: RoomRegistry };

export const presentCouncil = (c: CouncilOverview): AdminCouncil => ({
  ...c,
  archivedAt: isoOrNull(c.archivedAt),
  createdAt: iso(c.createdAt),
});

async function council(storage: Storage, id: string): Promise<CouncilOverview> {
  const found = (await storage.admin.listCouncils()).find((c) => c.id === id);
  if (!found) throw notFound('council');
  return found;
}

const nameTaken = () => new AppError(409, 'name_taken', 'Another council has this name.');

async function assertNameFree(storage: Storage, name: string, exceptId: string | null) {
  const clash = (await storage.workspaces.listWorkspaces()).some((w) => w.id !== exceptId && w.name === name);
  if (clash) throw nameTaken();
}

export async function listCouncils(storage: Storage): Promise<AdminCouncil[]> {
  return (await storage.admin.listCouncils()).map(presentCouncil);
}

/** A new council, empty: its chair is appointed next, and its secretariat invites the rest. */
export async function createCouncil({ storage }: Deps, actor: UserRecord, name: string): Promise<AdminCouncil> {
  // Names are how people tell councils apart in every list, so two may not share one.
  await assertNameFree(storage, name, null);
  const id = newId();
  await storage.workspaces.createWorkspace({ id, name });
  await storage.audit.append({ at: Date.now(), kind: 'council.created', workspaceId: id, planId: null, actorId: actor.id, details: { name } });
  return presentCouncil(await council(storage, id));
}

/**
 * Renames and/or archives a council. An archived council's plans leave everyone's plan list
 * (the plans storage hides them) and become read-only (archivedCouncil.ts); nothing is
 * deleted, and a return from the archive brings them back as they were.
 */
export async function updateCouncil({ storage, rooms }: Deps, actor: UserRecord, id: string, changes: { name?: string; archived?: boolean }): Promise<AdminCouncil> {
  const before = await council(storage, id);
  const now = Date.now();
  if (changes.name !== undefined && changes.name !== before.name) {
    await assertNameFree(storage, changes.name, id);
    await storage.admin.renameWorkspace(id, changes.name);
    await storage.audit.append({ at: now, kind: 'council.renamed', workspaceId: id, planId: null, actorId: actor.id, details: { from: before.name, name: changes.name } });
  }
  if (changes.archived !== undefined && changes.archived !== (before.archivedAt !== null)) {
    await storage.admin.setWorkspaceArchived(id, changes.archived ? now : null);
    await storage.audit.append({
      at: now,
      kind: changes.archived ? 'council.archived' : 'council.unarchived',
      workspaceId: id,
      planId: null,
      actorId: actor.id,
      details: { name: changes.name ?? before.name },
    });
    // Open editors reconnect: read-only in an archived council, writable again on its return.
    if (rooms) reconnectCouncil(rooms, id, changes.archived ? 'the council is archived; reconnect read-only' : 'the council is back from the archive; reconnect');
  }
  return presentCouncil(await council(storage, id));
}

/**
 * Makes an existing account the council's chair, a vice chair or its secretariat (事務局: a new
 * council's first staff, who invite the rest; often the administrator themselves). A council has one chair: a
 * previous chair stays on the council as a member (written to the audit log like any role
 * change). Open connections follow at once (membershipChanged).
 */
export async function appointLeader({ storage, events }: Deps, actor: UserRecord, id: string, email: string, role: AppointableRole): Promise<AdminCouncil> {
  const before = await council(storage, id);
  const user = await storage.accounts.findUserByEmail(email);
  if (!user) {
    throw new AppError(404, 'account_not_found', `No account has the e-mail address ${email}. Invite them to the council first, or ask them to sign up through an invitation.`);
  }
  const roleDeps = { workspaces: storage.workspaces, audit: storage.audit, events };
  if (role === 'chair') {
    for (const previous of before.leaders.filter((l) => l.role === 'chair' && l.userId !== user.id)) {
      await memberSetRole(roleDeps, id, previous.userId, 'member', actor.id);
    }
  }
  await memberSetRole(roleDeps, id, user.id, role, actor.id);
  return presentCouncil(await council(storage, id));
}

/** Ends a chair's or vice chair's appointment; they stay on the council as a member. */
export async function removeLeader({ storage, events }: Deps, actor: UserRecord, id: string, userId: string): Promise<AdminCouncil> {
  const before = await council(storage, id);
  if (!before.leaders.some((l) => l.userId === userId)) throw notFound('chair or vice chair');
  await memberSetRole({ workspaces: storage.workspaces, audit: storage.audit, events }, id, userId, 'member', actor.id);
  return presentCouncil(await council(storage, id));
}
