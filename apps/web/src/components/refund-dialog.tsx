import { MAX_NOTE_LENGTH } from '@canteen/shared/constants';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('common');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const refund = useMutation(
    trpc.order.refund.mutationOptions({
      onSuccess: async (refunded) => {
        queryClient.setQueryData(trpc.order.byId.queryKey({ id: refunded.id }), refunded);
        toast.success(t('refund.done', { amount: formatMoney(refunded.totalCents), name: refunded.userName }));
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
      title={t('refund.title', { number: order ? orderNumber(order.id) : '' })}
      description={
        order
          ? t('refund.description', { amount: formatMoney(order.totalCents), name: order.userName })
          : t('refund.descriptionWithoutOrder')
      }
      error={refund.error ? errorMessage(refund.error) : null}
      onSubmit={() => {
        if (order) refund.mutate({ orderId: order.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      }}
      submitLabel={t('refund.submit', { amount: order ? formatMoney(order.totalCents) : '' })}
      submitVariant="danger"
      isSubmitting={refund.isPending}
    >
      <Field label={t('refund.reason')} hint={t('refund.reasonHint')}>
        <Textarea value={reason} maxLength={MAX_NOTE_LENGTH} rows={2} onChange={(event) => setReason(event.target.value)} />
      </Field>
    </FormDialog>
  );
};
