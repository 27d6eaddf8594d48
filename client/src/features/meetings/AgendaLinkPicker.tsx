import { useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { listPlans } from '../../lib/api';
import { listRevisions } from '../../lib/revisionsApi';
import { getLinkTargets, listMaterialNames } from './agendaLinksApi';
import type { AgendaLink } from '@sakutei/shared';

type Kind = AgendaLink['kind'];
type PlanTargetKind = 'section' | 'thread' | 'kpi';

const KINDS = ['revision', 'plan', 'section', 'thread', 'kpi', 'material', 'text'] as const satisfies readonly Kind[];
const kindLabel = (k: Kind) => (k === 'section' || k === 'thread' || k === 'kpi' || k === 'material' ? (`agendaLinks.kind.${k}` as const) : (`meetings.item.linkKind.${k}` as const));

/**
 * Picks one thing an agenda item concerns: a frozen revision of one of the council's plans, a
 * plan, a heading of its draft, an opinion (thread), a KPI, a material of this meeting, or a
 * short note. Only this council's plans are offered (the server refuses others). Plain selects:
 * each is reached with Tab and chosen with the arrow keys.
 */
export function AgendaLinkPicker({ workspaceId, meetingId, onAdd }: { workspaceId: string; meetingId: string; onAdd: (link: AgendaLink) => void }) {
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
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindLabel(k))}
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
      ) : kind === 'material' ? (
        <MaterialChoice workspaceId={workspaceId} meetingId={meetingId} onAdd={add} />
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
      {(kind === 'section' || kind === 'thread' || kind === 'kpi') && plan && (
        <PlanTargetChoice key={`${kind}:${plan.id}`} kind={kind} workspaceId={workspaceId} meetingId={meetingId} planId={plan.id} planTitle={plan.title} onAdd={add} />
      )}
      {(kind === 'plan' || kind === 'text') && (
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

/** A heading, a thread or a KPI of the chosen plan, as the server lists them. */
function PlanTargetChoice({
  kind,
  workspaceId,
  meetingId,
  planId,
  planTitle,
  onAdd,
}: {
  kind: PlanTargetKind;
  workspaceId: string;
  meetingId: string;
  planId: string;
  planTitle: string;
  onAdd: (link: AgendaLink | null) => void;
}) {
  const { t } = useI18n();
  const [chosenId, setChosenId] = useState('');
  const { resource } = useApiResource(`agenda-link-targets:${meetingId}:${planId}`, (signal) => getLinkTargets(workspaceId, meetingId, planId, signal));
  const options: Array<{ id: string; text: string }> =
    resource.status !== 'loaded'
      ? []
      : kind === 'section'
        ? resource.data.sections.map((s) => ({ id: s.headingText, text: `${'\u3000'.repeat(Math.min(s.level, 4) - 1)}${s.headingText}` }))
        : (kind === 'thread' ? resource.data.threads : resource.data.kpis).map((x) => ({ id: x.id, text: x.label }));
  const chosen = options.find((o) => o.id === chosenId);
  const link: AgendaLink | null = !chosen
    ? null
    : kind === 'section'
      ? { kind, planId, headingText: chosen.id, label: t('agendaLinks.sectionLabel', { plan: planTitle, heading: chosen.id }) }
      : kind === 'thread'
        ? { kind, planId, threadId: chosen.id, label: `${planTitle} ${chosen.text}` }
        : { kind, planId, kpiId: chosen.id, label: `${planTitle} ${chosen.text}` };
  return (
    <TargetChoice
      id={`agenda-link-${kind}`}
      label={t(`agendaLinks.${kind}`)}
      emptyText={t(kind === 'section' ? 'agendaLinks.noSections' : kind === 'thread' ? 'agendaLinks.noThreads' : 'agendaLinks.noKpis')}
      status={resource.status}
      options={options}
      chosenId={chosenId}
      choose={setChosenId}
      link={link}
      onAdd={onAdd}
    />
  );
}

/**
 * One select of targets and its 追加 button, for a plan's targets and the meeting's materials
 * alike: an empty list says so, a failed read says so, and adding clears the choice.
 */
function TargetChoice({
  id,
  label,
  emptyText,
  status,
  options,
  chosenId,
  choose,
  link,
  onAdd,
}: {
  id: string;
  label: string;
  emptyText: string;
  status: 'loading' | 'loaded' | 'failed';
  options: Array<{ id: string; text: string }>;
  chosenId: string;
  choose: (id: string) => void;
  link: AgendaLink | null;
  onAdd: (link: AgendaLink | null) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="form__field">
        <label htmlFor={id}>{label}</label>
        {status === 'loaded' && options.length === 0 ? (
          <p className="meetings-hint">{emptyText}</p>
        ) : (
          <select id={id} className="meetings-control" value={chosenId} onChange={(e) => choose(e.target.value)} data-testid={id}>
            <option value="">{t('meetings.item.linkChoose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
              </option>
            ))}
          </select>
        )}
        {status === 'failed' && <p className="meetings-field-error">{t('agendaLinks.loadFailed')}</p>}
      </div>
      <button
        type="button"
        className="button button--quiet"
        aria-disabled={!link}
        onClick={() => {
          onAdd(link);
          if (link) choose('');
        }}
        data-testid="agenda-link-add"
      >
        {t('meetings.item.linkAdd')}
      </button>
    </>
  );
}

/** A material (資料n) of this meeting, as its list reads now. */
function MaterialChoice({ workspaceId, meetingId, onAdd }: { workspaceId: string; meetingId: string; onAdd: (link: AgendaLink | null) => void }) {
  const { t } = useI18n();
  const [materialId, setMaterialId] = useState('');
  const { resource } = useApiResource(`agenda-link-materials:${meetingId}`, (signal) => listMaterialNames(workspaceId, meetingId, signal));
  const materials = resource.status === 'loaded' ? resource.data.materials : [];
  const chosen = materials.find((m) => m.id === materialId);
  const link: AgendaLink | null = chosen ? { kind: 'material', materialId: chosen.id, label: `${chosen.label} ${chosen.title}` } : null;
  return (
    <TargetChoice
      id="agenda-link-material"
      label={t('agendaLinks.material')}
      emptyText={t('agendaLinks.noMaterials')}
      status={resource.status}
      options={materials.map((m) => ({ id: m.id, text: `${m.label} ${m.title}` }))}
      chosenId={materialId}
      choose={setMaterialId}
      link={link}
      onAdd={onAdd}
    />
  );
}
