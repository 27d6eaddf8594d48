// The table commands (addRowAfter, …) are typed by the table extension's module augmentation.
import type {} from '@tiptap/extension-table';
import type { ChainedCommands, Editor } from '@tiptap/react';
import { Button, type Key, Menu, MenuItem, MenuTrigger, Popover, Tooltip, TooltipTrigger } from 'react-aria-components';
import { type MessageKey, useI18n } from '../../../i18n';
import { Icon } from './icons';

type TableAction =
  | 'addRowBefore'
  | 'addRowAfter'
  | 'addColumnBefore'
  | 'addColumnAfter'
  | 'toggleHeaderRow'
  | 'deleteRow'
  | 'deleteColumn'
  | 'deleteTable';

const ACTIONS: ReadonlyArray<{ id: TableAction; label: MessageKey }> = [
  { id: 'addRowBefore', label: 'editor.table.addRowBefore' },
  { id: 'addRowAfter', label: 'editor.table.addRowAfter' },
  { id: 'addColumnBefore', label: 'editor.table.addColumnBefore' },
  { id: 'addColumnAfter', label: 'editor.table.addColumnAfter' },
  { id: 'toggleHeaderRow', label: 'editor.table.toggleHeaderRow' },
  { id: 'deleteRow', label: 'editor.table.deleteRow' },
  { id: 'deleteColumn', label: 'editor.table.deleteColumn' },
  { id: 'deleteTable', label: 'editor.table.deleteTable' },
];

const COMMANDS: Record<TableAction, (chain: ChainedCommands) => ChainedCommands> = {
  addRowBefore: (c) => c.addRowBefore(),
  addRowAfter: (c) => c.addRowAfter(),
  addColumnBefore: (c) => c.addColumnBefore(),
  addColumnAfter: (c) => c.addColumnAfter(),
  toggleHeaderRow: (c) => c.toggleHeaderRow(),
  deleteRow: (c) => c.deleteRow(),
  deleteColumn: (c) => c.deleteColumn(),
  deleteTable: (c) => c.deleteTable(),
};

/**
 * 表の編集: rows, columns, the header row. A menu rather than eight buttons; it is only
 * enabled with the caret in a table (moving between cells is Tab / Shift+Tab and the arrows,
 * and Tab in the last cell adds a row, as in Word).
 */
export function TableMenu({ editor, inTable }: { editor: Editor; inTable: boolean }) {
  const { t } = useI18n();
  return (
    <MenuTrigger>
      <TooltipTrigger delay={500} closeDelay={0}>
        <Button className="editor-tool" aria-label={t('editor.table.menu')} isDisabled={!inTable} data-testid="table-menu">
          <Icon name="tableEdit" />
        </Button>
        <Tooltip className="editor-tooltip" offset={6}>
          {t('editor.table.menu')}
        </Tooltip>
      </TooltipTrigger>
      <Popover className="editor-popover" placement="bottom start">
        <Menu className="editor-menu" onAction={(key: Key) => COMMANDS[key as TableAction](editor.chain().focus()).run()}>
          {ACTIONS.map((action) => (
            <MenuItem key={action.id} id={action.id} className="editor-menu__item" data-testid={`table-${action.id}`}>
              {t(action.label)}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
