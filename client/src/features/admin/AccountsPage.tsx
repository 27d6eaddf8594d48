import type { AdminAccount } from '@sakutei/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { ResourceStatus } from '../../app/ResourceStatus';
import { useMe } from '../../app/session';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { listAccounts, updateAccount } from '../../lib/adminApi';
import { ApiError } from '../../lib/api';
import { AdminLayout } from './AdminLayout';

/** Every account, with what it is and where; deactivate and reactivate. */
export function AccountsPage() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const { resource, reload } = useApiResource('admin/accounts', listAccounts);
  const [confirming, setConfirming] = useState<{ account: AdminAccount; change: 'active' | 'admin' } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function apply(account: AdminAccount, change: { active: boolean } | { isAdmin: boolean }) {
    setConfirming(null);
    setFailure(null);
    try {
      await updateAccount(account.id, change);
      await queryClient.invalidateQueries({ queryKey: ['api'] });
    } catch (error) {
      setFailure(error instanceof ApiError && error.code === 'last_admin' ? t('admin.accounts.lastAdmin') : t('admin.actionFailed'));
    }
  }

  return (
    <AdminLayout>
      <p className="page__lead">{t('admin.accounts.lead')}</p>
      {failure && (
        <p className="form__error" role="alert">
          {failure}
        </p>
      )}
      <ResourceStatus resource={resource} failedMessage={t('admin.failed')} onRetry={reload} />
      {resource.status === 'loaded' && (
        <table className="admin-table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.accounts.col.name')}</th>
              <th scope="col">{t('admin.accounts.col.email')}</th>
              <th scope="col">{t('admin.accounts.col.councils')}</th>
              <th scope="col">{t('admin.accounts.col.state')}</th>
              <th scope="col">{t('admin.accounts.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {resource.data.accounts.map((account) => {
              const self = account.id === me.user.id;
              const active = account.deactivatedAt === null;
              return (
                <tr key={account.id} data-testid="account-row" data-email={account.email} className={active ? undefined : 'admin-table__row--archived'}>
                  <th scope="row" data-label={t('admin.accounts.col.name')}>
                    {account.name}
                    {self && <span className="admin-badge">{t('admin.accounts.you')}</span>}
                  </th>
                  <td data-label={t('admin.accounts.col.email')} className="admin-table__email">
                    {account.email}
                  </td>
                  <td data-label={t('admin.accounts.col.councils')}>
                    {account.memberships.length === 0 ? (
                      <span className="admin-muted">{t('admin.accounts.noCouncils')}</span>
                    ) : (
                      <ul className="admin-leaders">
                        {account.memberships.map((m) => (
                          <li key={m.workspaceId}>
                            {m.workspaceName}（{t(`role.${m.role}`)}）
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t('admin.accounts.col.state')}>
                    <span className={active ? 'admin-state' : 'admin-state admin-state--off'} data-testid="account-state">
                      {active ? t('admin.accounts.active') : t('admin.accounts.deactivated')}
                    </span>
                    {account.isAdmin && <span className="admin-badge">{t('admin.accounts.admin')}</span>}
                    {account.isDemo && <span className="admin-badge admin-badge--quiet">{t('admin.accounts.demo')}</span>}
                  </td>
                  <td data-label={t('admin.accounts.col.actions')}>
                    {/* Nobody deactivates themselves: the server refuses it, so the button is not offered. */}
                    {!self && (
                      <div className="admin-row-actions">
                        <button
                          type="button"
                          className={active ? 'button button--quiet button--danger' : 'button button--quiet'}
                          onClick={() => setConfirming({ account, change: 'active' })}
                          data-testid={active ? 'account-deactivate' : 'account-reactivate'}
                        >
                          {active ? t('admin.accounts.deactivate') : t('admin.accounts.reactivate')}
                        </button>
                        <button type="button" className="button button--quiet" onClick={() => setConfirming({ account, change: 'admin' })} data-testid="account-admin">
                          {account.isAdmin ? t('admin.accounts.revokeAdmin') : t('admin.accounts.grantAdmin')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {confirming?.change === 'active' && (
        <ConfirmDialog
          title={t(confirming.account.deactivatedAt === null ? 'admin.accounts.deactivateTitle' : 'admin.accounts.reactivateTitle', { name: confirming.account.name })}
          confirmLabel={confirming.account.deactivatedAt === null ? t('admin.accounts.deactivate') : t('admin.accounts.reactivate')}
          danger={confirming.account.deactivatedAt === null}
          testId="account-confirm"
          onConfirm={() => void apply(confirming.account, { active: confirming.account.deactivatedAt !== null })}
          onCancel={() => setConfirming(null)}
        >
          <p>{t(confirming.account.deactivatedAt === null ? 'admin.accounts.deactivateBody' : 'admin.accounts.reactivateBody')}</p>
        </ConfirmDialog>
      )}
      {confirming?.change === 'admin' && (
        <ConfirmDialog
          title={t(confirming.account.isAdmin ? 'admin.accounts.revokeAdminTitle' : 'admin.accounts.grantAdminTitle', { name: confirming.account.name })}
          confirmLabel={confirming.account.isAdmin ? t('admin.accounts.revokeAdmin') : t('admin.accounts.grantAdmin')}
          danger={confirming.account.isAdmin}
          testId="account-admin-confirm"
          onConfirm={() => void apply(confirming.account, { isAdmin: !confirming.account.isAdmin })}
          onCancel={() => setConfirming(null)}
        >
          <p>{t(confirming.account.isAdmin ? 'admin.accounts.revokeAdminBody' : 'admin.accounts.grantAdminBody')}</p>
        </ConfirmDialog>
      )}
    </AdminLayout>
  );
}
