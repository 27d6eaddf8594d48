import { type Notification, isMeetingNotificationKind, meetingNotificationPath } from '@sakutei/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { listNotifications, markNotificationsRead } from '../../lib/commentsApi';
import { formatCommentTime } from '@sakutei/shared';
import { setUnread, useUnreadState } from '../../app/unreadStore';
import { EmailSettings } from './EmailSettings';
import './notifications.css';

const POLL_MS = 60_000;

interface ListState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  items: Notification[];
}

function BellIcon() {
  return (
    <svg className="notifications__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * Where a notification opens: its thread, or for a review's the revision in the plan's 版・審議 tab;
 * a meeting's, the meeting or its minutes.
 */
function notificationHref(n: Notification): string {
  if (n.meeting && isMeetingNotificationKind(n.kind)) return meetingNotificationPath(n.kind, n.meeting.workspaceId, n.meeting.id);
  const plan = `/plans/${encodeURIComponent(n.planId ?? '')}`;
  if (n.threadId) return `${plan}#thread-${encodeURIComponent(n.threadId)}`;
  return n.revision ? `${plan}?revision=${encodeURIComponent(n.revision.id)}#revisions` : `${plan}#revisions`;
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const { t, locale } = useI18n();
  const unread = notification.readAt === null;
  const where = notification.meeting
    ? t('notifications.meeting', { council: notification.meeting.councilName, label: notification.meeting.label })
    : `${notification.planTitle} ${
        notification.revision
          ? t('notifications.revision', { number: notification.revision.number, name: notification.revision.name })
          : `#${notification.threadNumber ?? ''}`
      }`;
  return (
    <Link
      to={notificationHref(notification)}
      className={`notification${unread ? ' notification--unread' : ''}`}
      data-testid="notification"
      data-unread={unread || undefined}
      onClick={() => onOpen(notification)}
    >
      <span className="notification__line">
        {unread && <span className="notification__dot" aria-hidden="true" />}
        {unread && <span className="visually-hidden">{t('notifications.unread')} </span>}
        <strong className="notification__actor">{notification.actor.name}</strong>
        <span className="notification__kind">{t(`notifications.kind.${notification.kind}`)}</span>
      </span>
      <span className="notification__where">{where}</span>
      {notification.excerpt && <span className="notification__excerpt">{notification.excerpt}</span>}
      <time className="notification__time" dateTime={notification.createdAt}>
        {formatCommentTime(notification.createdAt, locale)}
      </time>
    </Link>
  );
}

/**
 * The header's bell: the unread count (pushed by an open plan's event stream, else polled
 * every minute and when the window regains focus) and a list of recent mentions and replies.
 */
export function NotificationsBell() {
  const { t } = useI18n();
  const { expire } = useSession();
  const { unread, streams, revision } = useUnreadState();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<ListState>({ status: 'idle', items: [] });
  const [markError, setMarkError] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId();
  const popoverId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(
    async (withList: boolean) => {
      if (withList) setList((current) => (current.status === 'loaded' ? current : { ...current, status: 'loading' }));
      try {
        const response = await listNotifications();
        setUnread(response.unread);
        setList({ status: 'loaded', items: response.notifications });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) expire();
        else if (withList) setList((current) => (current.status === 'loaded' ? current : { ...current, status: 'failed' }));
      }
    },
    [expire],
  );

  // Poll only while no plan page streams the count.
  useEffect(() => {
    if (streams > 0) return;
    void refresh(false);
    const timer = setInterval(() => void refresh(false), POLL_MS);
    const onFocus = () => void refresh(false);
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [streams, refresh]);

  // An open list follows new notifications as the stream reports them.
  useEffect(() => {
    if (open) void refresh(true);
  }, [open, revision, refresh]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    setMarkError(false);
    setSettingsOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    titleRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) close(false);
    };
    // On the document, not the popover: focus may have left it (a button that went away).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, close]);

  async function markRead(ids: 'all' | string[]) {
    setMarkError(false);
    const now = new Date().toISOString();
    setList((current) => ({
      ...current,
      items: current.items.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)),
    }));
    try {
      await markNotificationsRead(ids === 'all' ? { all: true } : { ids });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) expire();
      else setMarkError(true);
    }
    void refresh(false);
  }

  const onOpenNotification = (notification: Notification) => {
    if (notification.readAt === null) void markRead([notification.id]);
    close(false);
  };

  const count = unread ?? 0;
  return (
    <div className="notifications" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet notifications__button"
        data-testid="notifications-button"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <BellIcon />
        {/* The name is the sentence, read from the content: an aria-label would hide the
            visible count from the name (WCAG 2.5.3, label in name). */}
        <span className="visually-hidden">{count > 0 ? t('notifications.buttonUnread', { count }) : t('notifications.button')}</span>
        <span className="notifications__badge" data-testid="notifications-unread" hidden={count === 0} aria-hidden="true">
          {count}
        </span>
      </button>
      {open && (
        <div id={popoverId} className="notifications__popover" role="dialog" aria-labelledby={titleId} data-testid="notifications-popover">
          <div className="notifications__head">
            <h2 id={titleId} ref={titleRef} tabIndex={-1} className="notifications__title">
              {t('notifications.title')}
            </h2>
            <button
              type="button"
              className="link-button"
              data-testid="notifications-mark-all"
              onClick={() => void markRead('all')}
            >
              {t('notifications.markAllRead')}
            </button>
            <button type="button" className="link-button" onClick={() => close(true)}>
              {t('notifications.close')}
            </button>
          </div>
          <div className="notifications__settings-bar">
            <button
              type="button"
              className="link-button"
              data-testid="notifications-settings"
              aria-expanded={settingsOpen}
              aria-controls={settingsOpen ? settingsId : undefined}
              onClick={() => setSettingsOpen((v) => !v)}
            >
              {t('notifications.settings.open')}
            </button>
          </div>
          {settingsOpen && (
            <div id={settingsId} className="notifications__settings">
              <EmailSettings />
            </div>
          )}
          {markError && (
            <p className="notifications__status" role="alert">
              {t('notifications.markFailed')}
            </p>
          )}
          {list.status === 'loading' && (
            <p className="notifications__status" role="status">
              {t('notifications.loading')}
            </p>
          )}
          {list.status === 'failed' && (
            <p className="notifications__status" role="alert">
              {t('notifications.loadFailed')}
            </p>
          )}
          {list.status === 'loaded' && list.items.length === 0 && (
            <p className="notifications__status">{t('notifications.empty')}</p>
          )}
          {list.items.length > 0 && (
            <ul className="notifications__list">
              {list.items.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} onOpen={onOpenNotification} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
