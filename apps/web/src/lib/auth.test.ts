import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const token = `${base64url({ alg: 'HS256' })}.${base64url({ sub: 'u1', iat: now, exp: now + 600 })}.signature`;
const user = {
  id: '01a2004e-e7ea-79ec-b691-1bacec231d55',
  email: 'maya@canteen.test',
  name: 'Maya Manager',
  role: 'manager',
  departmentId: null,
  departmentName: null,
  isTotpEnabled: false,
  mustEnrolTotp: false,
  language: 'en',
};
const ok = () => Response.json({ result: { data: { accessToken: token, expiresAt: new Date().toISOString(), user } } });
const refused = (reason: string) =>
  Response.json(
    { error: { message: 'no', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, reason, zodError: null } } },
    { status: 401 },
  );

/** A fresh copy of the module with fetch and Web Locks replaced. */
const loadAuth = async (respond: () => Response) => {
  const fetchMock = vi.fn(async (_url: string) => respond());
  const lockNames: string[] = [];
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('BroadcastChannel', undefined);
  vi.stubGlobal('navigator', {
    locks: {
      request: (name: string, task: () => Promise<unknown>) => {
        lockNames.push(name);
        return task();
      },
    },
  });
  vi.resetModules();
  const auth = await import('./auth');
  return { auth, fetchMock, lockNames };
};

describe('session refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends one refresh for concurrent callers, under the cross-tab lock', async () => {
    const { auth, fetchMock, lockNames } = await loadAuth(ok);
    const results = await Promise.all([auth.refreshSession(), auth.refreshSession(), auth.refreshSession()]);
    expect(results).toEqual([true, true, true]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toContain('/trpc/auth.refresh');
    expect(lockNames).toEqual(['canteen-refresh']);
    expect(auth.getSession()).toEqual({ status: 'signedIn', user });
    expect(auth.getAccessToken()).toBe(token);
  });

  it('schedules the next refresh ahead of the expiry', async () => {
    const { auth, fetchMock } = await loadAuth(ok);
    await auth.refreshSession();
    await vi.advanceTimersByTimeAsync(539_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('starts signed out, without a notice, when there is no session cookie', async () => {
    const { auth } = await loadAuth(() => refused('TOKEN_INVALID'));
    expect(await auth.refreshSession()).toBe(false);
    expect(auth.getSession()).toEqual({ status: 'signedOut', notice: null, isByUser: false });
  });

  it('signs out with the reason when a live session cannot be renewed', async () => {
    let response = ok;
    const { auth } = await loadAuth(() => response());
    await auth.refreshSession();
    response = () => refused('REFRESH_REUSED');
    expect(await auth.refreshSession()).toBe(false);
    const session = auth.getSession();
    expect(session.status).toBe('signedOut');
    expect(session.status === 'signedOut' && session.notice).toContain('used elsewhere');
    expect(auth.getAccessToken()).toBeNull();
  });
});
