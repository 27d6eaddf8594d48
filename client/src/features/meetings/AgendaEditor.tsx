import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { Link } from '../../app/router';
import { useI18n } from '../../i18n';
import { agendaInputs, linkGone, linkKindKey, linkHref, linkText, moveItem, withItem, withoutItem } from './agenda';
import { materialFileUrl } from './materialsApi';
import { AgendaItemDialog } from './AgendaItemDialog';
import type { AgendaItem, AgendaItemInput, AgendaLink, Meeting } from '@sakutei/shared';

type Props = {
  workspaceId: string;
  meeting: Meeting;
  mayManage: boolean;
  /** Saves the whole ordered list; throws what the server answered. */
  saveAgenda: (items: AgendaItemInput[]) => Promise<void>;
  sendAgenda: () => Promise<void>;
  announce: (text: string) => void;
  /** Shows why a move, a removal or the sending failed (a dialog's own failure stays in the dialog). */
  onFailure: (error: unknown) => void;
  /** What the page shows under an item besides its facts (its decisions). */
  renderItemExtra?: (item: AgendaItem) => ReactNode;
};

type Focus = { id: string; direction: 'up' | 'down' } | null;

/**
 * The 次第: items in order. Staff and the chair add, edit, move (上へ / 下へ, so the keyboard
 * reorders as well as a pointer) and remove items, and send it to the members; everyone else
 * reads it. An item changed after sending says so.
 */
