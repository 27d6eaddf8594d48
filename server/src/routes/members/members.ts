import type { OpenAPIHono } from '@hono/zod-openapi';
import { resetPath } from '../../auth/oneTimeTokens';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden, notFound, tooManyRequests } from '../../errors';
import { userRateLimit } from '../../middleware/rateLimit';
import { canChangeMembership, canChangeRoleOf, canIssueResetLinkFor, canListMembers, canSetMemberAttributes } from '../../policies/membership';
import { absoluteLink, mailIfEnabled } from '../../services/accountMail';
import { memberSetAttributes } from '../../services/memberSetAttributes';
import { memberSetRole } from '../../services/memberSetRole';
import { resetLinkIssue } from '../../services/passwordReset';
import { requireUser } from '../guards';
import { listMembersRoute, memberResetLinkRoute, removeMemberRoute, setMemberAttributesRoute, setMemberRoleRoute } from './schema';

/**
 * Role changes per member of staff: every change is an entry in the audit log, so a burst of
 * them could bury the record's other entries; and a real secretariat changes a few roles at
 * a time. Counted in-process, like the other per-user limits.
 */
export const ROLE_CHANGE_RATE_LIMIT = { limit: 20, windowMs: 10 * 60_000, concurrent: 2 };

const appointedByAdministrators = () =>
  forbidden('The chair and the vice chair are appointed by the installation’s administrators.');

export function memberRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces, members } = deps.storage;
  const resetLinks = new WindowCounter(30, 60 * 60_000);
  // PUT (change) and DELETE (end) a membership share one budget.
  app.use('/api/workspaces/:id/members/:userId', userRateLimit(ROLE_CHANGE_RATE_LIMIT));

  /** The caller's role in the workspace; outsiders get "not found" so ids reveal nothing. */
  async function roleIn(workspaceId: string, userId: string) {
    const role = await workspaces.roleOf(workspaceId, userId);
    if (!canListMembers(role)) throw notFound('workspace');
    return role;
  }

  async function targetMember(workspaceId: string, userId: string) {
    const member = await members.find(workspaceId, userId);
    if (!member) throw notFound('member');
    return member;
  }

  return app
    .openapi(listMembersRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await roleIn(id, user.id);
      return c.json({ members: await members.list(id) }, 200);
    })
    .openapi(setMemberRoleRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      if (!canChangeRoleOf(user.id, userId, await roleIn(id, user.id))) throw forbidden();
      const member = await targetMember(id, userId);
      if (!canChangeMembership(member.role, role)) throw appointedByAdministrators();
      await memberSetRole({ workspaces, audit: deps.storage.audit, events: deps.events }, id, userId, role, user.id);
      return c.json({ member: { ...member, role } }, 200);
    })
    .openapi(removeMemberRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      if (!canChangeRoleOf(user.id, userId, await roleIn(id, user.id))) throw forbidden();
      const member = await targetMember(id, userId);
      if (!canChangeMembership(member.role)) throw appointedByAdministrators();
      await memberSetRole({ workspaces, audit: deps.storage.audit, events: deps.events }, id, userId, null, user.id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(setMemberAttributesRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      const attributes = c.req.valid('json');
      if (!canSetMemberAttributes(await roleIn(id, user.id))) throw forbidden();
      const member = await memberSetAttributes(deps.storage, id, userId, attributes, user.id);
      return c.json({ member }, 200);
    })
    .openapi(memberResetLinkRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      const role = await roleIn(id, user.id);
      if (!canSetMemberAttributes(role)) throw forbidden();
      const member = await targetMember(id, userId);
      const isAdmin = (await deps.storage.admin.userStatus(userId))?.isAdmin ?? false;
      if (!canIssueResetLinkFor(user.id, role, { userId, role: member.role, isAdmin })) {
        throw forbidden('Staff issue reset links only for members below the chair, never for themselves or an administrator.');
      }
      const wait = resetLinks.hit(user.id);
      if (wait > 0) throw tooManyRequests(wait, `Too many reset links. Try again in ${wait} seconds.`);
      const { token, expiresAt } = await resetLinkIssue(deps.storage, userId, user.id, id);
      const mailed = await mailIfEnabled(deps, {
        to: member.email,
        subject: '【策定 Sakutei】パスワード再設定のご案内 / Password reset',
        text: [
          `${member.name} 様`,
          '',
          '事務局からパスワード再設定のリンクが発行されました。次のリンクから24時間以内に新しいパスワードを設定してください（一度だけ使えます）。',
          'The secretariat issued a password-reset link for your account. Set a new password within 24 hours (the link works once):',
          '',
          absoluteLink(deps, resetPath(token)),
        ].join('\n'),
      });
      return c.json({ linkPath: resetPath(token), expiresAt: new Date(expiresAt).toISOString(), mailed }, 200);
    });
}
