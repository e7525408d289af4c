import type { PaymentDto } from '@canteen/shared';
import type { TFunction } from 'i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CircleCheck, CircleX, CreditCard, LoaderCircle, RotateCw, ShoppingBasket, UtensilsCrossed, Wallet } from 'lucide-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { errorCode, errorMessage } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { type TopUpOrigin, topUpOrigin } from '../../lib/top-up';
import { trpc } from '../../lib/trpc';

/** The provider's webhook usually lands within seconds; after this long the page stops asking and says so. */
const WAIT_MS = 60_000;
const POLL_MS = 1_000;

/**
 * Where the provider's checkout sends the person back (`/top-up/return?payment=<id>`). The payment is only
 * settled when the provider's webhook arrives, a moment later, so the page asks about once a second until it
 * is, then says what happened and offers the way back (to the cart, when the top-up started there).
 */
export const TopUpReturnPage = ({ paymentId, isCancelled = false }: { paymentId: string | undefined; isCancelled?: boolean }) => {
  const { t } = useTranslation('wallet');
  return (
    <>
      <PageHeader title={t('return.title')} />
      <Card className="max-w-2xl">
        <CardContent>
          {paymentId ? (
            <TopUpStatus paymentId={paymentId} isCancelled={isCancelled} />
          ) : (
            <NotFound description={t('return.noPayment')} />
          )}
        </CardContent>
      </Card>
    </>
  );
};

const NotFound = ({ description }: { description: string }) => {
  const { t } = useTranslation('wallet');
  return (
    <EmptyState
      icon={CreditCard}
      title={t('return.notFound.title')}
      description={description}
      action={
        <Button asChild variant="secondary">
          <Link to="/wallet">{t('return.goToWallet')}</Link>
        </Button>
      }
    />
  );
};

