import { docAccessOf, type Role } from '@sakutei/shared';
import { useI18n } from '../../../i18n';

export function ReadOnlyBanner({ role }: { role: Role }) {
  const { t } = useI18n();
  // Without access to the draft, what there is to read is what the council approved.
  const key = docAccessOf(role) === null ? 'plan.readOnlyApproved' : 'plan.readOnly';
  return (
    <p className="banner banner--info" data-testid="read-only-banner" data-role={role}>
      {t(key, { role: t(`role.${role}`) })}
    </p>
  );
}
