import { can, type Member, type ResetLinkResponse } from '@sakutei/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useMe } from '../../app/session';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { issueResetLink, listCouncilMembers, removeMember } from '../../lib/membersApi';
import { EditMemberDialog } from './EditMemberDialog';
import { membersErrorKey } from './errors';
import { FormDialog } from '../../app/FormDialog';
import { InvitationsSection } from './InvitationsSection';
import { LinkPanel } from './LinkPanel';
import { MembersTable } from './MembersTable';
import { termState, todayInJapan } from './memberText';
import './members.css';

/** A council's members (名簿): read by the council, kept by the secretariat, with its invitations. */
export function MembersPage({ workspaceId }: { workspaceId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const membership = me.memberships.find((m) => m.workspaceId === workspaceId);
  const canManage = can(membership?.role, 'members.manage');
  const { resource, reload } = useApiResource(`members:${workspaceId}`, (signal) => listCouncilMembers(workspaceId, signal));
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [reset, setReset] = useState<{ member: Member; link: ResetLinkResponse } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  useDocumentTitle(`${t('members.title')} — ${membership?.workspaceName ?? ''}`);

  const today = todayInJapan();
  const endingSoon = resource.status === 'loaded' ? resource.data.members.filter((m) => termState(m.termTo, today)?.kind === 'endsSoon').length : 0;

  async function remove(member: Member) {
    setRemoving(null);
    setFailure(null);
    try {
      await removeMember(workspaceId, member.userId);
      setAnnouncement(t('members.removed', { name: member.name }));
      reload();
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'members.saveFailed')));
    }
  }

  async function issueReset(member: Member) {
    setFailure(null);
    try {
      setReset({ member, link: await issueResetLink(workspaceId, member.userId) });
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'members.saveFailed')));
    }
  }

  const notVisible = resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
  return (
    <section className="page members-page" data-testid="members-page">
      <h1>{t('members.title')}</h1>
      {membership && <p className="page__lead">{t('members.lead', { council: membership.workspaceName })}</p>}
      <p className="visually-hidden" role="status" data-testid="members-announcement">
        {announcement}
      </p>
      {failure && (
        <p className="form__error" role="alert">
          {failure}
        </p>
      )}
      {notVisible ? (
        <p className="empty-state">{t('members.notVisible')}</p>
      ) : (
        <ResourceStatus resource={resource} failedMessage={t('members.loadFailed')} onRetry={reload} />
      )}
      {resource.status === 'loaded' && (
        <>
          {endingSoon > 0 && (
            <p className="members-banner" data-testid="members-ending-soon">
              {t('members.endingSoon', { count: endingSoon })}
            </p>
          )}
          <MembersTable
            members={resource.data.members}
            meId={me.user.id}
            canManage={canManage}
            today={today}
            onEdit={setEditing}
            onRemove={setRemoving}
            onReset={(m) => void issueReset(m)}
          />
        </>
      )}
      {canManage && <InvitationsSection workspaceId={workspaceId} announce={setAnnouncement} />}
      {editing && (
        <EditMemberDialog
          workspaceId={workspaceId}
          member={editing}
          isSelf={editing.userId === me.user.id}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setAnnouncement(t('members.saved', { name }));
            reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('members.remove.title', { name: removing.name })}
          confirmLabel={t('members.remove.confirm')}
          danger
          testId="member-remove"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('members.remove.body')}</p>
        </ConfirmDialog>
      )}
      {reset && (
        <FormDialog title={t('members.reset.title')} testId="reset-link-dialog" onClose={() => setReset(null)}>
          <div className="confirm-dialog__body">
            <p>{t('members.reset.body', { name: reset.member.name })}</p>
            <LinkPanel linkPath={reset.link.linkPath} testId="reset-link" />
            {reset.link.mailed && <p>{t('invitations.link.mailed')}</p>}
          </div>
          <div className="confirm-dialog__actions">
            <button type="button" className="button" onClick={() => setReset(null)} autoFocus>
              {t('invitations.close')}
            </button>
          </div>
        </FormDialog>
      )}
    </section>
  );
}
