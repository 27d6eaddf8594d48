import { useEffect, useRef, useState } from 'react';
import { useI18n, type Translate } from '../../../i18n';
import { usePlan } from '../PlanContext';
import type { SaveSnapshot, SaveTracker } from '../saveTracker';
import type { SavePhase } from '../saveLedger';
import type { ConnectionStatus as Status } from '../useConnectionStatus';
import { useSaveState } from '../useSaveState';
import './ConnectionStatus.css';

interface Props {
  status: Status;
  synced: boolean;
  /** Whether local edits can still reach the server later; false once the server refused us. */
  willResync: boolean;
  /** The server refused an update of ours: nothing more is saved until the document is reopened. */
  stopped?: boolean;
}

/**
 * The draft's state in a word. For a member who edits: 保存済み only once the server confirmed
 * it stored every edit, 同期中 while some are on their way, オフライン with how many wait on
 * this device. For a reader, whether the connection is live.
 */
export function ConnectionStatus(props: Props) {
  const { session } = usePlan();
  const saves = session?.saves ?? null;
  return saves ? <SaveStatus tracker={saves} {...props} /> : <LinkStatus {...props} />;
}

function LinkStatus({ status, synced }: Props) {
  const { t } = useI18n();
  return (
    <div className="connection">
      <p className="connection__line">
        <span className="visually-hidden">{t('connection.label')}: </span>
        <span
          className={`connection__status connection__status--${status}`}
          data-testid="connection-status"
          data-status={status}
          data-synced={String(synced)}
          role="status"
        >
          <span className="connection__dot" aria-hidden="true" />
          {t(`connection.${status}`)}
        </span>
      </p>
    </div>
  );
}

/** The socket's state as the older attribute read it, for tests and styles that look at it. */
const LINK_OF_PHASE: Record<SavePhase, Status> = {
  saved: 'connected',
  syncing: 'connected',
  connecting: 'connecting',
  offline: 'offline',
};

const pad = (n: number) => String(n).padStart(2, '0');

function labelOf(phase: SavePhase, unsent: number, t: Translate): string {
  if (phase === 'offline') return unsent > 0 ? t('save.offlineUnsent', { count: unsent }) : t('save.offline');
  return t(`save.${phase}`);
}

/**
 * What a screen reader hears: only changes worth interrupting for (going offline, coming
 * back with everything saved), never the 同期中 ⇄ 保存済み flicker of every keystroke.
 */
function useAnnouncement(snapshot: SaveSnapshot & { phase: SavePhase }, t: Translate): string {
  const [message, setMessage] = useState('');
  const previous = useRef<SavePhase>(snapshot.phase);
  /** Went offline and has not been announced back yet (the way back passes through 同期中). */
  const away = useRef(false);
  useEffect(() => {
    const from = previous.current;
    previous.current = snapshot.phase;
    if (from === snapshot.phase) return;
    if (snapshot.phase === 'offline') {
      away.current = true;
      setMessage(
        snapshot.unsent > 0 ? t('save.announceOfflineUnsent', { count: snapshot.unsent }) : t('save.announceOffline'),
      );
    } else if (away.current && snapshot.phase === 'saved') {
      away.current = false;
      setMessage(t('save.announceBack'));
    }
  }, [snapshot.phase, snapshot.unsent, t]);
  return message;
}

export function SaveStatus({ tracker, synced, willResync, stopped = false }: Props & { tracker: SaveTracker }) {
  const { t } = useI18n();
  const state = useSaveState(tracker);
  // Refused by the server: nothing more will be sent from this page, whatever the socket does.
  const phase: SavePhase = willResync ? state.phase : 'offline';
  const announcement = useAnnouncement({ ...state, phase }, t);
  const savedAt = state.savedAt === null ? null : new Date(state.savedAt);
  if (stopped && willResync) {
    // Said once by the refused-change notice (role="alert"); here only the word, not another alarm.
    return (
      <div className="connection">
        <p className="connection__line">
          <span className="visually-hidden">{t('save.label')}: </span>
          <span
            className="connection__status connection__status--stopped"
            data-testid="connection-status"
            data-status={state.phase === 'offline' ? 'offline' : 'connected'}
            data-synced={String(synced)}
            data-save-state="stopped"
            data-unsent={state.unsent}
          >
            <span className="connection__dot" aria-hidden="true" />
            {t('save.stopped')}
          </span>
        </p>
      </div>
    );
  }
  return (
    <div className="connection">
      <p className="connection__line">
        <span className="visually-hidden">{t('save.label')}: </span>
        <span
          className={`connection__status connection__status--${LINK_OF_PHASE[phase]} connection__status--${phase}`}
          data-testid="connection-status"
          data-status={LINK_OF_PHASE[phase]}
          data-synced={String(synced)}
          data-save-state={phase}
          data-unsent={state.unsent}
        >
          <span className="connection__dot" aria-hidden="true" />
          {labelOf(phase, state.unsent, t)}
        </span>
        {phase === 'saved' && savedAt && (
          <time className="connection__time" dateTime={savedAt.toISOString()} data-testid="saved-at">
            {t('save.savedAt', { time: `${pad(savedAt.getHours())}:${pad(savedAt.getMinutes())}` })}
          </time>
        )}
      </p>
      {phase === 'offline' && (willResync || state.unsent > 0) && (
        <p className="connection__note" data-testid="offline-note">
          {willResync ? t('save.offlineNote') : t('save.refusedNote')}
        </p>
      )}
      <p className="visually-hidden" role="status" data-testid="save-announcement">
        {announcement}
      </p>
    </div>
  );
}
