import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { Link as WouterLink, Redirect as WouterRedirect } from 'wouter';
import { navigate as browserNavigate, usePathname, useSearch } from 'wouter/use-browser-location';

/*
 * Routing is wouter's (a small, well-kept router over the History API); this module adds the
 * app's typed route table and the few rules of its own: where sign-in returns to, scrolling
 * to the top on a new page, and a way for non-React code to follow the location.
 */

export type Route =
  | { name: 'home' }
  | { name: 'signIn' }
  | { name: 'plans' }
  | { name: 'plan'; planId: string }
  | { name: 'opinions'; planId: string }
  | { name: 'comparePrevious'; planId: string }
  | { name: 'setup' }
  | { name: 'adminCouncils' }
  | { name: 'adminAccounts' }
  | { name: 'members'; workspaceId: string }
  | { name: 'meetings'; workspaceId: string }
  | { name: 'meetingCalendar'; workspaceId: string }
  | { name: 'meeting'; workspaceId: string; meetingId: string }
  | { name: 'minutes'; workspaceId: string; meetingId: string }
  | { name: 'invite' }
  | { name: 'resetPassword' }
  | { name: 'account' }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'home' };
  if (path === '/sign-in') return { name: 'signIn' };
  if (path === '/plans') return { name: 'plans' };
  if (path === '/invite') return { name: 'invite' };
  if (path === '/reset-password') return { name: 'resetPassword' };
  if (path === '/account') return { name: 'account' };
  const council = /^\/councils\/([^/]+)\/members$/.exec(path);
  if (council?.[1]) {
    try {
      return { name: 'members', workspaceId: decodeURIComponent(council[1]) };
    } catch {
      return { name: 'notFound' };
    }
  }
  const minutes = /^\/councils\/([^/]+)\/meetings\/([^/]+)\/minutes$/.exec(path);
  if (minutes?.[1] && minutes[2]) {
    try {
      return { name: 'minutes', workspaceId: decodeURIComponent(minutes[1]), meetingId: decodeURIComponent(minutes[2]) };
    } catch {
      return { name: 'notFound' };
    }
  }
  // Before a meeting's own address: 'calendar' is never a meeting's id.
  const calendar = /^\/councils\/([^/]+)\/meetings\/calendar$/.exec(path);
  if (calendar?.[1]) {
    try {
      return { name: 'meetingCalendar', workspaceId: decodeURIComponent(calendar[1]) };
    } catch {
      return { name: 'notFound' };
    }
  }
  const meetings = /^\/councils\/([^/]+)\/meetings(?:\/([^/]+))?$/.exec(path);
  if (meetings?.[1]) {
    try {
      const workspaceId = decodeURIComponent(meetings[1]);
      return meetings[2] ? { name: 'meeting', workspaceId, meetingId: decodeURIComponent(meetings[2]) } : { name: 'meetings', workspaceId };
    } catch {
      return { name: 'notFound' };
    }
  }
  if (path === '/setup') return { name: 'setup' };
  if (path === '/admin' || path === '/admin/councils') return { name: 'adminCouncils' };
  if (path === '/admin/accounts') return { name: 'adminAccounts' };
  const plan = /^\/plans\/([^/]+)(\/opinions|\/compare-previous)?$/.exec(path);
  if (plan?.[1]) {
    try {
      const planId = decodeURIComponent(plan[1]);
      if (plan[2] === '/compare-previous') return { name: 'comparePrevious', planId };
      return plan[2] ? { name: 'opinions', planId } : { name: 'plan', planId };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  browserNavigate(to, { replace });
  if (!replace) window.scrollTo(0, 0);
}

/** wouter announces pushState and replaceState with events of these names. */
const LOCATION_EVENTS = ['popstate', 'pushState', 'replaceState', 'hashchange'] as const;

/**
 * Calls `onChange` after every navigation, Back/Forward and hash change; for pages that
 * react to the `#fragment` (a link to a comment thread, say), which the path alone misses.
 */
export function subscribeToLocation(onChange: () => void): () => void {
  for (const type of LOCATION_EVENTS) window.addEventListener(type, onChange);
  return () => {
    for (const type of LOCATION_EVENTS) window.removeEventListener(type, onChange);
  };
}

/** The current path plus query, e.g. `/plans/42?tab=kpi`, re-rendering on every navigation. */
export function useLocationPath(): string {
  // Normalised: versions of wouter differ on whether the search string keeps its `?`.
  const search = useSearch().replace(/^\?/, '');
  return usePathname() + (search === '' ? '' : `?${search}`);
}

export function useRoute(): Route {
  return matchRoute(usePathname());
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
  return <WouterRedirect to={to} replace />;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A link within the app; a plain click navigates without reloading and starts the new page at its top. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const scrollUp = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!event.defaultPrevented) requestAnimationFrame(() => window.scrollTo(0, 0));
  };
  return <WouterLink to={to} onClick={scrollUp} {...rest} />;
}
