import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../i18n';

/** Renders `ui` inside the app's i18n provider, in Japanese (the default locale). */
export function renderJa(ui: ReactElement): RenderResult {
  localStorage.setItem('sakutei.locale', 'ja');
  return render(<I18nProvider>{ui}</I18nProvider>);
}
