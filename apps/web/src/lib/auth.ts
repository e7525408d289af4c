import type { AppRouter, RouterInputs, RouterOutputs } from '@canteen/api/trpc';
import type { ErrorReason } from '@canteen/shared';
import { createTRPCClient, httpLink } from '@trpc/client';
import { useSyncExternalStore } from 'react';
import { errorData } from './errors';
import { i18next } from './i18n';

export type SessionUser = RouterOutputs['auth']['me'];
type LoginOutput = RouterOutputs['auth']['login'];

export type Session =
  | { status: 'loading' }
  /** `isByUser`: the user signed out themselves (here or in another tab), rather than the session ending. */
  | { status: 'signedOut'; notice: string | null; isByUser: boolean }
  | { status: 'signedIn'; user: SessionUser };

/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
/** After a network failure, try again this much later. */
const RETRY_AFTER_MS = 15_000;
const LOCK_NAME = 'canteen-refresh';
const CHANNEL_NAME = 'canteen-auth';

/**
 * Login, refresh and logout go through their own unbatched client: they set or clear the refresh cookie and
 * must never be retried by the main client's refresh-on-401 link.
 */
const authClient = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/trpc' })] });

// The access token lives in memory only; the refresh token is an httpOnly cookie the script never sees.
let accessToken: string | null = null;
let expiresAtMs = 0;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflightRefresh: Promise<boolean> | null = null;
let session: Session = { status: 'loading' };
const listeners = new Set<() => void>();

const setSession = (next: Session): void => {
  session = next;
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const getSession = (): Session => session;
export const useSession = (): Session => useSyncExternalStore(subscribe, getSession);

/** Resolves once the start-up refresh has decided whether there is a session. */
export const waitForSession = (): Promise<Session> =>
  session.status === 'loading'
    ? new Promise((resolve) => {
        const unsubscribe = subscribe(() => {
          if (session.status === 'loading') return;
          unsubscribe();
          resolve(session);
        });
      })
    : Promise.resolve(session);

export const getAccessToken = (): string | null => accessToken;

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
type AuthMessage = { type: 'signed-in' } | { type: 'signed-out' };
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- BroadcastChannel has no target origin
const broadcast = (message: AuthMessage): void => channel?.postMessage(message);

/** Token lifetime from the JWT itself, so a skewed client clock does not matter. */
const lifetimeMs = (token: string, expiresAt: string): number => {
  try {
    const payload: unknown = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
    if (payload && typeof payload === 'object' && 'exp' in payload && 'iat' in payload) {
      const { exp, iat } = payload;
      if (typeof exp === 'number' && typeof iat === 'number') return (exp - iat) * 1000;
    }
  } catch {
    // Fall through to the server's absolute expiry.
  }
  return Date.parse(expiresAt) - Date.now();
};

const schedule = (delayMs: number): void => {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(1_000, delayMs));
};

/**
 * Whether this browser was signed in when last seen (no secret: the refresh cookie is httpOnly). Without it a
 * fresh load skips the refresh request, which could only answer 401 (and print it in the console).
 */
const SIGNED_IN_HINT = 'canteen.signedIn';
/**
 * Who was signed in here, so a start without a network (an installed app on a phone) opens as them, showing what
 * the service worker kept (the last menu) until the server can be asked. Removed on sign-out and when the server
 * says the session is over.
 */
const LAST_USER = 'canteen.lastUser';
const rememberSignedIn = (isSignedIn: boolean, user?: SessionUser): void => {
  try {
    if (isSignedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
    if (user) localStorage.setItem(LAST_USER, JSON.stringify(user));
    else if (!isSignedIn) localStorage.removeItem(LAST_USER);
  } catch {
    // Private mode: the hint is only an optimisation.
  }
};
const lastUser = (): SessionUser | null => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(LAST_USER) ?? 'null');
    return stored && typeof stored === 'object' && 'id' in stored && 'role' in stored ? (stored as SessionUser) : null;
  } catch {
    return null;
  }
};
const wasSignedInHere = (): boolean => {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
};

const applyLogin = (output: LoginOutput): void => {
  rememberSignedIn(true, output.user);
  const lifetime = lifetimeMs(output.accessToken, output.expiresAt);
  accessToken = output.accessToken;
  expiresAtMs = Date.now() + lifetime;
  // A minute ahead, or a quarter of the lifetime for short-lived tokens.
  schedule(lifetime - Math.min(REFRESH_AHEAD_MS, lifetime / 4));
  setSession({ status: 'signedIn', user: output.user });
};

