import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { kpiTarget, type KpiCommentField } from './commentTargets';
import { KpiCommentTools } from './KpiCommentTools';
import type { KpiCardScope } from './kpiCardScope';
import { PresenceTags, presenceStyle } from './PresenceTags';
import { commentClasses } from './useCellComments';
import { cellKey } from './useCellPresence';

type FieldProps = {
  scope: KpiCardScope;
  /** The field's name in presence (`unit`, `baselineValue` …). */
  name: string;
  label: string;
  /** Full width of the card. */
  wide?: boolean;
  /** The comment target, where the field takes comments. */
  comment?: KpiCommentField;
  children: (id: string) => ReactNode;
};

/** A labelled KPI field that shows who else is on it, and its comments when it takes them. */
export function KpiField({ scope, name, label, wide = false, comment, children }: FieldProps) {
  const { entry, idPrefix, presence, comments } = scope;
  const id = `${idPrefix}-${name}`;
  const users = presence.get(cellKey({ kind: 'kpi', id: entry.kpi.id, field: name }));
  const classes = [
    'measures-kpi-field',
    wide ? 'measures-kpi-field--wide' : '',
    users ? 'has-presence' : '',
    comment ? commentClasses(comments, kpiTarget(entry.kpi.id, comment)) : '',
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-kpi-field={name} data-comment-field={comment} style={presenceStyle(users)}>
      <div className="measures-kpi-field__head">
        <label htmlFor={id}>{label}</label>
        {comment && <KpiCommentTools entry={entry} field={comment} comments={comments} />}
      </div>
      {children(id)}
      <PresenceTags users={users} />
    </div>
  );
}

/**
 * 基準値 and 目標値 group several inputs; their comments are on the group, beside its
 * legend. The group is named by the legend's text alone, not by those buttons.
 */
export function KpiBasis({ scope, name, children }: { scope: KpiCardScope; name: 'baseline' | 'target'; children: ReactNode }) {
  const { t } = useI18n();
  const { entry, idPrefix, comments } = scope;
  const legendId = `${idPrefix}-${name}-legend`;
  return (
    <fieldset
      className={`measures-kpi__basis ${commentClasses(comments, kpiTarget(entry.kpi.id, name))}`}
      aria-labelledby={legendId}
      data-comment-field={name}
    >
      <legend>
        <span id={legendId}>{t(name === 'baseline' ? 'measures.kpi.baseline' : 'measures.kpi.target')}</span>
        <KpiCommentTools entry={entry} field={name} comments={comments} />
      </legend>
      {children}
    </fieldset>
  );
}
