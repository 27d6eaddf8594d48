import { APPOINTABLE_ROLES, type AdminCouncil, type AppointableRole } from '@sakutei/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useApiResource } from '../../app/useApiResource';
import { useI18n, type Translate } from '../../i18n';
import { appointLeader, createCouncil, listCouncils, removeLeader, updateCouncil } from '../../lib/adminApi';
import { ApiError } from '../../lib/api';
import { AdminLayout } from './AdminLayout';
import { FieldDialog } from './FieldDialog';

type Open =
  | { kind: 'create' }
  | { kind: 'rename'; council: AdminCouncil }
  | { kind: 'archive'; council: AdminCouncil }
  | { kind: 'appoint'; council: AdminCouncil }
  | { kind: 'removeLeader'; council: AdminCouncil; leader: AdminCouncil['leaders'][number] }
  | null;

/** What to tell the person when a change is refused; the server's sentences are English. */
function refusal(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'name_taken') return t('admin.councils.nameTaken');
    if (error.code === 'account_not_found') return t('admin.councils.noAccount');
  }
  return t('admin.actionFailed');
}

/** Councils: create, rename, archive, and appoint or remove the chair and vice chairs. */
export function CouncilsPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { resource, reload } = useApiResource('admin/councils', listCouncils);
  const [open, setOpen] = useState<Open>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AppointableRole>('chair');
  const [failed, setFailed] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api'] });
  /** Runs a change; null when it went through (the lists are read again), else what to say. */
  async function attempt(change: () => Promise<unknown>): Promise<string | null> {
    try {
      await change();
      await refresh();
      return null;
    } catch (error) {
      return refusal(error, t);
    }
  }
  function show(next: Open) {
    setFailed(false);
    setName(next && 'council' in next ? next.council.name : '');
    setEmail('');
    setRole('chair');
    setOpen(next);
  }
  async function confirmNow(change: () => Promise<unknown>) {
    const problem = await attempt(change);
    setOpen(null);
    setFailed(problem !== null);
  }

  const nameField = (ids: { firstFieldId: string; errorId: string }) => (
    <div className="form__field">
      <label htmlFor={ids.firstFieldId}>{t('admin.councils.nameLabel')}</label>
      <input id={ids.firstFieldId} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="council-name" />
    </div>
  );
  const nameProblem = () => (name.trim() === '' ? t('admin.councils.nameRequired') : null);

  return (
    <AdminLayout>
      <p className="page__lead">{t('admin.councils.lead')}</p>
      <div className="admin__actions">
        <button type="button" className="button button--primary" onClick={() => show({ kind: 'create' })} data-testid="council-create">
          {t('admin.councils.create')}
        </button>
      </div>
      {failed && (
        <p className="form__error" role="alert">
          {t('admin.actionFailed')}
        </p>
      )}
      <ResourceStatus resource={resource} failedMessage={t('admin.failed')} onRetry={reload} />
      {resource.status === 'loaded' &&
        (resource.data.councils.length === 0 ? (
          <p className="empty-state">{t('admin.councils.empty')}</p>
        ) : (
          <table className="admin-table" data-testid="councils-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.councils.col.name')}</th>
                <th scope="col">{t('admin.councils.col.leaders')}</th>
                <th scope="col">{t('admin.councils.col.size')}</th>
                <th scope="col">{t('admin.councils.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.councils.map((council) => (
                <tr key={council.id} data-testid="council-row" data-name={council.name} className={council.archivedAt ? 'admin-table__row--archived' : undefined}>
                  <th scope="row" data-label={t('admin.councils.col.name')}>
                    {council.name}
                    {council.archivedAt && <span className="admin-badge">{t('admin.councils.archived')}</span>}
                  </th>
                  <td data-label={t('admin.councils.col.leaders')} className="admin-people">
                    {council.leaders.length === 0 ? (
                      <span className="admin-muted">{t('admin.councils.noLeaders')}</span>
                    ) : (
                      <ul className="admin-leaders">
                        {council.leaders.map((leader) => (
                          <li key={leader.userId} data-testid="council-leader">
                            <span>
                              {t(`role.${leader.role}`)}：{leader.name}
                            </span>
                            <button
                              type="button"
                              className="admin-icon-button"
                              aria-label={t('admin.councils.removeLeader', { name: leader.name, role: t(`role.${leader.role}`) })}
                              title={t('admin.councils.removeLeader', { name: leader.name, role: t(`role.${leader.role}`) })}
                              onClick={() => show({ kind: 'removeLeader', council, leader })}
                              data-testid="council-leader-remove"
                            >
                              ×
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                    {council.secretariat.length === 0 ? (
                      <span className="admin-muted" data-testid="council-no-secretariat">
                        {t('admin.councils.noSecretariat')}
                      </span>
                    ) : (
                      <ul className="admin-leaders">
                        {council.secretariat.map((staff) => (
                          <li key={staff.userId} data-testid="council-secretariat">
                            {t('role.staff')}：{staff.name}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t('admin.councils.col.size')}>{t('admin.councils.size', { members: council.memberCount, plans: council.planCount })}</td>
                  <td data-label={t('admin.councils.col.actions')}>
                    <div className="admin-row-actions">
                      <button type="button" className="button button--quiet" onClick={() => show({ kind: 'appoint', council })} data-testid="council-appoint">
                        {t('admin.councils.appoint')}
                      </button>
                      <button type="button" className="button button--quiet" onClick={() => show({ kind: 'rename', council })} data-testid="council-rename">
                        {t('admin.councils.rename')}
                      </button>
                      {council.archivedAt ? (
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => void confirmNow(() => updateCouncil(council.id, { archived: false }))}
                          data-testid="council-unarchive"
                        >
                          {t('admin.councils.unarchive')}
                        </button>
                      ) : (
                        <button type="button" className="button button--quiet" onClick={() => show({ kind: 'archive', council })} data-testid="council-archive">
                          {t('admin.councils.archive')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}

      {open?.kind === 'create' && (
        <FieldDialog
          title={t('admin.councils.createTitle')}
          confirmLabel={t('admin.councils.createConfirm')}
          testId="council-create-dialog"
          onSubmit={async () => nameProblem() ?? attempt(() => createCouncil(name.trim()))}
          onClose={() => setOpen(null)}
        >
          {nameField}
        </FieldDialog>
      )}
      {open?.kind === 'rename' && (
        <FieldDialog
          title={t('admin.councils.renameTitle')}
          confirmLabel={t('admin.councils.renameConfirm')}
          testId="council-rename-dialog"
          onSubmit={async () => nameProblem() ?? attempt(() => updateCouncil(open.council.id, { name: name.trim() }))}
          onClose={() => setOpen(null)}
        >
          {nameField}
        </FieldDialog>
      )}
      {open?.kind === 'appoint' && (
        <FieldDialog
          title={t('admin.councils.appointTitle', { name: open.council.name })}
          confirmLabel={t('admin.councils.appoint')}
          testId="council-appoint-dialog"
          onSubmit={async () =>
            email.trim() === '' ? t('setup.emailInvalid') : attempt(() => appointLeader(open.council.id, { email: email.trim(), role }))
          }
          onClose={() => setOpen(null)}
        >
          {(ids) => (
            <>
              <div className="form__field">
                <label htmlFor={ids.firstFieldId}>{t('admin.councils.appointEmail')}</label>
                <input
                  id={ids.firstFieldId}
                  type="email"
                  autoComplete="off"
                  spellCheck={false}
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  data-testid="appoint-email"
                />
              </div>
              <div className="form__field">
                <label htmlFor={`${ids.firstFieldId}-role`}>{t('admin.councils.appointRole')}</label>
                <select id={`${ids.firstFieldId}-role`} value={role} onChange={(e) => setRole(e.target.value as AppointableRole)} data-testid="appoint-role">
                  {APPOINTABLE_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <p className="admin-muted">{t('admin.councils.appointHint')}</p>
            </>
          )}
        </FieldDialog>
      )}
      {open?.kind === 'archive' && (
        <ConfirmDialog
          title={t('admin.councils.archiveTitle', { name: open.council.name })}
          confirmLabel={t('admin.councils.archive')}
          danger
          testId="council-archive-dialog"
          onConfirm={() => void confirmNow(() => updateCouncil(open.council.id, { archived: true }))}
          onCancel={() => setOpen(null)}
        >
          <p>{t('admin.councils.archiveBody')}</p>
        </ConfirmDialog>
      )}
      {open?.kind === 'removeLeader' && (
        <ConfirmDialog
          title={t('admin.councils.removeTitle', { name: open.leader.name, role: t(`role.${open.leader.role}`) })}
          confirmLabel={t('admin.councils.removeConfirm')}
          danger
          testId="council-remove-leader-dialog"
          onConfirm={() => void confirmNow(() => removeLeader(open.council.id, open.leader.userId))}
          onCancel={() => setOpen(null)}
        >
          <p>{t('admin.councils.removeBody')}</p>
        </ConfirmDialog>
      )}
    </AdminLayout>
  );
}
