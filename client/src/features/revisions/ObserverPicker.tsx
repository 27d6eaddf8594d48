import { matchesSearch, type Member } from '@sakutei/shared';
import { useId, useState } from 'react';
import {
  Autocomplete,
  Button,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  SearchField,
  Tag,
  TagGroup,
  TagList,
  type Key,
  type Selection,
} from 'react-aria-components';
import { useI18n } from '../../i18n';
import { personSearchText } from './personSearch';

interface Props {
  /** The council's observers, the only people a review can invite. */
  observers: readonly Member[];
  chosenIds: readonly string[];
  onChange(ids: string[]): void;
}

/**
 * Observers to invite, chosen by typing part of a name (or address) and picking from the
 * list below, by tap, click or arrow keys and Enter; the chosen ones stand above as tags,
 * each with a button (or Delete) to take it off again. React Aria's Autocomplete keeps the
 * focus in the search field while the arrows move through the list.
 */
export function ObserverPicker({ observers, chosenIds, onChange }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const hintId = useId();
  const chosen = chosenIds.map((id) => observers.find((member) => member.userId === id)).filter((member) => member !== undefined);

  const select = (selection: Selection) => {
    const ids = selection === 'all' ? observers.map((member) => member.userId) : [...selection].map(String);
    onChange(ids);
    // Ready for the next name: the list shows everyone again.
    setQuery('');
  };
  const remove = (keys: Set<Key>) => onChange(chosenIds.filter((id) => !keys.has(id)));

  return (
    <div className="observer-picker" data-testid="review-invite-picker">
      {chosen.length > 0 && (
        <TagGroup className="observer-picker__chosen" onRemove={remove} data-testid="review-invite-chosen">
          <Label className="observer-picker__chosen-label">{t('revisions.invite.chosen', { count: chosen.length })}</Label>
          <TagList items={chosen} className="observer-picker__tags">
            {(member) => (
              <Tag id={member.userId} textValue={member.name} className="observer-picker__tag" data-testid="review-invite-tag">
                {member.name}
                {/* React Aria adds the tag's own name to this label: 「招待から外す 傍聴 田中健」. */}
                <Button slot="remove" className="observer-picker__remove" aria-label={t('revisions.invite.remove')} data-testid="review-invite-remove">
                  <span aria-hidden="true">×</span>
                </Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      )}
      <Autocomplete inputValue={query} onInputChange={setQuery} filter={(text, input) => matchesSearch(input, text)}>
        <SearchField className="observer-picker__search" aria-describedby={hintId}>
          <Label className="observer-picker__label">{t('revisions.open.invite')}</Label>
          <Input className="revisions-input observer-picker__input" placeholder={t('revisions.invite.placeholder')} data-testid="review-invite" />
          <span id={hintId} className="revisions-hint">
            {t('revisions.open.inviteHint')}
          </span>
        </SearchField>
        <ListBox
          items={observers}
          selectionMode="multiple"
          selectedKeys={new Set(chosenIds)}
          onSelectionChange={select}
          aria-label={t('revisions.invite.options')}
          className="observer-picker__options"
          data-testid="review-invite-options"
          renderEmptyState={() => <p className="observer-picker__empty">{t('revisions.invite.noMatch', { query })}</p>}
        >
          {(member) => (
            <ListBoxItem id={member.userId} textValue={personSearchText(member)} className="observer-picker__option" data-testid="review-invite-option">
              {({ isSelected }) => (
                <>
                  <span className="observer-picker__check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  <span className="observer-picker__name">{member.name}</span>
                  <span className="observer-picker__email">{member.email}</span>
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Autocomplete>
    </div>
  );
}
