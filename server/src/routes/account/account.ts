import type { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { resetPath } from '../../auth/oneTimeTokens';
import { AppError, forbidden, notFound, tooManyRequests } from '../../errors';
import { canAdminister } from '../../policies/admin';
import { absoluteLink, mailIfEnabled } from '../../services/accountMail';
import { presentUser } from '../../presenters/user';
import { accountChangeEmail, accountChangePassword, accountRename } from '../../services/accountUpdate';
import { passwordResetWithLink, resetLinkCheck, resetLinkIssue } from '../../services/passwordReset';
import { requireSession, requireUser } from '../guards';
import { adminResetLinkRoute, changeEmailRoute, changePasswordRoute, checkResetLinkRoute, resetPasswordRoute, updateProfileRoute } from './schema';

function refuseWhenBlocked(wait: number) {
  if (wait > 0) throw tooManyRequests(wait, `Too many attempts. Try again in ${wait} seconds.`);
}

export function accountRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  // Wrong current passwords count per account: a stolen session cannot guess its way to the password.
  const wrongPasswords = new WindowCounter(10, 15 * 60_000);
  const byAddress = new WindowCounter(60, 60_000);
  const resetLinksByAdmin = new WindowCounter(60, 60 * 60_000);
  const address = (c: Context) => getConnInfo(c).remote.address ?? 'unknown';

  /** Runs a change that needs the current password, counting failures against the account. */
  async function withPassword<T>(userId: string, fn: () => Promise<T>): Promise<T> {
    refuseWhenBlocked(wrongPasswords.blockedFor(userId));
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AppError && err.code === 'wrong_password') wrongPasswords.hit(userId);
      throw err;
    }
  }

  return app
    .openapi(updateProfileRoute, async (c) => {
      const user = requireUser(c);
      const { name } = c.req.valid('json');
      return c.json({ user: presentUser(await accountRename(deps.storage, user, name)) }, 200);
    })
    .openapi(changeEmailRoute, async (c) => {
      const user = requireUser(c);
      const { currentPassword, email } = c.req.valid('json');
      const updated = await withPassword(user.id, () => accountChangeEmail(deps.storage, user, currentPassword, email));
      return c.json({ user: presentUser(updated) }, 200);
    })
    .openapi(changePasswordRoute, async (c) => {
      const { user, session } = requireSession(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      await withPassword(user.id, () =>
        accountChangePassword({ storage: deps.storage, events: deps.events }, user, session.id, currentPassword, newPassword),
      );
      return c.json({ ok: true as const }, 200);
    })
    .openapi(checkResetLinkRoute, async (c) => {
      refuseWhenBlocked(byAddress.hit(address(c)));
      await resetLinkCheck(deps.storage, c.req.valid('json').token);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(resetPasswordRoute, async (c) => {
      refuseWhenBlocked(byAddress.hit(address(c)));
      const { token, newPassword } = c.req.valid('json');
      await passwordResetWithLink({ storage: deps.storage, events: deps.events }, token, newPassword);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(adminResetLinkRoute, async (c) => {
      const user = requireUser(c);
      if (!canAdminister(await deps.storage.admin.userStatus(user.id))) throw forbidden('Only administrators of this installation may do this.');
      const { id } = c.req.valid('param');
      if (id === user.id) throw forbidden('Change your own password on your account page.');
      const target = await deps.storage.accounts.findUserById(id);
      if (!target) throw notFound('account');
      refuseWhenBlocked(resetLinksByAdmin.hit(user.id));
      const { token, expiresAt } = await resetLinkIssue(deps.storage, id, user.id, null);
      const mailed = await mailIfEnabled(deps, {
        to: target.email,
        subject: '【策定 Sakutei】パスワード再設定のご案内 / Password reset',
        text: [
          `${target.name} 様`,
          '',
          '管理者からパスワード再設定のリンクが発行されました。次のリンクから24時間以内に新しいパスワードを設定してください（一度だけ使えます）。',
          'An administrator issued a password-reset link for your account. Set a new password within 24 hours (the link works once):',
          '',
          absoluteLink(deps, resetPath(token)),
        ].join('\n'),
      });
      return c.json({ linkPath: resetPath(token), expiresAt: new Date(expiresAt).toISOString(), mailed }, 200);
    });
}
