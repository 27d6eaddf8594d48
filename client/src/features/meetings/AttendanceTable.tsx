import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { splitAttendance, type AttendanceChange } from './attendance';
import { ATTENDANCE, type AttendanceEntry, type AttendanceValue, type Meeting } from '@sakutei/shared';
import { MAX_PROXY_NAME } from './meetingForms';
import { attendanceText, quorumStatusText } from './meetingText';

type Props = {
  meeting: Meeting;
  mayManage: boolean;
  /** Saves one person's change; throws what the server answered. */
  save: (change: AttendanceChange) => Promise<void>;
  announce: (text: string) => void;
  onFailure: (error: unknown) => void;
};

/**
 * Attendance per person (出席 / オンライン / 代理 with who / 欠席) and whether the meeting is
 * quorate. Staff and the chair record it, a choice at a time; members read it.
 */
export function AttendanceTable({ meeting, mayManage, save, announce, onFailure }: Props) {
  const { t } = useI18n();
  const { voters, staff } = splitAttendance(meeting.attendance);
  const q = meeting.quorum;

  return (
    <section className="meetings-section" aria-labelledby="attendance-heading" data-testid="attendance">
      <h2 id="attendance-heading">{t('meetings.attendance.title')}</h2>
      <p
        className={`meetings-quorum ${q.met ? 'meetings-quorum--met' : 'meetings-quorum--notMet'}`}
        role="status"
        data-testid="quorum-status"
        data-met={q.met}
      >
        <strong>{quorumStatusText(q, t)}</strong>
        <span className="meetings-quorum__voters">{t('meetings.quorum.voters', { voters: q.voters })}</span>
      </p>
      {voters.length === 0 && <p className="meetings-hint">{t('meetings.attendance.noVoters')}</p>}
      {meeting.attendance.length > 0 && (
        <table className="meetings-attendance" data-testid="attendance-table">
          <thead>
            <tr>
              <th scope="col">{t('meetings.attendance.name')}</th>
              <th scope="col">{t('meetings.attendance.role')}</th>
              <th scope="col">{t('meetings.attendance.value')}</th>
              <th scope="col">{t('meetings.attendance.proxy')}</th>
            </tr>
          </thead>
          <tbody>
            {[...voters, ...staff].map((entry, index) => (
              <AttendanceRow
                key={entry.userId}
                entry={entry}
                firstStaff={entry.role === 'staff' && index === voters.length}
                mayManage={mayManage}
                save={save}
                announce={announce}
                onFailure={onFailure}
              />
            ))}
          </tbody>
        </table>
      )}
      {staff.length > 0 && <p className="meetings-hint">{t('meetings.attendance.staffNote')}</p>}
    </section>
  );
}

function AttendanceRow({
  entry,
  firstStaff,
  mayManage,
  save,
  announce,
  onFailure,
}: {
  entry: AttendanceEntry;
  firstStaff: boolean;
  mayManage: boolean;
  save: Props['save'];
  announce: Props['announce'];
  onFailure: Props['onFailure'];
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<AttendanceValue | ''>(entry.attendance ?? '');
  const [proxyName, setProxyName] = useState(entry.proxyName ?? '');
  const [proxyInvalid, setProxyInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const selectId = `attendance-${entry.userId}`;

  // What the server holds wins when it changes (a save here, another person's, the 15 s read):
  // the row keeps its focus, and a proxy name being typed is kept only while the record stays the same.
  useEffect(() => {
    setChoice(entry.attendance ?? '');
    setProxyName(entry.proxyName ?? '');
    setProxyInvalid(false);
  }, [entry.attendance, entry.proxyName]);
  const proxyId = `attendance-proxy-${entry.userId}`;

  async function commit(attendance: AttendanceValue | null, proxy: string | null) {
    setBusy(true);
    try {
      await save({ userId: entry.userId, attendance, proxyName: proxy });
      announce(t('meetings.attendance.saved', { name: entry.name, value: attendanceText(attendance, t) }));
    } catch (error) {
      onFailure(error);
      setChoice(entry.attendance ?? '');
    } finally {
      setBusy(false);
    }
  }

  function choose(value: AttendanceValue | '') {
    setChoice(value);
    setProxyInvalid(false);
    // A proxy needs a name first; every other choice is saved at once.
    if (value !== 'proxy') void commit(value === '' ? null : value, null);
  }

  function saveProxy() {
    const name = proxyName.trim();
    if (name === '' || name.length > MAX_PROXY_NAME) {
      setProxyInvalid(true);
      return;
    }
    void commit('proxy', name);
  }

  return (
    <tr data-testid="attendance-row" data-user-id={entry.userId} data-attendance={entry.attendance ?? ''} className={firstStaff ? 'meetings-attendance__staff' : undefined}>
      <th scope="row">{entry.name}</th>
      <td data-label={t('meetings.attendance.role')}>{t(`role.${entry.role}`)}</td>
      <td data-label={t('meetings.attendance.value')}>
        {mayManage ? (
          <select
            id={selectId}
            className="meetings-control"
            value={choice}
            aria-label={t('meetings.attendance.selectLabel', { name: entry.name })}
            aria-busy={busy}
            onChange={(e) => choose(e.target.value as AttendanceValue | '')}
            data-testid="attendance-select"
          >
            <option value="">{t('meetings.attendance.unset')}</option>
            {ATTENDANCE.map((value) => (
              <option key={value} value={value}>
                {attendanceText(value, t)}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="attendance-value">{attendanceText(entry.attendance, t)}</span>
        )}
      </td>
      <td data-label={t('meetings.attendance.proxy')} className="meetings-attendance__proxy">
        {mayManage && choice === 'proxy' ? (
          <div className="meetings-proxy">
            <input
              id={proxyId}
              className="meetings-control"
              value={proxyName}
              maxLength={MAX_PROXY_NAME}
              aria-label={t('meetings.attendance.proxyLabel', { name: entry.name })}
              aria-invalid={proxyInvalid || undefined}
              aria-describedby={proxyInvalid ? `${proxyId}-error` : undefined}
              onChange={(e) => setProxyName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  saveProxy();
                }
              }}
              data-testid="attendance-proxy"
            />
            <button type="button" className="button button--quiet" aria-disabled={busy} onClick={saveProxy} data-testid="attendance-proxy-save">
              {t('meetings.attendance.proxySave')}
            </button>
            {proxyInvalid && (
              <p className="meetings-field-error" id={`${proxyId}-error`} role="alert">
                {t('meetings.attendance.proxyRequired', { max: MAX_PROXY_NAME })}
              </p>
            )}
          </div>
        ) : (
          entry.attendance === 'proxy' && entry.proxyName
        )}
      </td>
    </tr>
  );
}
