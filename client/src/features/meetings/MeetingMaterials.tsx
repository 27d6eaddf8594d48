import { type MeetingMaterial, bundleCost, bundleFits } from '@sakutei/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { GeneratedMaterialForm } from './GeneratedMaterialForm';
import { useI18n } from '../../i18n';
import { materialRefusal, materialsErrorText, megabytes, sizeText } from './materials';
import { listMaterials, materialFileUrl, materialsBundleUrl, removeMaterial, updateMaterial, uploadMaterial } from './materialsApi';
import './materials.css';

const materialsKey = (workspaceId: string, meetingId: string) => ['meeting-materials', workspaceId, meetingId] as const;

/**
 * The 資料 of a meeting: numbered 資料1, 資料2 … by their order. Everyone who reads the meeting
 * downloads each file or all of them as one ZIP; staff and the chair add files (chosen or
 * dropped, checked here by content before sending and again by the server), move and remove them.
 */
export function MeetingMaterials({ workspaceId, meetingId, announce }: { workspaceId: string; meetingId: string; announce: (text: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: materialsKey(workspaceId, meetingId),
    queryFn: ({ signal }) => listMaterials(workspaceId, meetingId, signal),
    // Like the meeting itself (no event stream for meetings): read again every 15 s and on focus.
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [removing, setRemoving] = useState<MeetingMaterial | null>(null);
  const [dragging, setDragging] = useState(false);
  const [generating, setGenerating] = useState(false);
  const generateButton = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const refocus = useRef<{ id: string; testId: string } | null>(null);
  const data = query.data;

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    // The same button if it still applies, else the row's other move button (at the top, 上へ no longer does).
    const row = `[data-material-id="${target.id}"]`;
    (document.querySelector<HTMLElement>(`${row} [data-testid="${target.testId}"]:not(:disabled)`) ?? document.querySelector<HTMLElement>(`${row} button:not(:disabled)`))?.focus();
  }, [data]);
  const maxBytes = data?.limits.maxBytes ?? 0;

  const show = (materials: MeetingMaterial[]) => queryClient.setQueryData(materialsKey(workspaceId, meetingId), data ? { ...data, materials } : undefined);
  const reread = () => queryClient.invalidateQueries({ queryKey: materialsKey(workspaceId, meetingId) });

  async function add(file: File) {
    if (!data || progress) return;
    setFailure(null);
    const refusal = await materialRefusal(file, maxBytes, t);
    if (refusal) {
      setFailure(refusal);
      return;
    }
    setProgress({ name: file.name, fraction: 0 });
    try {
      const material = await uploadMaterial(workspaceId, meetingId, file, (fraction) => setProgress({ name: file.name, fraction }));
      announce(t('meetings.materials.uploaded', { name: file.name, label: material.label }));
    } catch (error) {
      setFailure(materialsErrorText(error, t, maxBytes));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
      await reread();
    }
  }

  async function move(material: MeetingMaterial, by: -1 | 1, button: HTMLElement) {
    setFailure(null);
    try {
      const { materials } = await updateMaterial(workspaceId, meetingId, material.id, { position: material.position + by });
      show(materials);
      const moved = materials.find((m) => m.id === material.id);
      if (moved) announce(t('meetings.materials.moved', { title: moved.title, label: moved.label }));
      // Keep the focus on the same material's button once the moved row is drawn (moving the row drops the focus).
      refocus.current = { id: material.id, testId: button.dataset.testid ?? '' };
    } catch (error) {
      setFailure(materialsErrorText(error, t, maxBytes));
      await reread();
    }
  }

  async function remove(material: MeetingMaterial) {
    setRemoving(null);
    setFailure(null);
    try {
      show((await removeMaterial(workspaceId, meetingId, material.id)).materials);
      announce(t('meetings.materials.removed', { title: material.title }));
    } catch (error) {
      setFailure(materialsErrorText(error, t, maxBytes));
      await reread();
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void add(file);
  }

  const materials = data?.materials ?? [];
  const mayManage = data?.mayManage ?? false;
  return (
    <section className="meetings-section materials" aria-labelledby="materials-heading" data-testid="materials">
      <h2 id="materials-heading">{t('meetings.materials.title')}</h2>
      {query.isError && (
        <p className="form__error" role="alert">
          {t('meetings.materials.loadFailed')}
        </p>
      )}
      {failure && (
        <p className="form__error" role="alert" data-testid="materials-failure">
          {failure}
        </p>
      )}
      {data && materials.length === 0 && <p className="meetings-hint">{t('meetings.materials.empty')}</p>}
      {materials.length > 0 && (
        <ol className="materials__list" data-testid="materials-list">
          {materials.map((m, i) => (
            <li key={m.id} className="materials__item" data-material-id={m.id} data-testid="material">
              <span className="materials__label" data-testid="material-label">
                {m.label}
              </span>
              <span className="materials__title">
                <a href={materialFileUrl(workspaceId, meetingId, m.id)} download={m.downloadName} aria-label={t('meetings.materials.downloadLabel', { label: m.label, title: m.title })} data-testid="material-download">
                  {m.title}
                </a>
                <span className="materials__meta" data-testid="material-meta">
                  {m.kind === 'file' ? (
                    <>
                      {t(`meetings.materials.kind.${m.fileType}`)} · {sizeText(m.size)}
                    </>
                  ) : (
                    // Generated from a revision: no size until it is rendered on download.
                    <>
                      {t(`meetingMaterials.source.${m.kind}`)} · {t(`meetings.materials.kind.${m.fileType}`)} · {t('meetingMaterials.generated')}
                    </>
                  )}
                </span>
              </span>
              {mayManage && (
                <span className="materials__tools">
                  <button
                    type="button"
                    className="button"
                    disabled={i === 0}
                    aria-label={t('meetings.materials.upLabel', { label: m.label, title: m.title })}
                    onClick={(e) => void move(m, -1, e.currentTarget)}
                    data-testid="material-up"
                  >
                    {t('meetings.materials.up')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === materials.length - 1}
                    aria-label={t('meetings.materials.downLabel', { label: m.label, title: m.title })}
                    onClick={(e) => void move(m, 1, e.currentTarget)}
                    data-testid="material-down"
                  >
                    {t('meetings.materials.down')}
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    aria-label={t('meetings.materials.removeLabel', { label: m.label, title: m.title })}
                    onClick={() => setRemoving(m)}
                    data-testid="material-remove"
                  >
                    {t('meetings.materials.remove')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {materials.length > 0 &&
        // A generated file counts as one of the largest upload size, as the server counts it.
        (bundleFits(
          materials.map((m) => bundleCost(m, maxBytes)),
          maxBytes,
        ) ? (
          <p className="materials__bundle">
            <a className="button" href={materialsBundleUrl(workspaceId, meetingId)} download data-testid="materials-bundle">
              {t('meetings.materials.bundle')}
            </a>
            <span className="meetings-hint">{t('meetings.materials.bundleHint')}</span>
          </p>
        ) : (
          // The server refuses a bundle this large (bundle_too_large): say so instead of offering it.
          <p className="materials__bundle meetings-hint" data-testid="materials-bundle-too-large">
            {t('meetings.materials.bundleTooLarge')}
          </p>
        ))}
      {mayManage && data && (
        <div
          className={`materials__drop${dragging ? ' materials__drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="materials-drop"
        >
          <input
            ref={input}
            id="materials-file"
            type="file"
            className="visually-hidden"
            accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={progress !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void add(file);
            }}
            data-testid="materials-file"
          />
          <span className="materials__actions">
            <label htmlFor="materials-file" className={`button button--primary${progress ? ' button--disabled' : ''}`}>
              {t('meetings.materials.upload')}
            </label>
            <button
              ref={generateButton}
              type="button"
              className="button"
              aria-expanded={generating}
              onClick={() => setGenerating((open) => !open)}
              data-testid="materials-generate-open"
            >
              {t('meetingMaterials.open')}
            </button>
          </span>
          <p className="meetings-hint">
            {t('meetings.materials.drop', { max: megabytes(maxBytes), count: data.limits.maxMaterials })}
          </p>
          {progress && (
            <p className="materials__progress" data-testid="materials-progress">
              <span>{t('meetings.materials.uploading', { name: progress.name })}</span>
              <progress max={1} value={progress.fraction} aria-label={t('meetings.materials.uploading', { name: progress.name })} />
            </p>
          )}
        </div>
      )}
      {mayManage && data && generating && (
        <GeneratedMaterialForm
          workspaceId={workspaceId}
          meetingId={meetingId}
          maxBytes={maxBytes}
          onAdded={(material) => {
            announce(t('meetingMaterials.added', { title: material.title, label: material.label }));
            void reread();
          }}
          onClose={() => {
            setGenerating(false);
            generateButton.current?.focus();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('meetings.materials.remove.title', { label: removing.label, title: removing.title })}
          confirmLabel={t('meetings.materials.remove.confirm')}
          danger
          testId="material-remove-dialog"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('meetings.materials.remove.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
