import { LOCALES, useI18n, type Locale } from '../i18n';

/** Each language is named in itself, so a reader who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { ja: '日本語', en: 'English' };

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
