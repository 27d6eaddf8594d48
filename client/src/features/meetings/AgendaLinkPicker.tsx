import { useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { listPlans } from '../../lib/api';
import { listRevisions } from '../../lib/revisionsApi';
import type { AgendaLink } from '@sakutei/shared';

type Kind = AgendaLink['kind'];

/**
 * Picks one thing an agenda item concerns: a frozen revision of one of the council's plans, a
 * plan, or a short note. Only this council's plans are offered (the server refuses others).
 */
export function AgendaLinkPicker({ workspaceId, onAdd }: { workspaceId: string; onAdd: (link: AgendaLink) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('revision');
  const [planId, setPlanId] = useState('');
  const [revisionId, setRevisionId] = useState('');
  const [text, setText] = useState('');
  const plans = useApiResource('plans', (signal) => listPlans(signal)).resource;
  const councilPlans = plans.status === 'loaded' ? plans.data.plans.filter((p) => p.workspaceId === workspaceId) : [];
  const plan = councilPlans.find((p) => p.id === planId);

  const link: AgendaLink | null =
    kind === 'text' ? (text.trim() === '' ? null : { kind: 'text', text: text.trim() })
    : kind === 'plan' ? (plan ? { kind: 'plan', planId: plan.id, label: plan.title } : null)
    : null;

  const add = (chosen: AgendaLink | null) => {
    if (!chosen) return;
    onAdd(chosen);
    setRevisionId('');
    setText('');
  };

  return (
    <fieldset className="meetings-link-picker" data-testid="agenda-link-picker">
      <legend className="visually-hidden">{t('meetings.item.linkAdd')}</legend>
      <div className="form__field">
        <label htmlFor="agenda-link-kind">{t('meetings.item.linkKind')}</label>
        <select id="agenda-link-kind" className="meetings-control" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(['revision', 'plan', 'text'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`meetings.item.linkKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'text' ? (
        <div className="form__field">
          <label htmlFor="agenda-link-text">{t('meetings.item.linkText')}</label>
          <input
            id="agenda-link-text"
            className="meetings-control"
            maxLength={200}
            value={text}
            onChange={(e) => setText(e.target.value)}
            // Enter adds the note rather than submitting the whole item.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add(link);
              }
            }}
          />
        </div>
      ) : (
        <div className="form__field">
          <label htmlFor="agenda-link-plan">{t('meetings.item.linkPlan')}</label>
          <select
            id="agenda-link-plan"
            className="meetings-control"
            value={planId}
            onChange={(e) => {
              setPlanId(e.target.value);
              setRevisionId('');
            }}
          >
            <option value="">{t('meetings.item.linkChoose')}</option>
            {councilPlans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          {plans.status === 'failed' && <p className="meetings-field-error">{t('meetings.item.linksLoadFailed')}</p>}
        </div>
      )}
      {kind === 'revision' && plan && (
        <RevisionChoice planId={plan.id} planTitle={plan.title} revisionId={revisionId} onChange={setRevisionId} onAdd={add} />
      )}
      {kind !== 'revision' && (
        <button type="button" className="button button--quiet" aria-disabled={!link} onClick={() => add(link)} data-testid="agenda-link-add">
          {t('meetings.item.linkAdd')}
        </button>
      )}
    </fieldset>
  );
}

function RevisionChoice({
  planId,
  planTitle,
  revisionId,
  onChange,
  onAdd,
}: {
  planId: string;
  planTitle: string;
  revisionId: string;
  onChange: (id: string) => void;
  onAdd: (link: AgendaLink | null) => void;
}) {
  const { t } = useI18n();
  const { resource } = useApiResource(`revisions:${planId}`, (signal) => listRevisions(planId, signal));
  const revisions = resource.status === 'loaded' ? [...resource.data.revisions].sort((a, b) => b.number - a.number) : [];
  const chosen = revisions.find((r) => r.id === revisionId);
  const link: AgendaLink | null = chosen
    ? { kind: 'revision', revisionId: chosen.id, planId, label: t('meetings.item.revisionLabel', { plan: planTitle, name: chosen.name, number: chosen.number }) }
    : null;
  return (
    <>
      <div className="form__field">
        <label htmlFor="agenda-link-revision">{t('meetings.item.linkRevision')}</label>
        {resource.status === 'loaded' && revisions.length === 0 ? (
          <p className="meetings-hint">{t('meetings.item.noRevisions')}</p>
        ) : (
          <select id="agenda-link-revision" className="meetings-control" value={revisionId} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('meetings.item.linkChoose')}</option>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {t('revisions.number', { number: r.number })} {r.name}
              </option>
            ))}
          </select>
        )}
        {resource.status === 'failed' && <p className="meetings-field-error">{t('meetings.item.linksLoadFailed')}</p>}
      </div>
      <button type="button" className="button button--quiet" aria-disabled={!link} onClick={() => onAdd(link)} data-testid="agenda-link-add">
        {t('meetings.item.linkAdd')}
      </button>
    </>
  );
}
