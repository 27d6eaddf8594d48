import type { ReactNode } from 'react';
import { Link, useRoute } from '../../app/router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';
import './admin.css';

const SECTIONS: Array<{ route: 'adminCouncils' | 'adminAccounts'; path: string; label: MessageKey }> = [
  { route: 'adminCouncils', path: '/admin', label: 'admin.tab.councils' },
  { route: 'adminAccounts', path: '/admin/accounts', label: 'admin.tab.accounts' },
];

/** The administration area's frame: its title and the links between its sections. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const route = useRoute();
  const current = SECTIONS.find((s) => s.route === route.name);
  useDocumentTitle(current ? `${t(current.label)} – ${t('admin.title')}` : t('admin.title'));
  return (
    <section className="page admin">
      <h1>{t('admin.title')}</h1>
      <nav className="admin__tabs" aria-label={t('admin.tabs')}>
        {SECTIONS.map((s) => (
          <Link key={s.route} to={s.path} className="admin__tab" aria-current={s.route === route.name ? 'page' : undefined} data-testid={`admin-tab-${s.route}`}>
            {t(s.label)}
          </Link>
        ))}
      </nav>
      {children}
    </section>
  );
}

/** The header's way in, for administrators only. */
export function AdminLink() {
  const { t } = useI18n();
  return (
    <Link to="/admin" className="button button--quiet admin-link" data-testid="admin-link">
      {t('admin.link')}
    </Link>
  );
}
