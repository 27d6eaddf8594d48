import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SideDock } from '../../app/SideDock';
import { useI18n } from '../../i18n';
import { useComments } from './commentsContext';
import { NewThreadComposer } from './NewThreadComposer';
import { OpinionsExport } from './OpinionsExport';
import { ThreadCard } from './ThreadCard';
import { ThreadFilters } from './ThreadFilters';
import { filterShowing, matchesFilter, orderThreads, type ThreadFilter, type ThreadOrder, type ThreadPlace } from './threadList';
import { placesOf } from './threadPlaces';
import { useCommentsPanel } from './useCommentsPanel';
import { useDocRevision, useHasSynced } from './useDocRevision';
import './comments.css';

const NO_PLACES: ReadonlyMap<string, ThreadPlace> = new Map();

function CommentIcon() {
  return (
    <svg className="comments-toggle__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H8l-4 3v-3h.5A1.5 1.5 0 0 1 3 12.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * On a phone the sheet covers the lower part of the screen: the passage being commented on
 * is scrolled into the part left above it, below the sticky tab bar.
 */
function keepDraftPassageInView(sheet: HTMLElement | null) {
  const passage = document.querySelector('.comment-highlight--draft');
  if (!passage || !sheet) return;
  // Below whatever sticks to the top of the screen: the tab bar, and the editor's toolbar under it.
  const stuck = [...document.querySelectorAll('.plan-tabbar, .editor-chrome')].map((bar) => bar.getBoundingClientRect().bottom);
  const rect = passage.getBoundingClientRect();
  const top = Math.max(0, ...stuck) + 12;
  const bottom = sheet.getBoundingClientRect().top - 12;
  if (rect.top >= top && rect.bottom <= bottom) return;
  window.scrollBy({ top: rect.top - top, behavior: 'instant' });
}

/** The review threads of the plan, beside whichever view is showing. */
export function CommentsSidebar() {
  const { t } = useI18n();
  const {
    plan,
    userId,
    session,
    revisionScope,
    threads,
    loadState,
    reload,
    people,
    draft,
    activeThreadId,
    focusRequest,
    proseEditor,
    announcement,
    canComment,
  } = useComments();
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const { layout, open, setOpen } = useCommentsPanel({ draftSeq: draft?.seq ?? null, focusSeq: focusRequest?.seq ?? null });
  const [filter, setFilter] = useState<ThreadFilter>({ kind: 'open', memberId: null });
  const [order, setOrder] = useState<ThreadOrder>('position');
  // Anchors resolve against what is being read: a revision's frozen doc, or the live draft.
  const doc = revisionScope?.doc ?? session?.ydoc ?? null;
  const revision = useDocRevision(doc);
  const synced = useHasSynced(revisionScope ? null : (session?.provider ?? null));

  const places = useMemo(
    () => (synced && doc ? placesOf(threads, doc, proseEditor, order === 'position') : NO_PLACES),
    // `revision` stands for the document's content, which placesOf reads.
    [threads, doc, proseEditor, order, synced, revision],
  );
  const visible = orderThreads(
    threads.filter((thread) => matchesFilter(thread, filter, userId)),
    order,
    places,
  );
  const openCount = threads.filter((thread) => thread.status === 'open').length;
  const nameOf = useMemo(() => {
    const names = new Map(people.map((person) => [person.id, person.name]));
    return (id: string) => names.get(id) ?? null;
  }, [people]);

  // Bring a requested thread into view, first changing the filter if it hides the thread.
  const handledRequest = useRef(0);
  useEffect(() => {
    if (!focusRequest || handledRequest.current === focusRequest.seq) return;
    const thread = threads.find((candidate) => candidate.id === focusRequest.threadId);
    if (!thread) return;
    if (!matchesFilter(thread, filter, userId)) {
      setFilter(filterShowing(thread));
      return;
    }
    handledRequest.current = focusRequest.seq;
    requestAnimationFrame(() => {
      const card = document.getElementById(`thread-${thread.id}`);
      card?.scrollIntoView({ block: 'nearest' });
      if (focusRequest.focus) card?.focus({ preventScroll: true });
    });
  }, [focusRequest, threads, filter, userId]);

  const draftSeq = draft?.seq ?? null;
  useEffect(() => {
    if (draftSeq === null || layout !== 'sheet') return;
    const frame = requestAnimationFrame(() => keepDraftPassageInView(panelRef.current));
    // Once more after the sheet's padding and the draft's highlight have settled.
    const later = window.setTimeout(() => keepDraftPassageInView(panelRef.current), 250);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(later);
    };
  }, [draftSeq, layout]);

  return (
    <SideDock
      name="comments"
      panelName="comments-sidebar"
      layout={layout}
      open={open}
      setOpen={setOpen}
      corner="right"
      toggle={
        <>
          <CommentIcon />
          <span>{t('comments.panel.toggle')}</span>
        </>
      }
      count={openCount}
      countText={t('comments.panel.openThreads', { count: openCount })}
      title={t('comments.title')}
      headingId={headingId}
      status={t('comments.openCount', { count: openCount })}
      statusTestId="comments-open-count"
      closeLabel={t('comments.panel.hide')}
      panelRef={panelRef}
    >
      {revisionScope && (
        <p className="comments-sidebar__scope" data-testid="comments-scope" data-revision-id={revisionScope.revisionId}>
          {t('comments.scope.revision', { revision: revisionScope.label })}
        </p>
      )}
      {/* The table covers the draft's threads, which a revision-only reader may not see. */}
      {session && <OpinionsExport planId={plan.id} />}
      <ThreadFilters filter={filter} onFilter={setFilter} order={order} onOrder={setOrder} people={people} />
      <p className="visually-hidden" role="status" data-testid="comments-announcement">
        {announcement?.text ?? ''}
      </p>
      {draft && <NewThreadComposer key="draft" anchor={draft.anchor} seq={draft.seq} />}
      {loadState === 'loading' && (
        <p className="comments-empty" role="status">
          {t('comments.loading')}
        </p>
      )}
      {loadState === 'failed' && (
        <div className="comments-empty">
          <p role="alert">{t('comments.loadFailed')}</p>
          <button type="button" className="button button--quiet" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {loadState === 'loaded' && visible.length === 0 && (
        <p className="comments-empty" data-testid="comments-empty">
          {threads.length === 0
            ? canComment
              ? t('comments.empty.howTo')
              : t('comments.empty.none')
            : t('comments.empty.filtered')}
        </p>
      )}
      <ol className="thread-list" aria-labelledby={headingId}>
        {visible.map((thread) => (
          <li key={thread.id}>
            <ThreadCard
              thread={thread}
              detached={places.get(thread.id)?.detached ?? false}
              active={thread.id === activeThreadId}
              nameOf={nameOf}
            />
          </li>
        ))}
      </ol>
    </SideDock>
  );
}