const TopUpStatus = ({ paymentId, isCancelled }: { paymentId: string; isCancelled: boolean }) => {
  const { t } = useTranslation('wallet');
  const queryClient = useQueryClient();
  // Back from the checkout's "Cancel": end the pending payment now (idempotent), instead of waiting for it to expire.
  const cancel = useMutation(
    trpc.payment.cancel.mutationOptions({
      onSuccess: (cancelled) => {
        queryClient.setQueryData(trpc.payment.byId.queryKey({ id: paymentId }), cancelled);
        void queryClient.invalidateQueries(trpc.payment.list.pathFilter());
        void queryClient.invalidateQueries(trpc.payment.options.pathFilter());
      },
    }),
  );
  const hasCancelled = useRef(false);
  useEffect(() => {
    if (!isCancelled || hasCancelled.current) return;
    hasCancelled.current = true;
    cancel.mutate({ id: paymentId });
  }, [isCancelled, paymentId, cancel]);
  const [origin] = useState(() => topUpOrigin(paymentId));
  const [waitRound, setWaitRound] = useState(0);
  const [hasGivenUp, setHasGivenUp] = useState(false);
  const payment = useQuery(
    trpc.payment.byId.queryOptions(
      { id: paymentId },
      {
        refetchInterval: (query) => (query.state.data?.status === 'pending' && !hasGivenUp && !isCancelled ? POLL_MS : false),
        staleTime: 0,
      },
    ),
  );
  const status = payment.data?.status;
  const isWaiting = status === 'pending' && !isCancelled;

  useEffect(() => {
    if (!isWaiting) return undefined;
    const timer = setTimeout(() => setHasGivenUp(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, [isWaiting, waitRound]);

  // The wallet, its history and today's top-up allowance changed: fetch them again, once.
  const hasRefreshed = useRef(false);
  useEffect(() => {
    if (status !== 'succeeded' || hasRefreshed.current) return;
    hasRefreshed.current = true;
    void queryClient.invalidateQueries(trpc.wallet.pathFilter());
    void queryClient.invalidateQueries(trpc.payment.list.pathFilter());
    void queryClient.invalidateQueries(trpc.payment.options.pathFilter());
  }, [status, queryClient]);

  if (!payment.data) {
    if (payment.isPending) return <PageSpinner label={t('return.loading')} />;
    return errorCode(payment.error) === 'NOT_FOUND' ? (
      <NotFound description={t('return.notFound.description')} />
    ) : (
      <Alert>{errorMessage(payment.error)}</Alert>
    );
  }

  return (
    <div aria-live="polite" className="grid gap-5">
      {isWaiting ? (
        hasGivenUp ? (
          <StillWaiting
            onCheckAgain={() => {
              setHasGivenUp(false);
              setWaitRound((round) => round + 1);
              void payment.refetch();
            }}
            origin={origin}
          />
        ) : (
          <Waiting origin={origin} />
        )
      ) : status === 'succeeded' ? (
        <Succeeded payment={payment.data} origin={origin} />
      ) : status === 'refunded' ? (
        <Outcome icon="refunded" title={t('return.refunded.title')}>
          <p>{t('return.refunded.text', { amount: formatMoney(payment.data.refundedCents) })}</p>
          <Actions primary="wallet" />
        </Outcome>
      ) : (
        <NotCharged payment={payment.data} origin={origin} isCancelled={isCancelled} />
      )}
    </div>
  );
};

const ICONS = {
  waiting: <LoaderCircle aria-hidden className="size-6 animate-spin text-zinc-500" />,
  succeeded: <CircleCheck aria-hidden className="size-6 text-emerald-700" />,
  failed: <CircleX aria-hidden className="size-6 text-red-700" />,
  refunded: <CreditCard aria-hidden className="size-6 text-zinc-600" />,
};

type OutcomeProps = { icon: keyof typeof ICONS; title: string; children: ReactNode };

const Outcome = ({ icon, title, children }: OutcomeProps) => (
  <section aria-labelledby="top-up-outcome" className="flex gap-4">
    <div className="flex size-11 shrink-0 items-center justify-center rounded-full bg-zinc-100">{ICONS[icon]}</div>
    <div className="grid min-w-0 flex-1 gap-3 text-sm text-zinc-700">
      <h2 id="top-up-outcome" className="text-lg font-semibold text-zinc-900">
        {title}
      </h2>
      {children}
    </div>
  </section>
);

const Waiting = ({ origin }: { origin: TopUpOrigin }) => {
  const { t } = useTranslation('wallet');
  return (
    <Outcome icon="waiting" title={t('return.waiting.title')}>
      <p>{t('return.waiting.text')}</p>
      <Actions primary={null} origin={origin} />
    </Outcome>
  );
};

const StillWaiting = ({ onCheckAgain, origin }: { onCheckAgain: () => void; origin: TopUpOrigin }) => {
  const { t } = useTranslation('wallet');
  return (
    <Outcome icon="waiting" title={t('return.stillWaiting.title')}>
      <p>{t('return.stillWaiting.text')}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onCheckAgain}>
          <RotateCw aria-hidden />
          {t('return.stillWaiting.checkAgain')}
        </Button>
        <Actions primary={null} origin={origin} isInline />
      </div>
    </Outcome>
  );
};

const Succeeded = ({ payment, origin }: { payment: PaymentDto; origin: TopUpOrigin }) => {
  const { t } = useTranslation('wallet');
  const balance = useQuery(trpc.wallet.balance.queryOptions({}, { staleTime: 0 }));
  return (
    <Outcome icon="succeeded" title={t('return.succeeded.title', { amount: formatMoney(payment.amountCents) })}>
      <p>
        <Trans
          t={t}
          i18nKey="return.succeeded.balance"
          values={{ amount: balance.data ? formatMoney(balance.data.totalCents) : '…' }}
          components={{
            balance: <span data-testid="top-up-balance" className="font-semibold text-zinc-900 tabular-nums" />,
          }}
        />
      </p>
      <Actions primary={origin === 'cart' ? 'cart' : 'wallet'} origin={origin} />
    </Outcome>
  );
};

/** What became of a payment that charged nothing, as the outcome's title. */
const notChargedTitle = (t: TFunction<'wallet'>, status: PaymentDto['status'], isCancelled: boolean): string => {
  if (isCancelled) return t('return.notCharged.cancelled');
  if (status === 'declined') return t('return.notCharged.declined');
  if (status === 'expired') return t('return.notCharged.expired');
  return t('return.notCharged.other');
};

type NotChargedProps = { payment: PaymentDto; origin: TopUpOrigin; isCancelled: boolean };

const NotCharged = ({ payment, origin, isCancelled }: NotChargedProps) => {
  const { t } = useTranslation('wallet');
  return (
    <Outcome icon="failed" title={notChargedTitle(t, payment.status, isCancelled)}>
      <p>{t('return.notCharged.text')}</p>
      {payment.failureReason ? (
        <p className="text-zinc-600">{t('return.notCharged.providerSaid', { reason: payment.failureReason })}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link to="/wallet" search={{ topUp: true, amount: payment.amountCents }}>
            <RotateCw aria-hidden />
            {t('return.notCharged.tryAgain')}
          </Link>
        </Button>
        {origin === 'cart' ? <Actions primary={null} origin={origin} isInline /> : null}
      </div>
    </Outcome>
  );
};

type ActionsProps = {
  /** The button to stand out, or none. */
  primary: 'cart' | 'wallet' | null;
  origin?: TopUpOrigin;
  /** Inside another row of buttons. */
  isInline?: boolean;
};

/** The ways back: to the cart when the top-up started there, to the wallet, or to the menu. */
const Actions = ({ primary, origin = 'wallet', isInline = false }: ActionsProps) => {
  const { t } = useTranslation('wallet');
  const buttons = [
    origin === 'cart' ? (
      <Button key="cart" asChild variant={primary === 'cart' ? 'primary' : 'secondary'}>
        <Link to="/cart">
          <ShoppingBasket aria-hidden />
          {t('return.backToCart')}
        </Link>
      </Button>
    ) : null,
    <Button key="wallet" asChild variant={primary === 'wallet' ? 'primary' : 'secondary'}>
      <Link to="/wallet">
        <Wallet aria-hidden />
        {t('return.goToWallet')}
      </Link>
    </Button>,
    origin === 'cart' ? null : (
      <Button key="menu" asChild variant="secondary">
        <Link to="/menu">
          <UtensilsCrossed aria-hidden />
          {t('return.browseMenu')}
        </Link>
      </Button>
    ),
  ];
  return isInline ? <>{buttons}</> : <div className="flex flex-wrap gap-2">{buttons}</div>;
};
