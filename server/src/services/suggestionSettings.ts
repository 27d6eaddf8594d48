import type { CouncilSuggestionSettings } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { forbidden, notFound } from '../errors';
import { canSetSuggestionDeciders } from '../policies/suggestions';
import type { UserRecord } from '../storage';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';

/**
 * The council's choice of who decides suggestions. Members of the council read it; staff and
 * the chair change it. Outsiders get "not found", so council ids reveal nothing.
 */
export function suggestionSettingsService(deps: Pick<AppDeps, 'storage'>) {
  const { workspaces, suggestions } = deps.storage;

  async function roleIn(workspaceId: string, userId: string) {
    const role = await workspaces.roleOf(workspaceId, userId);
    if (!role) throw notFound('workspace');
    return role;
  }

  return {
    async get(user: UserRecord, workspaceId: string): Promise<CouncilSuggestionSettings> {
      await roleIn(workspaceId, user.id);
      return { suggestionDeciders: await suggestions.decidersOf(workspaceId) };
    },

    async set(user: UserRecord, workspaceId: string, request: CouncilSuggestionSettings): Promise<CouncilSuggestionSettings> {
      const role = await roleIn(workspaceId, user.id);
      if (!canSetSuggestionDeciders(role)) throw forbidden('Staff and the chair choose who decides suggestions.');
      if (await councilArchived(deps.storage, workspaceId)) throw councilArchivedError();
      const was = await suggestions.decidersOf(workspaceId);
      if (was !== request.suggestionDeciders) {
        await suggestions.setDeciders(workspaceId, request.suggestionDeciders, {
          at: Date.now(),
          kind: 'council.suggestionDecidersChanged',
          workspaceId,
          planId: null,
          actorId: user.id,
          details: { from: was, to: request.suggestionDeciders },
        });
      }
      return { suggestionDeciders: request.suggestionDeciders };
    },
  };
}
