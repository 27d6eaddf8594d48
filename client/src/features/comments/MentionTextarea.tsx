import type { Person } from '@sakutei/shared';
import { useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../../i18n';
import type { Participant } from './commentsContext';
import { matchPeople, mentionQueryAt } from './mentions';

interface Props {
  label: string;
  /** Shown to screen readers only; the box's placeholder says what it is. */
  labelHidden?: boolean;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  /** Someone was chosen from the list (so their id wins over a namesake's). */
  onPick: (person: Person) => void;
  people: readonly Participant[];
  /** Ctrl+Enter (⌘+Enter). */
  onSubmit: () => void;
  /** Escape while no list is open. */
  onEscape?: () => void;
  testId: string;
  disabled?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * A comment box with an @-mention list: typing `@` lists the council's members, narrowed by
 * what follows; arrow keys move, Enter or Tab inserts `@name`. Focus stays in the textarea
 * (the options are pointed at with aria-activedescendant).
 */
export function MentionTextarea({
  label,
  labelHidden = false,
  placeholder,
  value,
  onChange,
  onPick,
  people,
  onSubmit,
  onEscape,
  testId,
  disabled = false,
  textareaRef,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-mentions`;
  const ownRef = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  /** The `@` whose list was closed (Escape, or a name was inserted); it stays closed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [lastQuery, setLastQuery] = useState<string | null>(null);

  const found = caret === null ? null : mentionQueryAt(value, caret);
  const query = found && found.start !== dismissedAt ? found : null;
  const matches = query ? matchPeople(people, query.query) : [];
  const open = matches.length > 0;
  if ((query?.query ?? null) !== lastQuery) {
    setLastQuery(query?.query ?? null);
    setHighlighted(0);
  }
  const index = Math.min(highlighted, Math.max(matches.length - 1, 0));
  const optionId = (i: number) => `${id}-option-${i}`;

  const trackCaret = (element: HTMLTextAreaElement) =>
    setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null);

  function insert(person: Participant) {
    if (!query || caret === null) return;
    const before = value.slice(0, query.start);
    const inserted = `@${person.name} `;
    const next = before + inserted + value.slice(caret);
    const position = before.length + inserted.length;
    setDismissedAt(query.start);
    onChange(next);
    onPick({ id: person.id, name: person.name });
    setCaret(position);
    requestAnimationFrame(() => ownRef.current?.setSelectionRange(position, position));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter and Escape also confirm or cancel Japanese input-method conversion; leave those alone.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (open && query) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((index + step + matches.length) % matches.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
        event.preventDefault();
        insert(matches[index]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query.start);
        return;
      }
    }
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  }

  const setRefs = (element: HTMLTextAreaElement | null) => {
    ownRef.current = element;
    if (typeof textareaRef === 'function') textareaRef(element);
    else if (textareaRef) textareaRef.current = element;
  };

  return (
    <div className="mention-box">
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : 'mention-box__label'}>
        {label}
      </label>
      <textarea
        ref={setRefs}
        id={id}
        className="mention-box__input"
        data-testid={testId}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        rows={2}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(index) : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          trackCaret(event.target);
        }}
        onSelect={(event) => trackCaret(event.currentTarget)}
        onBlur={() => setCaret(null)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="mention-box__list" role="listbox" id={listId} aria-label={t('comments.mention.listLabel')} data-testid="mention-listbox">
          {matches.map((person, i) => (
            <li
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === index}
              className="mention-box__option"
              data-testid="mention-option"
              data-user-id={person.id}
              // mousedown, not click: the textarea must keep focus and its caret.
              onMouseDown={(event) => {
                event.preventDefault();
                insert(person);
              }}
            >
              <span>@{person.name}</span>
              {person.role && <span className="mention-box__role">{t(`role.${person.role}`)}</span>}
            </li>
          ))}
        </ul>
      )}
      <span className="visually-hidden" role="status">
        {open ? t('comments.mention.count', { count: matches.length }) : ''}
      </span>
    </div>
  );
}
