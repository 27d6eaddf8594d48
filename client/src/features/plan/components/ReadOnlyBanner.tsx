import { can, docAccessOf, type Capability, type Role } from '@sakutei/shared';
import { useI18n, type MessageKey } from '../../../i18n';

/** The capabilities that show on a plan's page, in the order the banner names them. */
const PAGE_CAPABILITIES = [
  'plan.read',
  'draft.read',
  'plan.edit',
  'draft.suggest',
  'comment.write',
  'thread.resolve',
  'opinion.respond',
  'review.open',
  'review.decide',
  'kpi.recordActuals',
  'plan.manage',
] as const satisfies readonly Capability[];

type PageCapability = (typeof PAGE_CAPABILITIES)[number];

export interface RoleAbilities {
  may: PageCapability[];
  mayNot: PageCapability[];
  /** Neither edits nor comments: the banner opens with 「閲覧のみ」. */
  readOnly: boolean;
}

/**
 * What `role` may and may not do on this page, read from the role → capability table in
 * shared/ (the one the server enforces), so the banner cannot promise what the server refuses.
 * Reading the draft includes reading the approved revisions, so that is not said twice.
 */
export function roleAbilities(role: Role): RoleAbilities {
  const may = PAGE_CAPABILITIES.filter((capability) => can(role, capability) && !(capability === 'plan.read' && can(role, 'draft.read')));
  const mayNot = PAGE_CAPABILITIES.filter((capability) => !can(role, capability));
  return { may, mayNot, readOnly: !can(role, 'plan.edit') && !can(role, 'comment.write') };
}

/**
 * Above the plan, for the roles that may not edit it: what this role may do here and what not.
 * Staff, for example, comment, respond and resolve but do not edit, and read so.
 */
export function ReadOnlyBanner({ role }: { role: Role }) {
  const { t } = useI18n();
  const { may, mayNot, readOnly } = roleAbilities(role);
  const list = (capabilities: readonly PageCapability[]) =>
    capabilities.map((capability) => t(`access.can.${capability}` satisfies MessageKey)).join(t('access.listSeparator'));
  const end = t('access.sentenceEnd');

  return (
    <div className="banner banner--info role-banner" data-testid="read-only-banner" data-role={role} data-read-only={readOnly || undefined}>
      <p className="role-banner__may" data-testid="role-banner-may">
        {readOnly && <strong className="role-banner__read-only">{t('access.readOnly')} </strong>}
        <strong>{t('access.may', { role: t(`role.${role}`) })}</strong>
        {list(may)}
        {end}
        {/* Without the draft, invitations are the one way to more; a vice chair may be handed a decision. */}
        {docAccessOf(role) === null && <> {t('access.note.invited')}</>}
        {role === 'vice_chair' && <> {t('access.note.delegated')}</>}
      </p>
      {!readOnly && mayNot.length > 0 && (
        <p className="role-banner__may-not" data-testid="role-banner-may-not">
          <strong>{t('access.mayNot')}</strong>
          {list(mayNot)}
          {end}
        </p>
      )}
    </div>
  );
}
