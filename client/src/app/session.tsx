import type { MeResponse } from '@sakutei/shared';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../lib/api';
import { ApiError } from '../lib/api';

export type SessionState =
  | { status: 'checking' }
  | { status: 'unreachable' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: MeResponse };

interface Session {
  state: SessionState;
  /** Resolves once signed in; rejects with the sign-in request's ApiError otherwise. */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** For any page whose request came back 401: the cookie is gone, so ask for sign-in again. */
  expire: () => void;
  recheck: () => void;
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
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signedOut' });
  }, []);

  const expire = useCallback(() => setState({ status: 'signedOut' }), []);

  const recheck = useCallback(() => {
    setState({ status: 'checking' });
    setCheckCount((count) => count + 1);
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signOut, expire, recheck }),
    [state, signIn, signOut, expire, recheck],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
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
