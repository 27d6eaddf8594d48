import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'signIn' }
  | { name: 'plans' }
  | { name: 'plan'; planId: string }
  | { name: 'opinions'; planId: string }
  | { name: 'notFound' };

/** pushState fires no event of its own, so navigate() announces changes with this one. */
const NAVIGATE_EVENT = 'sakutei:navigate';

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'home' };
  if (path === '/sign-in') return { name: 'signIn' };
  if (path === '/plans') return { name: 'plans' };
  const plan = /^\/plans\/([^/]+)(\/opinions)?$/.exec(path);
  if (plan?.[1]) {
    try {
      const planId = decodeURIComponent(plan[1]);
      return plan[2] ? { name: 'opinions', planId } : { name: 'plan', planId };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else {
    history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/**
 * Calls `onChange` after every navigation, Back/Forward and hash change; for pages that
 * react to the `#fragment` (a link to a comment thread, say), which the path alone misses.
 */
export function subscribeToLocation(onChange: () => void): () => void {
  const unsubscribe = subscribe(onChange);
  window.addEventListener('hashchange', onChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onChange);
  };
}

/** The current path plus query, e.g. `/plans/42?tab=kpi`, re-rendering on every navigation. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname + location.search);
}

export function useRoute(): Route {
  const [pathname = '/'] = useLocationPath().split('?');
  return matchRoute(pathname);
}

/**
 * Where to go after signing in, taken from the `?next=` of the sign-in page's path. Only
 * same-origin paths are honoured, so a crafted link cannot bounce a fresh session elsewhere.
 */
export function returnPathFrom(signInPath: string): string {
  const queryStart = signInPath.indexOf('?');
  const query = queryStart === -1 ? '' : signInPath.slice(queryStart);
  const next = new URLSearchParams(query).get('next');
  const sameOrigin = next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return sameOrigin && !next.startsWith('/sign-in') ? next : '/plans';
}

export function signInPathReturningTo(path: string): string {
  return path === '/' || path.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}

/** Replaces the current entry, so Back does not land on a page that only redirects. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    // Leave new-tab, download and modified clicks to the browser.
    const plainClick =
      event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainClick || rest.target) return;
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}
