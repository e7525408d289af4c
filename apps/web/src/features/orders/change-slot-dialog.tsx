import type { OrderDto, SlotsOfDay } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '../../components/dialog';
import { CutoffNote, SlotPicker } from '../../components/slot-picker';
import { errorMessage, errorReason, suggestedSlots } from '../../lib/errors';
import { formatPickupDayLong, slotToBook } from '../../lib/pickup';
import { trpc } from '../../lib/trpc';

type ChangeSlotDialogProps = {
  order: OrderDto;
  /** The order's day: its slots with what is left, and its cut-off. */
  slots: SlotsOfDay;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

/** Reasons that say the day's slots or the order moved on since the dialog read them. */
const STALE_REASONS = new Set(['SLOT_FULL', 'SLOT_NOT_AVAILABLE', 'PAST_CUTOFF', 'ORDER_NOT_CANCELLABLE']);

/**
 * Another pickup time of the order's day (`order.changeSlot`), until the cut-off. A time that filled up meanwhile
 * is refused: the first free one the API names is chosen instead, to save again.
 */
export const ChangeSlotDialog = ({ order, slots, isOpen, onOpenChange }: ChangeSlotDialogProps) => {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const current = order.pickupSlot?.id ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = chosen ?? current ?? slotToBook(slots.slots, null);
  const close = () => {
    setChosen(null);
    setError(null);
    onOpenChange(false);
  };
  const change = useMutation(
    trpc.order.changeSlot.mutationOptions({
      onSuccess: (changed) => {
        queryClient.setQueryData(trpc.order.byId.queryKey({ id: changed.id }), changed);
        void queryClient.invalidateQueries(trpc.order.list.pathFilter());
        void queryClient.invalidateQueries(trpc.slot.pathFilter());
        toast.success(t('changeSlot.done', { time: changed.pickupSlot?.startsAt ?? '' }));
        close();
      },
      onError: (caught) => {
        const reason = errorReason(caught);
        const next = suggestedSlots(caught);
        if (next[0] && (reason === 'SLOT_FULL' || reason === 'SLOT_NOT_AVAILABLE')) {
          setChosen(next[0].id);
          setError(t('changeSlot.slotFull', { time: next[0].startsAt }));
        } else {
          setError(errorMessage(caught));
        }
        if (reason && STALE_REASONS.has(reason)) {
          void queryClient.invalidateQueries(trpc.slot.pathFilter());
          void queryClient.invalidateQueries(trpc.order.byId.queryFilter({ id: order.id }));
        }
      },
    }),
  );
  return (
    <Dialog open={isOpen} onOpenChange={(open) => (open ? onOpenChange(true) : close())}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>{t('changeSlot.title')}</DialogTitle>
          <DialogDescription>{formatPickupDayLong(order.pickupDay)}</DialogDescription>
        </DialogHeader>
        <SlotPicker
          slots={slots.slots}
          value={value}
          currentId={current}
          onValueChange={(slotId) => {
            setChosen(slotId);
            setError(null);
          }}
          aria-describedby="change-slot-cutoff"
        />
        <CutoffNote day={order.pickupDay} cutoffAt={slots.cutoffAt} id="change-slot-cutoff" />
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{t('changeSlot.keep')}</Button>
          </DialogClose>
          <Button
            isLoading={change.isPending}
            disabled={value === null || value === current}
            onClick={() => value && change.mutate({ orderId: order.id, slotId: value })}
          >
            {t('changeSlot.save')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
};
