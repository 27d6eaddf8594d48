import { useI18n, type MessageKey } from '../../i18n';

const KEYS: ReadonlyArray<{ keys: string | { label: MessageKey }; what: MessageKey }> = [
  { keys: '↑ ↓ ← →', what: 'measures.help.arrows' },
  { keys: 'Home / End', what: 'measures.help.homeEnd' },
  { keys: 'Ctrl+Home / Ctrl+End', what: 'measures.help.firstLast' },
  { keys: 'PageUp / PageDown', what: 'measures.help.page' },
  { keys: '← / →', what: 'measures.help.collapse' },
  { keys: 'Enter / F2', what: 'measures.help.edit' },
  { keys: 'Enter / F2', what: 'progress.help.record' },
  { keys: { label: 'measures.help.typeKeys' }, what: 'measures.help.type' },
  { keys: 'Enter', what: 'measures.help.commitDown' },
  { keys: 'Ctrl+Enter', what: 'measures.help.commitMultiline' },
  { keys: 'Tab / Shift+Tab', what: 'measures.help.commitSide' },
  { keys: 'Esc', what: 'measures.help.cancel' },
  { keys: 'Ctrl+Enter', what: 'measures.help.insert' },
  { keys: 'Delete', what: 'measures.help.delete' },
  { keys: 'Alt+Shift+→ / ←', what: 'measures.help.indent' },
  { keys: 'Alt+Shift+↑ / ↓', what: 'measures.help.move' },
  { keys: 'Ctrl+Z', what: 'measures.help.undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', what: 'measures.help.redo' },
  { keys: 'Ctrl+V', what: 'measures.help.paste' },
  { keys: 'Ctrl+Alt+M', what: 'measures.help.comment' },
  { keys: 'Ctrl+Alt+P', what: 'cellSuggest.help' },
  { keys: { label: 'measures.help.typeKeys' }, what: 'cellSuggest.typeOpens' },
];

type Props = { id: string; open: boolean };

/** The grid's keyboard map, shown on demand beside the table. */
export function KeyboardHelp({ id, open }: Props) {
  const { t } = useI18n();
  return (
    <section id={id} className="measures-help" hidden={!open} aria-label={t('measures.help.title')} data-testid="measure-help">
      <h3 className="measures-help__title">{t('measures.help.title')}</h3>
      <dl className="measures-help__list">
        {KEYS.map((entry) => (
          <div key={entry.what}>
            <dt>
              <kbd>{typeof entry.keys === 'string' ? entry.keys : t(entry.keys.label)}</kbd>
            </dt>
            <dd>{t(entry.what)}</dd>
          </div>
        ))}
      </dl>
      <p className="measures-note">{t('measures.help.ime')}</p>
    </section>
  );
}

export function KeyboardHelpToggle({ controls, open, onToggle }: { controls: string; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button--quiet measures-help-toggle"
      aria-expanded={open}
      aria-controls={controls}
      data-testid="measure-help-toggle"
      onClick={onToggle}
    >
      <span aria-hidden="true" className="measures-help-toggle__mark">?</span> {t('measures.help.toggle')}
    </button>
  );
}
