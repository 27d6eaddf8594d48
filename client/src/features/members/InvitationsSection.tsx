import type { Invitation, InvitationLinkResponse } from '@sakutei/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { listInvitations, resendInvitation, revokeInvitation } from '../../lib/membersApi';
import { membersErrorKey } from './errors';
import { FormDialog } from '../../app/FormDialog';
import { InviteDialog } from './InviteDialog';
import { LinkPanel } from './LinkPanel';
import { dayText } from './memberText';

type Props = { workspaceId: string; announce: (text: string) => void };

/** The secretariat's invitations: invite, and resend or revoke what is still open. */
export function InvitationsSection({ workspaceId, announce }: Props) {
  const { t, locale } = useI18n();
  const { resource, reload } = useApiResource(`invitations:${workspaceId}`, (signal) => listInvitations(workspaceId, signal));
  const [inviting, setInviting] = useState(false);
  const [resent, setResent] = useState<InvitationLinkResponse | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function resend(invitation: Invitation) {
    setFailure(null);
    try {
      setResent(await resendInvitation(workspaceId, invitation.id));
      reload();
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'invitations.error.failed')));
    }
  }

  async function revoke(invitation: Invitation) {
    setRevoking(null);
    setFailure(null);
    try {
      await revokeInvitation(workspaceId, invitation.id);
      announce(t('invitations.revoked', { email: invitation.email }));
      reload();
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'invitations.error.failed')));
    }
  }

  const open = (i: Invitation) => i.status === 'pending' || i.status === 'expired';
  return (
    <section className="members-section" aria-labelledby="invitations-heading">
      <div className="members-section__head">
        <h2 id="invitations-heading">{t('invitations.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => setInviting(true)} data-testid="invite-open">
          {t('invitations.invite')}
        </button>
      </div>
      {failure && (
        <p className="form__error" role="alert">
          {failure}
        </p>
      )}
      <ResourceStatus resource={resource} failedMessage={t('invitations.error.failed')} onRetry={reload} />
      {resource.status === 'loaded' &&
        (resource.data.invitations.length === 0 ? (
          <p className="empty-state">{t('invitations.empty')}</p>
        ) : (
          <table className="members-table" data-testid="invitations-table">
            <thead>
              <tr>
                <th scope="col">{t('invitations.col.email')}</th>
                <th scope="col">{t('invitations.col.role')}</th>
                <th scope="col">{t('invitations.col.status')}</th>
                <th scope="col">{t('invitations.col.expires')}</th>
                <th scope="col">{t('invitations.col.invitedBy')}</th>
                <th scope="col">{t('invitations.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.invitations.map((i) => (
                <tr key={i.id} data-testid="invitation-row" data-email={i.email} data-status={i.status}>
                  <th scope="row" data-label={t('invitations.col.email')} className="members-table__address">
                    {i.email}
                  </th>
                  <td data-label={t('invitations.col.role')}>{t(`role.${i.role}`)}</td>
                  <td data-label={t('invitations.col.status')}>
                    <span className={`members-badge members-badge--${i.status}`}>{t(`invitations.status.${i.status}`)}</span>
                  </td>
                  <td data-label={t('invitations.col.expires')}>{dayText(i.expiresAt.slice(0, 10), locale)}</td>
                  <td data-label={t('invitations.col.invitedBy')}>{i.invitedBy?.name ?? ''}</td>
                  <td data-label={t('invitations.col.actions')} className="members-table__actions">
                    {open(i) && (
                      <>
                        <button type="button" className="button button--quiet" onClick={() => void resend(i)} aria-label={`${t('invitations.resend')}: ${i.email}`}>
                          {t('invitations.resend')}
                        </button>
                        <button type="button" className="button button--quiet button--danger" onClick={() => setRevoking(i)} aria-label={`${t('invitations.revoke')}: ${i.email}`}>
                          {t('invitations.revoke')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {inviting && <InviteDialog workspaceId={workspaceId} onClose={() => setInviting(false)} onInvited={reload} />}
      {resent && (
        <FormDialog title={t('invitations.link.title')} testId="invitation-link-dialog" onClose={() => setResent(null)}>
          <div className="confirm-dialog__body">
            <p>{t('invitations.link.body', { email: resent.invitation.email })}</p>
            <LinkPanel linkPath={resent.linkPath} testId="invitation-link" />
            {resent.mailed && <p>{t('invitations.link.mailed')}</p>}
          </div>
          <div className="confirm-dialog__actions">
            <button type="button" className="button" onClick={() => setResent(null)} autoFocus>
              {t('invitations.close')}
            </button>
          </div>
        </FormDialog>
      )}
      {revoking && (
        <ConfirmDialog
          title={t('invitations.revoke.title', { email: revoking.email })}
          confirmLabel={t('invitations.revoke.confirm')}
          danger
          testId="invitation-revoke"
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        >
          <p>{t('invitations.revoke.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
