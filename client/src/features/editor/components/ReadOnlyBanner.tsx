import type { Role } from '@sakutei/shared';
import { useI18n } from '../../../i18n';

export function ReadOnlyBanner({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <p className="banner banner--info" data-testid="read-only-banner" data-role={role}>
      {t('plan.readOnly', { role: t(`role.${role}`) })}
    </p>
  );
}
