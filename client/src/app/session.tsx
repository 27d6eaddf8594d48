import type { MeResponse } from '@sakutei/shared';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../lib/api';
import { ApiError } from '../lib/api';
import { clearOfflineCopies } from '../lib/offlineCopies';

export type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable' }
  | { status: 'signedOut' }
  /**
   * `expired`: the server stopped accepting the session while a page was open. The page stays
   * (with its unsent edits) under a dialog that signs the person in again.
   */
  | { status: 'signedIn'; me: MeResponse; expired?: boolean };

interface Session {
  state: SessionState;
  /** Resolves once signed in; rejects with the sign-in request's ApiError otherwise. */
  signIn: (email: string, password: string) => Promise<void>;
  /** Ends the session and deletes this user's offline copies of plans from the browser. */
  signOut: () => Promise<void>;
  /**
   * For any page whose request came back 401 (or whose socket was refused for it): the cookie
   * is gone, so ask for sign-in again, over the page rather than instead of it.
   */
  expire: () => void;
  recheck: () => void;
  /** Reads the signed-in person again (a new name, a new council) without leaving the page. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function currentSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    return { status: 'signedIn', me: await api.getMe(signal) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'signedOut' };
    if (signal?.aborted) throw error;
    return { status: 'unreachable' };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checkCount, setCheckCount] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    currentSession(controller.signal).then(setState, () => {
      // Aborted because the component unmounted or a newer check started.
    });
    return () => controller.abort();
  }, [checkCount]);

  const signIn = useCallback(async (email: string, password: string) => {
    await api.signIn({ email, password });
    // /api/me rather than the sign-in body: it also carries the memberships.
    setState(await currentSession());
    // Whatever failed while the session was gone (say, behind the expired-session dialog) is read again.
    void queryClient.invalidateQueries();
  }, [queryClient]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    const userId = state.status === 'signedIn' ? state.me.user.id : null;
    // Signed out first, so the plan page closes its copy; the deletion then is not blocked by it.
    setState({ status: 'signedOut' });
    // Nothing read for this person may show to whoever signs in next on this browser.
    queryClient.clear();
    if (userId) await clearOfflineCopies(userId);
  }, [state, queryClient]);

  const expire = useCallback(
    () => setState((current) => (current.status === 'signedIn' ? { ...current, expired: true } : { status: 'signedOut' })),
    [],
  );

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setCheckCount((count) => count + 1);
  }, []);

  const refresh = useCallback(async () => {
    const next = await currentSession();
    setState((current) => (next.status === 'unreachable' ? current : next));
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, expire, recheck, refresh }),
    [state, signIn, signOut, expire, recheck, refresh],
  );
  return (
    <SessionContext value={value}>
      {children}
    </SessionContext>
  );
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in member; only for pages that render behind the sign-in gate. */
export function useMe(): MeResponse {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe used while not signed in');
  return state.me;
}
