import type { AppRouter } from '@canteen/api/trpc';
import { MAX_BATCH_SIZE, MENU_QUERY_PATHS } from '@canteen/shared/constants';
import { QueryClient } from '@tanstack/react-query';
import { type TRPCLink, createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { ensureFreshToken, getAccessToken, getSession, markTotpEnrolmentRequired, refreshSession } from './auth';
import { errorData } from './errors';

/**
 * Keeps the access token usable: refreshes a stale token before sending, and on UNAUTHORIZED refreshes once
 * and retries. A failed refresh signs the user out (the router then shows the sign-in page).
 */
const sessionLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) => {
      let subscription: Unsubscribable | undefined;
      let isClosed = false;
      const retryAfterRefresh = async (giveUp: () => void): Promise<void> => {
        if (await refreshSession()) send(true);
        else giveUp();
      };
      const send = (isRetry: boolean): void => {
        if (isClosed) return;
        subscription = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (failure) => {
            const data = errorData(failure);
            if (!isRetry && data?.code === 'UNAUTHORIZED' && getSession().status === 'signedIn') {
              void retryAfterRefresh(() => observer.error(failure));
              return;
            }
            if (data?.reason === 'TOTP_ENROLMENT_REQUIRED') markTotpEnrolmentRequired();
            observer.error(failure);
          },
        });
      };
      void ensureFreshToken().then(() => send(false));
      return () => {
        isClosed = true;
        subscription?.unsubscribe();
      };
    });

const authHeaders = () => {
  const token = getAccessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/**
 * A stream ticket (`live.ticket`): good for opening `live.events` only, for a minute. Asked for again until it
 * comes (the API restarting, the network away), with growing pauses; not once signed out.
 */
const streamTicket = async (): Promise<string> => {
  for (let attempt = 0; ; attempt++) {
    try {
      // oxlint-disable-next-line no-use-before-define -- called at connect time, long after the client exists
      return (await trpcClient.live.ticket.query()).ticket;
    } catch (error) {
      if (getSession().status !== 'signedIn' || errorData(error)?.code === 'UNAUTHORIZED') throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
    }
  }
};

/**
 * Live events (`live.events`) over server-sent events. An EventSource cannot send headers, so what opens the
 * stream travels in its URL: a one-minute stream ticket, never the access token (a proxy's log may keep URLs).
 * It is asked for afresh at every (re)connect: the server ends each stream after a few minutes and the link
 * reconnects with a new ticket and the last event id.
 */
const subscriptionLink = httpSubscriptionLink({
  url: '/trpc',
  connectionParams: async () => ({ ticket: await streamTicket() }),
});

/**
 * Subscriptions as server-sent events; the menu's queries one per request (the browser revalidates each with its
 * ETag); everything else batched.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    sessionLink,
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: subscriptionLink,
      false: splitLink({
        condition: (op) => op.type === 'query' && MENU_QUERY_PATHS.includes(op.path),
        true: httpLink({ url: '/trpc', headers: authHeaders }),
        false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_SIZE, headers: authHeaders }),
      }),
    }),
  ],
});

const NO_RETRY_CODES = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED']);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => !NO_RETRY_CODES.has(errorData(error)?.code ?? '') && failureCount < 2,
    },
  },
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
