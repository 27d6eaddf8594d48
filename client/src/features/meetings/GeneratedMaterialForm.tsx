import { GENERATED_MATERIAL_KINDS, type GeneratedMaterialKind, type MeetingMaterial } from '@sakutei/shared';
import { type FormEvent, useId, useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useI18n } from '../../i18n';
import { ApiError, listPlans } from '../../lib/api';
import { listRevisions } from '../../lib/revisionsApi';
import { materialsErrorText } from './materials';
import { addGeneratedMaterial } from './materialsApi';

/**
 * 版から資料を追加 (issue 17 item 3): staff and the chair choose a plan of this council, one of its
 * frozen revisions and what of it becomes a material — the revision, its 新旧対照表 against the
 * revision before it, or the 委員意見と対応 of the opinions given on it. The server renders the
 * file when it is downloaded.
 */
export function GeneratedMaterialForm({
  workspaceId,
  meetingId,
  maxBytes,
  onAdded,
  onClose,
}: {
  workspaceId: string;
  meetingId: string;
  maxBytes: number;
  onAdded: (material: MeetingMaterial) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [planId, setPlanId] = useState('');
  const [revisionId, setRevisionId] = useState('');
  const [kind, setKind] = useState<GeneratedMaterialKind>('revision');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const plans = useApiResource('plans', (signal) => listPlans(signal)).resource;
  // Only this council's plans: the server refuses others with 404.
  const councilPlans = plans.status === 'loaded' ? plans.data.plans.filter((p) => p.workspaceId === workspaceId) : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!planId || !revisionId || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const { material } = await addGeneratedMaterial(workspaceId, meetingId, { planId, revisionId, kind });
      onAdded(material);
      setRevisionId('');
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'not_found' ? t('meetingMaterials.error.notFound')
        : error instanceof ApiError && error.code === 'no_previous_revision' ? t('meetingMaterials.error.noPrevious')
        : materialsErrorText(error, t, maxBytes),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="materials__generate" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-legend`} data-testid="materials-generate">
      <h3 id={`${id}-legend`} className="materials__generate-title">
        {t('meetingMaterials.legend')}
      </h3>
      <p className="meetings-hint">{t('meetingMaterials.lead')}</p>
      {(plans.status === 'failed') && (
        <p className="form__error" role="alert">
          {t('meetingMaterials.loadFailed')}
        </p>
      )}
      <div className="materials__generate-fields">
        <div className="form__field">
          <label htmlFor={`${id}-plan`}>{t('meetingMaterials.plan')}</label>
          <select
            id={`${id}-plan`}
            className="meetings-control"
            value={planId}
            onChange={(e) => {
              setPlanId(e.target.value);
              setRevisionId('');
            }}
            data-testid="materials-generate-plan"
          >
            <option value="">{t('meetingMaterials.choose')}</option>
            {councilPlans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        {planId && <RevisionField key={planId} id={`${id}-revision`} planId={planId} revisionId={revisionId} onChange={setRevisionId} kind={kind} onKind={setKind} />}
      </div>
      {failure && (
        <p className="form__error" role="alert" data-testid="materials-generate-failure">
          {failure}
        </p>
      )}
      <div className="materials__generate-actions">
        <button type="submit" className="button button--primary" aria-disabled={!planId || !revisionId || busy} data-testid="materials-generate-add">
          {busy ? t('meetingMaterials.adding') : t('meetingMaterials.add')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('meetingMaterials.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The plan's frozen revisions (newest first) and, once one is chosen, what of it to add. */
function RevisionField({
  id,
  planId,
  revisionId,
  onChange,
  kind,
  onKind,
}: {
  id: string;
  planId: string;
  revisionId: string;
  onChange: (id: string) => void;
  kind: GeneratedMaterialKind;
  onKind: (kind: GeneratedMaterialKind) => void;
}) {
  const { t } = useI18n();
  const { resource } = useApiResource(`revisions:${planId}`, (signal) => listRevisions(planId, signal));
  const revisions = resource.status === 'loaded' ? [...resource.data.revisions].sort((a, b) => b.number - a.number) : [];
  const chosen = revisions.find((r) => r.id === revisionId);
  // The plan's earliest revision has nothing before it to compare with.
  const firstNumber = revisions.length > 0 ? revisions[revisions.length - 1]!.number : null;
  const noPrevious = chosen !== undefined && chosen.number === firstNumber;
  return (
    <>
      <div className="form__field">
        <label htmlFor={id}>{t('meetingMaterials.revision')}</label>
        {resource.status === 'loaded' && revisions.length === 0 ? (
          <p className="meetings-hint">{t('meetingMaterials.noRevisions')}</p>
        ) : (
          <select id={id} className="meetings-control" value={revisionId}
            onChange={(e) => {
              onChange(e.target.value);
              // A first revision has no 新旧対照表: leave that choice if it was made.
              if (kind === 'compare' && revisions.find((r) => r.id === e.target.value)?.number === firstNumber) onKind('revision');
            }}
            data-testid="materials-generate-revision">
            <option value="">{t('meetingMaterials.choose')}</option>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {t('revisions.number', { number: r.number })} {r.name}（{r.stage}）
              </option>
            ))}
          </select>
        )}
        {resource.status === 'failed' && <p className="meetings-field-error">{t('meetingMaterials.loadFailed')}</p>}
      </div>
      {chosen && (
        <fieldset className="materials__generate-kinds">
          <legend>{t('meetingMaterials.kind')}</legend>
          {GENERATED_MATERIAL_KINDS.map((k) => (
            <label key={k} className="materials__generate-kind">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} disabled={k === 'compare' && noPrevious} onChange={() => onKind(k)} data-testid={`materials-generate-kind-${k}`} />
              <span>{t(`meetingMaterials.kind.${k}`)}</span>
            </label>
          ))}
          {noPrevious && <p className="meetings-hint">{t('meetingMaterials.noPrevious')}</p>}
        </fieldset>
      )}
    </>
  );
}
