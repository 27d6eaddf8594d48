import { Button, Menu, MenuItem, MenuTrigger, Popover, type Key } from 'react-aria-components';

export interface InsertChoice {
  id: string;
  text: string;
}

interface Props {
  /** The button's name (「発言者」). */
  label: string;
  choices: readonly InsertChoice[];
  /** Said in place of the list when there is nothing to choose. */
  emptyText: string;
  disabled?: boolean;
  onPick: (id: string) => void;
  testId: string;
}

/**
 * A toolbar button opening a list to insert from (React Aria's menu: arrow keys, Enter, Esc,
 * focus back to the button). A menu rather than a select: a closed select fires its change on
 * arrow keys in some browsers, which would insert while the writer is only looking.
 */
export function InsertMenu({ label, choices, emptyText, disabled = false, onPick, testId }: Props) {
  return (
    <MenuTrigger>
      <Button className="minutes-tool" isDisabled={disabled} data-testid={testId}>
        {label} <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="minutes-popover" placement="bottom start">
        <Menu
          className="minutes-menu"
          aria-label={label}
          onAction={(key: Key) => onPick(String(key))}
          disabledKeys={choices.length === 0 ? ['none'] : []}
          data-testid={`${testId}-menu`}
        >
          {choices.length === 0 ? (
            <MenuItem id="none" className="minutes-menu__item">
              {emptyText}
            </MenuItem>
          ) : (
            choices.map((choice) => (
              <MenuItem key={choice.id} id={choice.id} className="minutes-menu__item" textValue={choice.text} data-testid={`${testId}-item`}>
                {choice.text}
              </MenuItem>
            ))
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
