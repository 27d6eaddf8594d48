import type { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { invitationPath } from '../../auth/oneTimeTokens';
import { startSession } from '../../auth/sessions';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden, notFound, tooManyRequests } from '../../errors';
import { setSessionCookie } from '../../middleware/session';
import { canInvite, canListMembers, canManageMembers } from '../../policies/membership';
import { presentInvitation } from '../../presenters/invitation';
import { absoluteLink, mailIfEnabled } from '../../services/accountMail';
import { invitationAccept, openInvitationByToken } from '../../services/invitationAccept';
import { invitationCreate } from '../../services/invitationCreate';
import { invitationResend, invitationRevoke } from '../../services/invitationManage';
import type { InvitationRecord } from '../../storage/members';
import { requireUser } from '../guards';
import { passwordLoginOff } from '../auth/auth';
import {
  acceptInvitationRoute,
  createInvitationRoute,
  listInvitationsRoute,
  previewInvitationRoute,
  resendInvitationRoute,
  revokeInvitationRoute,
} from './schema';

/** Invitations a council's list shows: far more than any council has members. */
const LIST_LIMIT = 500;
const ROLE_JA = { chair: '座長', vice_chair: '座長代理', member: '委員', staff: '事務局', observer: '傍聴' } as const;

function limited(counter: WindowCounter, key: string) {
  const wait = counter.hit(key);
  if (wait > 0) throw tooManyRequests(wait, `Too many requests. Try again in ${wait} seconds.`);
}

export function invitationRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces, invitations } = deps.storage;
  // Staff invite a council at a time, not the city: a bound on what one account can send.
  const byInviter = new WindowCounter(120, 60 * 60_000);
  // The public routes: a token is 160 bits, so this is about load and password guessing.
  const byAddress = new WindowCounter(60, 60_000);
  const address = (c: Context) => getConnInfo(c).remote.address ?? 'unknown';

  /** Staff of the council; everyone else on it is refused, outsiders learn nothing. */
  async function staffOf(workspaceId: string, userId: string) {
    const role = await workspaces.roleOf(workspaceId, userId);
    if (!canListMembers(role)) throw notFound('workspace');
    if (!canManageMembers(role)) throw forbidden();
    return role;
  }

  async function mailInvitation(invitation: InvitationRecord, token: string): Promise<boolean> {
    const council = (await workspaces.findWorkspace(invitation.workspaceId))?.name ?? '';
    return mailIfEnabled(deps, {
      to: invitation.email,
      subject: `【策定 Sakutei】${council}へのご招待 / Invitation to ${council}`,
      text: [
        `${council}の事務局から、${ROLE_JA[invitation.role]}としてのご招待が届いています。`,
        `次のリンクを開き、お名前とパスワードを設定して参加してください（${new Date(invitation.expiresAt).toISOString().slice(0, 10)}まで有効、一度だけ使えます）。`,
        `The secretariat of ${council} invites you to join. Open the link to set your name and password (valid until ${new Date(invitation.expiresAt).toISOString().slice(0, 10)}, usable once):`,
        '',
        absoluteLink(deps, invitationPath(token)),
      ].join('\n'),
    });
  }

  return app
    .openapi(listInvitationsRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await staffOf(id, user.id);
      const now = Date.now();
      return c.json({ invitations: (await invitations.list(id, LIST_LIMIT)).map((i) => presentInvitation(i, now)) }, 200);
    })
    .openapi(createInvitationRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const role = await staffOf(id, user.id);
      if (!canInvite(role, input.role)) throw forbidden();
      limited(byInviter, user.id);
      const { invitation, token, replaced } = await invitationCreate(deps.storage, id, user.id, { ...input, role: input.role });
      const mailed = await mailInvitation(invitation, token);
      return c.json({ invitation: presentInvitation(invitation), linkPath: invitationPath(token), mailed, replaced }, 201);
    })
    .openapi(resendInvitationRoute, async (c) => {
      const user = requireUser(c);
      const { id, invitationId } = c.req.valid('param');
      await staffOf(id, user.id);
      limited(byInviter, user.id);
      const { invitation, token } = await invitationResend(deps.storage, id, invitationId, user.id);
      const mailed = await mailInvitation(invitation, token);
      return c.json({ invitation: presentInvitation(invitation), linkPath: invitationPath(token), mailed, replaced: false }, 200);
    })
    .openapi(revokeInvitationRoute, async (c) => {
      const user = requireUser(c);
      const { id, invitationId } = c.req.valid('param');
      await staffOf(id, user.id);
      await invitationRevoke(deps.storage, id, invitationId, user.id);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(previewInvitationRoute, async (c) => {
      limited(byAddress, address(c));
      const { token } = c.req.valid('json');
      const invitation = await openInvitationByToken(deps.storage, token, Date.now());
      const caller = c.get('user');
      const workspace = await workspaces.findWorkspace(invitation.workspaceId);
      return c.json(
        {
          workspaceName: workspace?.name ?? '',
          role: invitation.role,
          email: invitation.email,
          invitedByName: invitation.invitedByName,
          expiresAt: new Date(invitation.expiresAt).toISOString(),
          accountExists: (await deps.storage.accounts.findUserByEmail(invitation.email)) !== null,
          signedInAsInvitee: caller !== null && caller.email.toLowerCase() === invitation.email.toLowerCase(),
        },
        200,
      );
    })
    .openapi(acceptInvitationRoute, async (c) => {
      limited(byAddress, address(c));
      const input = c.req.valid('json');
      // Without local passwords a new or existing account joins through the identity provider (POST /api/auth/oidc/start).
      if (!deps.config.passwordLogin && !c.get('user')) throw passwordLoginOff();
      const { user, invitation, signIn } = await invitationAccept({ storage: deps.storage, events: deps.events }, c.get('user'), input);
      if (signIn) {
        const { token, session } = await startSession(deps.storage, user.id);
        setSessionCookie(c, token, session.expiresAt, deps.config.secureCookies);
      }
      const workspace = await workspaces.findWorkspace(invitation.workspaceId);
      return c.json({ workspaceId: invitation.workspaceId, workspaceName: workspace?.name ?? '' }, 200);
    });
}
