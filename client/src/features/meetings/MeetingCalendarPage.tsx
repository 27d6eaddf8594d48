import { CALENDAR_FIRST_FY, CALENDAR_LAST_FY, type MeetingCalendarEntry, type MeetingCalendarMonth } from '@sakutei/shared';
import { ResourceStatus } from '../../app/ResourceStatus';
import { Link, useLocationPath } from '../../app/router';
import { useMe } from '../../app/session';
import { useApiResource } from '../../app/useApiResource';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type Locale, type Translate, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { getMeetingCalendar } from './calendarApi';
import { dayInMonthText, fiscalYearName, monthName, stepText } from './calendarText';
import { meetingLabelText, meetingTimeText } from './meetingText';
import { meetingCalendarPath, meetingPagePath, meetingsPagePath } from './paths';
import './meetings.css';
import './meetingCalendar.css';

/** The `?fy=` of the address when it names a year the calendar shows; null means this fiscal year. */
function yearFrom(path: string): number | null {
  const query = path.indexOf('?');
  const text = query === -1 ? null : new URLSearchParams(path.slice(query)).get('fy');
  if (text === null || !/^\d{4}$/.test(text)) return null;
  const fy = Number(text);
  return fy >= CALENDAR_FIRST_FY && fy <= CALENDAR_LAST_FY ? fy : null;
}

/**
 * The calendar of a council's plan cycle: one fiscal year, April to March, as a list of
 * months (not a grid: it reads in order with a screen reader and fits a phone), each with the
 * council's meetings and its plans' steps on their days. Earlier and later years by link, so
 * a year can be bookmarked and Back returns to the previous one.
 */
