import { useI18n, type MessageKey } from '../../i18n';

export type ToolbarAction =
  | 'addMeasure'
  | 'addProject'
  | 'addReprint'
  | 'delete'
  | 'moveUp'
  | 'moveDown'
  | 'indent'
  | 'outdent'
  | 'undo'
  | 'redo'
  | 'addKpi';

type Button = { action: ToolbarAction; label: MessageKey; testId: string; shortcut?: string };

// Grouped as the user thinks of them: add, arrange, history, KPIs.
const GROUPS: ReadonlyArray<{ label: MessageKey; buttons: readonly Button[] }> = [
  {
    label: 'measures.toolbar.groupAdd',
    buttons: [
      { action: 'addMeasure', label: 'measures.toolbar.addMeasure', testId: 'measure-add-measure' },
      { action: 'addProject', label: 'measures.toolbar.addProject', testId: 'measure-add-project' },
      { action: 'addReprint', label: 'measures.toolbar.addReprint', testId: 'measure-add-reprint' },
      { action: 'delete', label: 'measures.toolbar.delete', testId: 'measure-delete', shortcut: 'Delete' },
    ],
  },
  {
    label: 'measures.toolbar.groupArrange',
    buttons: [
      { action: 'moveUp', label: 'measures.toolbar.moveUp', testId: 'measure-move-up', shortcut: 'Alt+Shift+ArrowUp' },
      { action: 'moveDown', label: 'measures.toolbar.moveDown', testId: 'measure-move-down', shortcut: 'Alt+Shift+ArrowDown' },
      { action: 'indent', label: 'measures.toolbar.indent', testId: 'measure-indent', shortcut: 'Alt+Shift+ArrowRight' },
      { action: 'outdent', label: 'measures.toolbar.outdent', testId: 'measure-outdent', shortcut: 'Alt+Shift+ArrowLeft' },
    ],
  },
  {
    label: 'measures.toolbar.groupHistory',
    buttons: [
      { action: 'undo', label: 'measures.toolbar.undo', testId: 'measure-undo', shortcut: 'Control+Z' },
      { action: 'redo', label: 'measures.toolbar.redo', testId: 'measure-redo', shortcut: 'Control+Shift+Z Control+Y' },
    ],
  },
  {
    label: 'measures.toolbar.groupKpi',
    buttons: [{ action: 'addKpi', label: 'measures.toolbar.addKpi', testId: 'measure-add-kpi' }],
  },
];

type Props = {
  enabled: Readonly<Record<ToolbarAction, boolean>>;
  onAction: (action: ToolbarAction) => void;
};

/** Buttons for everything the keyboard can do to rows, for mouse users and as a reminder. */
export function MeasureToolbar({ enabled, onAction }: Props) {
  const { t } = useI18n();
  return (
    <div className="measures-toolbar" role="group" aria-label={t('measures.toolbar.label')} data-testid="measure-toolbar">
      {GROUPS.map((group) => (
        <div key={group.label} className="measures-toolbar__group" role="group" aria-label={t(group.label)}>
          {group.buttons.map((button) => (
            <button
              key={button.action}
              type="button"
              className="button button--quiet"
              disabled={!enabled[button.action]}
              aria-keyshortcuts={button.shortcut}
              data-testid={button.testId}
              onClick={() => onAction(button.action)}
            >
              {t(button.label)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