const clearLocal = (notice: string | null, isByUser = false): void => {
  clearTimeout(refreshTimer);
  rememberSignedIn(false);
  accessToken = null;
  expiresAtMs = 0;
  setSession({ status: 'signedOut', notice, isByUser });
};

/**
 * Rotating the refresh token twice with the same cookie revokes the whole login, so refreshes are
 * serialized across tabs with a Web Lock (each waiting tab then sends the cookie the previous one received).
 * Web Locks exist only in secure contexts; elsewhere the in-tab single flight is all we have.
 */
const withRefreshLock = <T>(task: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks.request(LOCK_NAME, task) : task();

/** Why the session ended, in words, when the server's reason says more than "it ended". */
const sessionEndedNotice = (reason: ErrorReason | null | undefined): string => {
  if (reason === 'REFRESH_REUSED') return i18next.t('errors:session.reused');
  if (reason === 'TOKEN_EXPIRED') return i18next.t('errors:session.expired');
  return i18next.t('errors:session.ended');
};

const runRefresh = async (): Promise<boolean> => {
  const wasSignedIn = session.status === 'signedIn';
  try {
    applyLogin(await withRefreshLock(() => authClient.auth.refresh.mutate()));
    return true;
  } catch (error) {
    const data = errorData(error);
    const code = data?.code;
    if (code === undefined || code === 'TOO_MANY_REQUESTS' || code === 'INTERNAL_SERVER_ERROR') {
      // The server could not be asked: keep what we have and try again shortly.
      if (wasSignedIn) schedule(RETRY_AFTER_MS);
      else {
        // The server could not be asked, so the sign-in may still be good. Offline with someone known here: open
        // as them (the last menu shows; money and orders wait for the network) and ask again when back online.
        const known = lastUser();
        if (code === undefined && known) {
          setSession({ status: 'signedIn', user: known });
          schedule(RETRY_AFTER_MS);
        } else {
          clearLocal(i18next.t('errors:network'));
          rememberSignedIn(true, known ?? undefined);
        }
      }
      return false;
    }
    clearLocal(wasSignedIn ? sessionEndedNotice(data?.reason) : null);
    return false;
  }
};

/** Gets a new access token from the refresh cookie. Concurrent callers in this tab share one request. */
export const refreshSession = (): Promise<boolean> => {
  inflightRefresh ??= runRefresh().finally(() => {
    inflightRefresh = null;
  });
  return inflightRefresh;
};

/** Called before every API call: a sleeping tab may have missed its refresh timer. */
export const ensureFreshToken = async (): Promise<void> => {
  if (session.status === 'signedIn' && Date.now() > expiresAtMs - 5_000) await refreshSession();
};

export const signIn = async (input: RouterInputs['auth']['login']): Promise<SessionUser> => {
  const output = await authClient.auth.login.mutate(input);
  applyLogin(output);
  broadcast({ type: 'signed-in' });
  return output.user;
};

export const signOut = async (): Promise<void> => {
  try {
    await withRefreshLock(() => authClient.auth.logout.mutate());
  } catch {
    // Signing out locally matters more than telling the server; the cookie expires on its own.
  } finally {
    clearLocal(null, true);
    broadcast({ type: 'signed-out' });
  }
};

/** After the profile changes the user (2FA on or off), keep the session's copy current. */
export const updateSessionUser = (user: SessionUser): void => {
  if (session.status === 'signedIn') setSession({ status: 'signedIn', user });
};

/** The API refused a call until the user enrols in 2FA (the setting may have changed after sign-in). */
export const markTotpEnrolmentRequired = (): void => {
  if (session.status === 'signedIn' && !session.user.mustEnrolTotp) {
    setSession({ status: 'signedIn', user: { ...session.user, mustEnrolTotp: true } });
  }
};

/** Restores the session from the refresh cookie once at start-up and follows sign-in/out in other tabs. */
export const initSession = (): void => {
  if (channel) {
    channel.addEventListener('message', (event: MessageEvent<AuthMessage>) => {
      if (event.data.type === 'signed-out' && session.status === 'signedIn')
        clearLocal(i18next.t('errors:session.signedOutElsewhere'), true);
      if (event.data.type === 'signed-in' && session.status !== 'signedIn') void refreshSession();
    });
  }
  if (wasSignedInHere()) void refreshSession();
  else clearLocal(null);
  // Back online: make sure the token is good again (after an offline start it is missing).
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => {
      if (wasSignedInHere()) void refreshSession();
    });
  }
};
