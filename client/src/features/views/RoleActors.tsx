import { addActor, MEASURE_EDIT, newMeasureId, removeActor, renameActor, type RoleActor } from '@sakutei/shared/measures';
import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';

const NAME_LIMIT = 100;

function ActorItem({ doc, actor }: { doc: Y.Doc; actor: RoleActor }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirmRemove'>('view');
  const [draft, setDraft] = useState(actor.name);
  // Enter and Escape end the edit before the input's blur does; the blur must not rename again.
  const editing = useRef(false);
  const confirmTextId = useId();

  const startRename = () => {
    editing.current = true;
    setDraft(actor.name);
    setMode('rename');
  };
  const finish = (save: boolean) => {
    if (!editing.current) return;
    editing.current = false;
    const name = draft.trim();
    if (save && name !== '' && name !== actor.name) renameActor(doc, actor.id, name);
    setMode('view');
  };

  if (mode === 'rename') {
    return (
      <li className="role-actors__item" data-testid="role-actor">
        <input
          className="views-input"
          value={draft}
          maxLength={NAME_LIMIT}
          autoFocus
          aria-label={t('views.roles.renameLabel', { name: actor.name })}
          data-testid="role-actor-rename-input"
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (event.key === 'Enter') finish(true);
            if (event.key === 'Escape') {
              event.preventDefault();
              finish(false);
            }
          }}
        />
      </li>
    );
  }

  return (
    <li className="role-actors__item" data-testid="role-actor" data-actor-id={actor.id}>
      <span className="role-actors__name">{actor.name}</span>
      {mode === 'confirmRemove' ? (
        <span className="role-actors__confirm">
          <span id={confirmTextId}>{t('views.roles.removeConfirm', { name: actor.name })}</span>
          <button
            type="button"
            className="button button--quiet button--danger"
            data-testid="role-actor-remove-confirm"
            aria-describedby={confirmTextId}
            autoFocus
            onClick={() => removeActor(doc, actor.id)}
          >
            {t('views.roles.removeYes')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('view')}>
            {t('views.cancel')}
          </button>
        </span>
      ) : (
        <>
          <button
            type="button"
            className="button button--quiet"
            data-testid="role-actor-rename"
            aria-label={t('views.roles.renameLabel', { name: actor.name })}
            onClick={startRename}
          >
            {t('views.roles.rename')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            data-testid="role-actor-remove"
            aria-label={t('views.roles.removeLabel', { name: actor.name })}
            onClick={() => setMode('confirmRemove')}
          >
            {t('views.roles.remove')}
          </button>
        </>
      )}
    </li>
  );
}

function AddActorForm({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const inputId = useId();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    addActor(doc, trimmed, newMeasureId);
    setName('');
  };
  return (
    <form className="role-actors__add" onSubmit={submit}>
      <label htmlFor={inputId}>{t('views.roles.addLabel')}</label>
      <input
        id={inputId}
        className="views-input"
        value={name}
        maxLength={NAME_LIMIT}
        placeholder={t('views.roles.addPlaceholder')}
        data-testid="role-actor-name-input"
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button--quiet" data-testid="role-actor-add" disabled={name.trim() === ''}>
        {t('views.roles.add')}
      </button>
    </form>
  );
}

/** The columns of the role matrix (事業者, 支援機関 …): add, rename, remove. */
export function RoleActors({ doc, actors }: { doc: Y.Doc; actors: readonly RoleActor[] }) {
  const { t } = useI18n();
  const headingId = useId();
  // Koriyama's four columns, offered as a start so a new matrix is one click away.
  const examples = t('views.roles.exampleActors').split('|');
  const addExamples = () => {
    // One transaction, so one undo takes the four columns back.
    doc.transact(() => {
      for (const name of examples) addActor(doc, name, newMeasureId);
    }, MEASURE_EDIT);
  };
  return (
    <section className="role-actors views-no-print" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('views.roles.actorsHeading')}</h3>
      {actors.length === 0 ? (
        <p className="role-actors__empty">
          {t('views.roles.noActors')}{' '}
          <button type="button" className="button button--quiet" data-testid="role-actor-examples" onClick={addExamples}>
            {t('views.roles.addExamples', { names: examples.join(t('views.listSeparator')) })}
          </button>
        </p>
      ) : (
        <ul className="role-actors__list">
          {actors.map((actor) => (
            <ActorItem key={actor.id} doc={doc} actor={actor} />
          ))}
        </ul>
      )}
      <AddActorForm doc={doc} />
    </section>
  );
}
