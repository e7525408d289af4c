import { MAX_NOTE_LENGTH } from '@canteen/shared/constants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Field } from './field';
import { FormDialog } from './form-dialog';
import { Textarea } from './textarea';
import { errorMessage } from '../lib/errors';
import { formatMoney } from '../lib/money';
import { trpc } from '../lib/trpc';
import { orderNumber } from '../lib/format';

type RefundTarget = { id: string; totalCents: number; userName: string };
type RefundDialogProps = { order: RefundTarget | null; onClose: () => void };

/** Confirms a refund: each payer gets its share back and tracked stock returns to the shelf. */
export const RefundDialog = ({ order, onClose }: RefundDialogProps) => {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const refund = useMutation(
    trpc.order.refund.mutationOptions({
      onSuccess: async (refunded) => {
        queryClient.setQueryData(trpc.order.byId.queryKey({ id: refunded.id }), refunded);
        toast.success(`Refunded ${formatMoney(refunded.totalCents)} to ${refunded.userName}.`);
        onClose();
        await Promise.all([
          queryClient.invalidateQueries(trpc.order.pathFilter()),
          queryClient.invalidateQueries(trpc.wallet.pathFilter()),
          queryClient.invalidateQueries(trpc.product.pathFilter()),
        ]);
      },
    }),
  );
  return (
    <FormDialog
      isOpen={order !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      size="sm"
      title={`Refund order #${order ? orderNumber(order.id) : ''}?`}
      description={`${order ? `${formatMoney(order.totalCents)} goes back to ${order.userName}'s wallet, ` : ''}each payer gets back exactly what it paid, and tracked stock returns to the shelf. This cannot be undone.`}
      error={refund.error ? errorMessage(refund.error) : null}
      onSubmit={() => {
        if (order) refund.mutate({ orderId: order.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      }}
      submitLabel={`Refund ${order ? formatMoney(order.totalCents) : ''}`}
      submitVariant="danger"
      isSubmitting={refund.isPending}
    >
      <Field label="Reason (optional)" hint="Shown in the wallet history, e.g. “Dish was cold”.">
        <Textarea value={reason} maxLength={MAX_NOTE_LENGTH} rows={2} onChange={(event) => setReason(event.target.value)} />
      </Field>
    </FormDialog>
  );
};