export function MeetingCalendarPage({ workspaceId }: { workspaceId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const membership = me.memberships.find((m) => m.workspaceId === workspaceId);
  const asked = yearFrom(useLocationPath());
  const { resource, reload } = useApiResource(['meetings', workspaceId, 'calendar', String(asked ?? 'now')], (signal) => getMeetingCalendar(workspaceId, asked, signal), {
    refetchOnWindowFocus: true,
    keepPrevious: true,
  });
  const data = resource.status === 'loaded' ? resource.data : null;
  const yearName = data ? fiscalYearName(data.fiscalYear, locale) : '';
  useDocumentTitle(`${t('meetingCalendar.title')}${yearName ? ` ${yearName}` : ''} — ${membership?.workspaceName ?? ''}`);
  const notVisible = resource.status === 'failed' && resource.error instanceof ApiError && resource.error.status === 404;
  const nothing = data !== null && data.months.every((m) => m.entries.length === 0);

  return (
    <section className="page meetings-page calendar-page" data-testid="meeting-calendar-page">
      <p className="calendar-back">
        <Link to={meetingsPagePath(workspaceId)}>{t('meetingCalendar.back')}</Link>
      </p>
      <h1>{t('meetingCalendar.title')}</h1>
      {membership && <p className="page__lead">{t('meetingCalendar.lead', { council: membership.workspaceName })}</p>}
      {notVisible ? (
        <p className="empty-state">{t('meetingCalendar.notVisible')}</p>
      ) : (
        <ResourceStatus resource={resource} failedMessage={t('meetingCalendar.loadFailed')} onRetry={reload} />
      )}
      {data && (
        <>
          <div className="calendar-year">
            <h2 id="calendar-year-heading" data-testid="calendar-year" data-fiscal-year={data.fiscalYear}>
              {t('meetingCalendar.yearHeading', {
                year: yearName,
                from: monthName(data.fiscalYear, 4, locale, true),
                to: monthName(data.fiscalYear + 1, 3, locale, true),
              })}
            </h2>
            <nav className="calendar-year__nav" aria-label={t('meetingCalendar.yearNav')}>
              <YearLink workspaceId={workspaceId} fy={data.fiscalYear - 1} direction="previous" />
              {asked !== null && (
                <Link to={meetingCalendarPath(workspaceId)} className="button" data-testid="calendar-this-year">
                  {t('meetingCalendar.thisYear')}
                </Link>
              )}
              <YearLink workspaceId={workspaceId} fy={data.fiscalYear + 1} direction="next" />
            </nav>
          </div>
          <p className="visually-hidden" role="status">
            {t('meetingCalendar.showing', { year: yearName })}
          </p>
          {data.plans.length > 0 && (
            <ul className="calendar-plans" data-testid="calendar-plans">
              {data.plans.map((p) => (
                <li key={p.planId}>
                  {t('meetingCalendar.planYear', { plan: p.planTitle, from: fiscalYearName(p.from, locale), to: fiscalYearName(p.to, locale), n: p.yearOfPeriod })}
                </li>
              ))}
            </ul>
          )}
          {nothing && (
            <p className="empty-state" data-testid="calendar-empty">
              {t('meetingCalendar.empty')}
            </p>
          )}
          <ol className="calendar-months" aria-label={t('meetingCalendar.monthsLabel', { year: yearName })}>
            {data.months.map((month) => (
              <Month key={`${month.year}-${month.month}`} workspaceId={workspaceId} month={month} t={t} locale={locale} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function YearLink({ workspaceId, fy, direction }: { workspaceId: string; fy: number; direction: 'previous' | 'next' }) {
  const { t, locale } = useI18n();
  if (fy < CALENDAR_FIRST_FY || fy > CALENDAR_LAST_FY) return null;
  const text = t(direction === 'previous' ? 'meetingCalendar.previous' : 'meetingCalendar.next', { year: fiscalYearName(fy, locale) });
  return (
    <Link to={meetingCalendarPath(workspaceId, fy)} className={`button calendar-year__${direction}`} data-testid={`calendar-${direction}`}>
      {direction === 'previous' && <span aria-hidden="true">← </span>}
      {text}
      {direction === 'next' && <span aria-hidden="true"> →</span>}
    </Link>
  );
}

function Month({ workspaceId, month, t, locale }: { workspaceId: string; month: MeetingCalendarMonth; t: Translate; locale: Locale }) {
  const id = `calendar-month-${month.year}-${month.month}`;
  // January: the year turns within the fiscal year, so its heading says which.
  const heading = monthName(month.year, month.month, locale, month.month === 1 || month.month === 4);
  return (
    <li
      className={`calendar-month${month.entries.length === 0 ? ' calendar-month--empty' : ''}`}
      data-testid="calendar-month"
      data-month={`${month.year}-${month.month}`}
    >
      <h3 id={id} className="calendar-month__name">
        {heading}
      </h3>
      {month.entries.length === 0 ? (
        <p className="calendar-month__empty">{t('meetingCalendar.monthEmpty')}</p>
      ) : (
        <ul className="calendar-entries" aria-labelledby={id}>
          {month.entries.map((entry) => (
            <Entry key={entryKey(entry)} workspaceId={workspaceId} entry={entry} t={t} locale={locale} />
          ))}
        </ul>
      )}
    </li>
  );
}

const entryKey = (e: MeetingCalendarEntry) =>
  e.kind === 'meeting' ? `m:${e.meeting.id}` : 'revisionId' in e ? `${e.kind}:${e.revisionId}` : `${e.kind}:${e.planId}`;

function Entry({ workspaceId, entry, t, locale }: { workspaceId: string; entry: MeetingCalendarEntry; t: Translate; locale: Locale }) {
  const day = dayInMonthText(entry.date, locale);
  if (entry.kind === 'meeting') {
    const m = entry.meeting;
    const time = meetingTimeText(m, t);
    return (
      <li className="calendar-entry calendar-entry--meeting" data-testid="calendar-entry" data-kind="meeting" data-meeting-id={m.id}>
        <span className="calendar-entry__day">
          <time dateTime={m.date}>{day}</time>
          {time && <span className="calendar-entry__time">{time}</span>}
        </span>
        <span className="calendar-entry__what">
          <span className="calendar-entry__tag">{t(`meetings.kind.${m.kind}`)}</span>
          <Link to={meetingPagePath(workspaceId, m.id)} className="calendar-entry__link">
            {meetingLabelText(m, locale)}
          </Link>
          {m.title !== '' && <span className="calendar-entry__title">{m.title}</span>}
          <span className={`meetings-status meetings-status--${m.status}`}>{t(`meetings.status.${m.status}`)}</span>
        </span>
      </li>
    );
  }
  const text = stepText(entry, t, locale);
  const planLink =
    'revisionId' in entry
      ? `/plans/${encodeURIComponent(entry.planId)}?revision=${encodeURIComponent(entry.revisionId)}#revisions`
      : `/plans/${encodeURIComponent(entry.planId)}`;
  return (
    <li className={`calendar-entry calendar-entry--${entry.kind}`} data-testid="calendar-entry" data-kind={entry.kind}>
      <span className="calendar-entry__day">
        <time dateTime={entry.date}>{day}</time>
      </span>
      <span className="calendar-entry__what">
        <span className="calendar-entry__tag">{t(`meetingCalendar.kind.${entry.kind}`)}</span>
        <Link to={planLink} className="calendar-entry__link">
          {text}
        </Link>
        <span className="calendar-entry__title">{entry.planTitle}</span>
      </span>
    </li>
  );
}
