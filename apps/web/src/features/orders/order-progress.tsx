import type { OrderDto } from '@canteen/shared';
import { isCancellable, isMoneyReturned } from '@canteen/shared/lifecycle';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, Clock, XCircle } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Alert } from '../../components/alert';
import { OrderQrCode } from '../../components/order-qr-code';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/dialog';
import { CutoffNote } from '../../components/slot-picker';
import { canteenToday } from '../../lib/canteen-config';
import { errorMessage, errorReason } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { isBookable } from '../../lib/pickup';
import { trpc } from '../../lib/trpc';
import { cn } from '../../lib/utils';
import { ChangeSlotDialog } from './change-slot-dialog';

const STEPS = ['placed', 'preparing', 'ready', 'collected'] as const;

/**
 * Where an order is, on its receipt: ordered → preparing → ready → collected, kept current by the live events
 * (the page updates without a reload when the kitchen moves it). Its owner may change the pickup time or cancel
 * until the pickup day's cut-off (an order placed after it: until the kitchen starts); after that it is the
 * kitchen's.
 */
export const OrderProgress = ({ order, isOwn }: { order: OrderDto; isOwn: boolean }) => {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isChangingSlot, setIsChangingSlot] = useState(false);
  const canChange = isOwn && order.isChangeable;
  // The day's slots and cut-off, while the owner may still change the order.
  const slots = useQuery({ ...trpc.slot.day.queryOptions({ day: order.pickupDay }), enabled: canChange, staleTime: 0 });
  const hasOtherSlot = Boolean(slots.data?.slots.some((slot) => slot.id !== order.pickupSlot?.id && isBookable(slot)));
  const cancel = useMutation(
    trpc.order.cancel.mutationOptions({
      onSuccess: (cancelled) => {
        queryClient.setQueryData(trpc.order.byId.queryKey({ id: cancelled.id }), cancelled);
        void queryClient.invalidateQueries({ queryKey: trpc.order.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.wallet.pathKey() });
        void queryClient.invalidateQueries(trpc.slot.pathFilter());
        void queryClient.invalidateQueries(trpc.plan.pathFilter());
        setIsConfirming(false);
        toast.success(t('cancel.done', { amount: formatMoney(cancelled.totalCents) }));
      },
      // Too late now (the cut-off passed, or the kitchen started): show the order as it is.
      onError: (error) => {
        if (errorReason(error)) void queryClient.invalidateQueries(trpc.order.byId.queryFilter({ id: order.id }));
      },
    }),
  );

  if (isMoneyReturned(order.status)) {
    return order.status === 'cancelled' ? (
      <Alert tone="info" title={t('progress.cancelledTitle')} className="mb-6 max-w-3xl print:hidden">
        {t('progress.cancelledText')}
      </Alert>
    ) : null;
  }
  const reached = STEPS.indexOf(order.status as (typeof STEPS)[number]);
  return (
    <div className="mb-6 grid max-w-3xl gap-4 print:hidden">
      <ol aria-label={t('progress.label')} className="grid grid-cols-4 gap-2" data-testid="order-progress">
        {STEPS.map((step, index) => {
          const isDone = index < reached;
          const isCurrent = index === reached;
          return (
            <li
              key={step}
              aria-current={isCurrent ? 'step' : undefined}
              className={cn(
                'flex flex-col gap-1.5 border-t-4 pt-2 text-sm',
                isDone || isCurrent ? 'border-emerald-600 text-zinc-900' : 'border-zinc-200 text-zinc-500',
                isCurrent && 'font-semibold',
              )}
            >
              <span className="flex items-center gap-1">
                {isDone ? <Check aria-hidden className="size-4 text-emerald-700" /> : null}
                {t(`progress.${step}`)}
              </span>
            </li>
          );
        })}
      </ol>
      {isOwn && order.status !== 'collected' ? <OrderQrCode orderId={order.id} /> : null}
      {order.status === 'ready' ? (
        <Alert tone="success" title={t('progress.readyTitle')}>
          {t('progress.readyText')}
        </Alert>
      ) : order.status === 'placed' || order.status === 'preparing' ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-zinc-200 bg-white px-4 py-3">
          <div className="grid gap-0.5">
            <p className="text-sm text-zinc-700" role="status">
              {order.status === 'placed' && isOwn
                ? canChange
                  ? // Today the kitchen may start any moment; a later day's order waits for its day.
                    t(order.pickupDay === canteenToday() ? 'progress.placedText' : 'progress.placedShort')
                  : t('progress.pastCutoff')
                : t('progress.preparingText')}
            </p>
            {canChange && slots.data && Date.parse(slots.data.cutoffAt) > Date.now() ? (
              <CutoffNote day={order.pickupDay} cutoffAt={slots.data.cutoffAt} />
            ) : null}
          </div>
          {canChange ? (
            <div className="flex flex-wrap gap-2">
              {hasOtherSlot ? (
                <Button variant="secondary" onClick={() => setIsChangingSlot(true)}>
                  <Clock aria-hidden />
                  {t('changeSlot.button')}
                </Button>
              ) : null}
              {isCancellable(order.status) ? (
                <Button variant="secondary" onClick={() => setIsConfirming(true)}>
                  <XCircle aria-hidden />
                  {t('cancel.button')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {slots.data ? (
        <ChangeSlotDialog order={order} slots={slots.data} isOpen={isChangingSlot} onOpenChange={setIsChangingSlot} />
      ) : null}
      <ConfirmDialog
        isOpen={isConfirming}
        onOpenChange={(isOpen) => {
          setIsConfirming(isOpen);
          if (!isOpen) cancel.reset();
        }}
        title={t('cancel.title')}
        description={t('cancel.description')}
        confirmLabel={t('cancel.confirm')}
        cancelLabel={t('cancel.keep')}
        onConfirm={() => cancel.mutate({ orderId: order.id })}
        isPending={cancel.isPending}
        error={cancel.error ? errorMessage(cancel.error) : null}
      />
    </div>
  );
};
