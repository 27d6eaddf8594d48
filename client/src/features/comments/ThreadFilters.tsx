import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { Participant } from './commentsContext';
import { FILTER_KINDS, THREAD_ORDERS, type FilterKind, type ThreadFilter, type ThreadOrder } from './threadList';

interface Props {
  filter: ThreadFilter;
  onFilter: (filter: ThreadFilter) => void;
  order: ThreadOrder;
  onOrder: (order: ThreadOrder) => void;
  people: readonly Participant[];
}

/** Which threads the sidebar lists, and in what order. */
export function ThreadFilters({ filter, onFilter, order, onOrder, people }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="comments-filters">
      <div className="comments-filters__field">
        <label htmlFor={`${id}-filter`}>{t('comments.filter.label')}</label>
        <select
          id={`${id}-filter`}
          data-testid="comments-filter"
          value={filter.kind}
          onChange={(event) => {
            const kind = FILTER_KINDS.find((k) => k === event.target.value) ?? 'open';
            onFilter({ kind, memberId: kind === 'member' ? filter.memberId : null });
          }}
        >
          {FILTER_KINDS.map((kind: FilterKind) => (
            <option key={kind} value={kind}>
              {t(`comments.filter.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {filter.kind === 'member' && (
        <div className="comments-filters__field">
          <label htmlFor={`${id}-member`}>{t('comments.filter.memberLabel')}</label>
          <select
            id={`${id}-member`}
            data-testid="comments-filter-member"
            value={filter.memberId ?? ''}
            onChange={(event) => onFilter({ kind: 'member', memberId: event.target.value || null })}
          >
            <option value="">{t('comments.filter.memberChoose')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="comments-filters__field">
        <label htmlFor={`${id}-order`}>{t('comments.order.label')}</label>
        <select
          id={`${id}-order`}
          data-testid="comments-order"
          value={order}
          onChange={(event) => onOrder(THREAD_ORDERS.find((o) => o === event.target.value) ?? 'position')}
        >
          {THREAD_ORDERS.map((value) => (
            <option key={value} value={value}>
              {t(`comments.order.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