export function AgendaEditor({ workspaceId, meeting, mayManage, saveAgenda, sendAgenda, announce, onFailure, renderItemExtra }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const [confirmSend, setConfirmSend] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<Focus>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const items = meeting.agenda;

  // After a move the list re-renders in its new order: keep the focus on the moved item's
  // button, or on its other one when it reached an end, so pressing again keeps moving it.
  useEffect(() => {
    if (!focus) return;
    const index = items.findIndex((item) => item.id === focus.id);
    if (index === -1) return;
    const atEnd = focus.direction === 'up' ? index === 0 : index === items.length - 1;
    const direction = atEnd ? (focus.direction === 'up' ? 'down' : 'up') : focus.direction;
    buttons.current.get(`${focus.id}:${direction}`)?.focus();
    setFocus(null);
  }, [focus, items]);

  /** One change at a time: a second press while the first is saving would work on a stale list. */
  async function run(work: () => Promise<void>, done: () => void) {
    if (busy) return;
    setBusy(true);
    try {
      await work();
      done();
    } catch (error) {
      onFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function move(index: number, delta: -1 | 1) {
    const next = moveItem(items, index, delta);
    const item = items[index];
    if (!next || !item) return;
    void run(
      () => saveAgenda(agendaInputs(next)),
      () => {
        announce(t('meetings.agenda.moved', { title: item.title, position: index + 1 + delta }));
        setFocus({ id: item.id, direction: delta === -1 ? 'up' : 'down' });
      },
    );
  }

  function remove(item: AgendaItem) {
    setRemoving(null);
    void run(
      () => saveAgenda(withoutItem(items, item.id)),
      () => {
        announce(t('meetings.agenda.removed', { title: item.title }));
        // The removed item's button is gone with it: the focus goes somewhere that stays.
        addButton.current?.focus();
      },
    );
  }

  function send() {
    setConfirmSend(false);
    void run(sendAgenda, () => announce(t('meetings.agenda.sent')));
  }

  const buttonRef = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <section className="meetings-section" aria-labelledby="agenda-heading" data-testid="agenda">
      <div className="meetings-section__head">
        <h2 id="agenda-heading">{t('meetings.agenda.title')}</h2>
        {mayManage && (
          <div className="meetings-actions">
            <button ref={addButton} type="button" className="button" onClick={() => setEditing('new')} data-testid="agenda-add">
              {t('meetings.agenda.add')}
            </button>
            <button
              type="button"
              // The call to act while there is something the members have not been sent.
              className={!meeting.agendaSentAt || items.some((item) => item.changedAfterSent) ? 'button button--primary' : 'button'}
              aria-disabled={items.length === 0}
              onClick={() => items.length > 0 && setConfirmSend(true)}
              data-testid="agenda-send"
            >
              {t(meeting.agendaSentAt ? 'meetings.agenda.resend' : 'meetings.agenda.send')}
            </button>
          </div>
        )}
      </div>
      {!mayManage && <p className="meetings-hint">{t('meetings.agenda.readOnly')}</p>}
      {items.length === 0 ? (
        <p className="empty-state" data-testid="agenda-empty">
          {t('meetings.agenda.empty')}
        </p>
      ) : (
        <ol className="meetings-agenda" data-testid="agenda-list" aria-busy={busy}>
          {items.map((item, index) => (
            <li key={item.id} className="meetings-agenda__item" data-testid="agenda-item" data-changed={item.changedAfterSent}>
              <span className="meetings-agenda__number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="meetings-agenda__body">
                <p className="meetings-agenda__title">
                  <span data-testid="agenda-item-title">{item.title}</span>
                  {item.changedAfterSent && (
                    <span className="meetings-badge meetings-badge--changed" data-testid="agenda-item-changed">
                      {t('meetings.agenda.changedAfterSent')}
                    </span>
                  )}
                </p>
                {(item.presenter !== '' || item.minutes !== null) && (
                  <p className="meetings-agenda__meta">
                    {[item.presenter !== '' ? t('meetings.agenda.presenter', { name: item.presenter }) : '', item.minutes !== null ? t('meetings.agenda.minutes', { minutes: item.minutes }) : '']
                      .filter(Boolean)
                      .join('・')}
                  </p>
                )}
                {item.links.length > 0 && (
                  <ul className="meetings-links" data-testid="agenda-item-links">
                    {item.links.map((link, i) => (
                      <li key={i}>
                        <span className="meetings-link-kind">{t(linkKindKey(link.kind))}</span>
                        <LinkView link={link} workspaceId={workspaceId} meetingId={meeting.id} />
                      </li>
                    ))}
                  </ul>
                )}
                {renderItemExtra?.(item)}
              </div>
              {mayManage && (
                <div className="meetings-agenda__tools">
                  <button
                    ref={buttonRef(`${item.id}:up`)}
                    type="button"
                    className="button button--quiet"
                    disabled={index === 0}
                    aria-label={t('meetings.agenda.upLabel', { title: item.title })}
                    onClick={() => move(index, -1)}
                    data-testid="agenda-item-up"
                  >
                    {t('meetings.agenda.up')}
                  </button>
                  <button
                    ref={buttonRef(`${item.id}:down`)}
                    type="button"
                    className="button button--quiet"
                    disabled={index === items.length - 1}
                    aria-label={t('meetings.agenda.downLabel', { title: item.title })}
                    onClick={() => move(index, 1)}
                    data-testid="agenda-item-down"
                  >
                    {t('meetings.agenda.down')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('meetings.agenda.editLabel', { title: item.title })}
                    onClick={() => setEditing(item)}
                    data-testid="agenda-item-edit"
                  >
                    {t('meetings.agenda.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--quiet button--danger"
                    aria-label={t('meetings.agenda.removeLabel', { title: item.title })}
                    onClick={() => setRemoving(item)}
                    data-testid="agenda-item-remove"
                  >
                    {t('meetings.agenda.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing && (
        <AgendaItemDialog
          workspaceId={workspaceId}
          meetingId={meeting.id}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSubmit={async (input) => {
            await saveAgenda(withItem(items, input));
            setEditing(null);
            announce(t(editing === 'new' ? 'meetings.agenda.added' : 'meetings.agenda.savedItem', { title: input.title }));
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('meetings.agenda.remove.title', { title: removing.title })}
          confirmLabel={t('meetings.agenda.remove.confirm')}
          danger
          testId="agenda-item-remove-dialog"
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('meetings.agenda.remove.body')}</p>
        </ConfirmDialog>
      )}
      {confirmSend && (
        <ConfirmDialog
          title={t('meetings.agenda.send.title')}
          confirmLabel={t('meetings.agenda.send.confirm')}
          testId="agenda-send-dialog"
          onConfirm={send}
          onCancel={() => setConfirmSend(false)}
        >
          <p>{t(meeting.agendaSentAt ? 'meetings.agenda.resend.body' : 'meetings.agenda.send.body')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/**
 * A link opens its target (agenda.ts linkHref): the plan page at the place it names, or the
 * material's file. A target since deleted reads as its stored label, marked （削除済み）.
 */
function LinkView({ link, workspaceId, meetingId }: { link: AgendaLink; workspaceId: string; meetingId: string }) {
  const { t } = useI18n();
  if (linkGone(link)) {
    return (
      <span className="meetings-link--gone" data-testid="agenda-link-gone">
        {t('agendaLinks.goneLabel', { label: linkText(link) })}
      </span>
    );
  }
  const href = linkHref(link, (materialId) => materialFileUrl(workspaceId, meetingId, materialId));
  if (href === null) return <span>{linkText(link)}</span>;
  // A material is a file download, not a page of the app.
  if (link.kind === 'material') return <a href={href}>{linkText(link)}</a>;
  return <Link to={href}>{linkText(link)}</Link>;
}
