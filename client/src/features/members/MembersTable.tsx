import { isSecretariatRole, type Member } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { categoryText, termState, termText } from './memberText';

type Props = {
  members: readonly Member[];
  meId: string;
  canManage: boolean;
  today: string;
  onEdit: (m: Member) => void;
  onRemove: (m: Member) => void;
  onReset: (m: Member) => void;
};

/** The 名簿: a table on a wide screen, one card per person on a phone (styles in members.css). */
export function MembersTable({ members, meId, canManage, today, onEdit, onRemove, onReset }: Props) {
  const { t, locale } = useI18n();
  return (
    <table className="members-table" data-testid="members-table">
      <thead>
        <tr>
          <th scope="col">{t('members.col.name')}</th>
          <th scope="col">{t('members.col.role')}</th>
          <th scope="col">{t('members.col.affiliation')}</th>
          <th scope="col">{t('members.col.category')}</th>
          <th scope="col">{t('members.col.term')}</th>
          {canManage && <th scope="col">{t('members.col.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const state = termState(m.termTo, today);
          const self = m.userId === meId;
          const managed = isSecretariatRole(m.role) && !self;
          return (
            <tr key={m.userId} data-testid="member-row" data-email={m.email} data-role={m.role}>
              <th scope="row" data-label={t('members.col.name')}>
                <span className="members-table__name">
                  {m.name}
                  {self && <span className="members-table__you">{t('members.you')}</span>}
                </span>
                <span className="members-table__email">{m.email}</span>
              </th>
              <td data-label={t('members.col.role')} data-testid="member-role">
                {t(`role.${m.role}`)}
              </td>
              <td data-label={t('members.col.affiliation')} data-testid="member-affiliation">
                {m.affiliation}
              </td>
              <td data-label={t('members.col.category')} data-testid="member-category">
                {categoryText(m.category, t)}
              </td>
              <td data-label={t('members.col.term')} data-testid="member-term">
                {termText(m, t, locale)}
                {state && (
                  <span className={`members-badge members-badge--${state.kind}`} data-testid="member-term-state">
                    {state.kind === 'ended' ? t('members.term.ended') : t('members.term.endsSoon', { days: state.days })}
                  </span>
                )}
              </td>
              {canManage && (
                <td data-label={t('members.col.actions')} className="members-table__actions">
                  <button type="button" className="button button--quiet" onClick={() => onEdit(m)} aria-label={`${t('members.edit')}: ${m.name}`}>
                    {t('members.edit')}
                  </button>
                  {/* The role table leaves these to administrators: say so where the remove button would be. */}
                  {!isSecretariatRole(m.role) && (
                    <span className="members-note" data-testid="member-appointed-note">
                      {t('members.edit.roleLocked')}
                    </span>
                  )}
                  {managed && (
                    <>
                      <button type="button" className="button button--quiet" onClick={() => onReset(m)} aria-label={`${t('members.reset')}: ${m.name}`}>
                        {t('members.reset')}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet button--danger"
                        onClick={() => onRemove(m)}
                        aria-label={`${t('members.remove')}: ${m.name}`}
                      >
                        {t('members.remove')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
