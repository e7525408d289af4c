import { PAYMENT_STATUSES, type PaymentDto, type PaymentStatus } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreditCard, Undo2 } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { type Column, DataTable } from '../../components/data-table';
import { ConfirmDialog } from '../../components/dialog';
import { SwitchField } from '../../components/field';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { PAYMENT_COLUMNS } from '../../components/payment-columns';
import { paymentStatusLabel } from '../../components/payment-status-badge';
import { Select, type SelectOption } from '../../components/select';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { usePagedList } from '../../lib/use-list';

const PAGE_SIZE = 25;
/** After asking for a refund, the list is asked again this often until the provider's webhook has landed. */
const REFUND_POLL_MS = 1_500;
const REFUND_POLL_FOR_MS = 30_000;

type StatusFilter = PaymentStatus | 'all';
/** Built when shown, so the labels are in the language shown. */
const statusOptions = (t: TFunction<'payments'>): SelectOption<StatusFilter>[] => [
  { value: 'all', label: t('anyStatus') },
  ...PAYMENT_STATUSES.map((status) => ({
    value: status,
    // The filter is by status only, so "Refunded" covers partial refunds too.
    label: paymentStatusLabel({ status, amountCents: 1, refundedCents: 1 }),
  })),
];

const refundableCents = (payment: PaymentDto): number =>
  payment.status === 'succeeded' || payment.status === 'refunded' ? payment.amountCents - payment.refundedCents : 0;

/** A refund asked of the provider: which top-up, and its refunded total when it was asked. */
type RequestedRefund = { paymentId: string; refundedCents: number };

/**
 * Admins: every card top-up, with a refund to the card for the paid ones. The provider's refund webhook does
 * the ledger work (what is left of that money is taken back; what was already spent is the shortfall).
 */
export const PaymentsPage = () => {
  const { t } = useTranslation('payments');
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [isShortfallOnly, setIsShortfallOnly] = useState(false);
  const [refunding, setRefunding] = useState<PaymentDto | null>(null);
  const [requested, setRequested] = useState<RequestedRefund[]>([]);
  const isAwaitingRefund = requested.length > 0;
  const list = usePagedList((cursor) =>
    trpc.payment.list.queryOptions(
      {
        limit: PAGE_SIZE,
        cursor,
        ...(status === 'all' ? {} : { status }),
        ...(isShortfallOnly ? { withShortfall: true } : {}),
      },
      { refetchInterval: isAwaitingRefund ? REFUND_POLL_MS : false },
    ),
  );
  // A refund is awaited until the list shows more refunded than when it was asked (or it is given up on).
  useEffect(() => {
    setRequested((current) => {
      const awaited = current.filter((item) => {
        const row = list.items.find((payment) => payment.id === item.paymentId);
        return !row || row.refundedCents <= item.refundedCents;
      });
      return awaited.length === current.length ? current : awaited;
    });
  }, [list.items]);

  const refund = useMutation(
    trpc.payment.refund.mutationOptions({
      onSuccess: async (payment) => {
        toast.success(
          t('requested', { amount: formatMoney(payment.amountCents - payment.refundedCents), name: payment.userName }),
        );
        const request = { paymentId: payment.id, refundedCents: payment.refundedCents };
        setRequested((current) => [...current, request]);
        setTimeout(() => setRequested((current) => current.filter((item) => item !== request)), REFUND_POLL_FOR_MS);
        setRefunding(null);
        await queryClient.invalidateQueries(trpc.payment.pathFilter());
      },
    }),
  );

  const columns: Column<PaymentDto>[] = [
    {
      header: t('table.person'),
      cell: (payment) => (
        <>
          <span className="font-medium text-zinc-900">{payment.userName}</span>
          <span className="block text-xs whitespace-nowrap text-zinc-600 md:hidden">{formatDateTime(payment.createdAt)}</span>
          <span className="mt-1 block sm:hidden">{PAYMENT_COLUMNS.status.cell(payment)}</span>
        </>
      ),
    },
    { ...PAYMENT_COLUMNS.date, className: 'hidden md:table-cell' },
    PAYMENT_COLUMNS.amount,
    {
      header: t('table.status'),
      className: 'hidden sm:table-cell',
      cell: (payment) => (
        <>
          {PAYMENT_COLUMNS.status.cell(payment)}
          {payment.failureReason ? <span className="block text-xs text-zinc-600">{payment.failureReason}</span> : null}
          {requested.some((item) => item.paymentId === payment.id) ? (
            <span className="block text-xs text-zinc-600">{t('table.refundRequested')}</span>
          ) : null}
        </>
      ),
    },
    {
      header: t('table.refunded'),
      cell: (payment) => (payment.refundedCents > 0 ? formatMoney(payment.refundedCents) : '—'),
      className: 'hidden text-right sm:table-cell',
      cellClassName: 'whitespace-nowrap tabular-nums',
    },
    {
      header: t('table.shortfall'),
      cell: (payment) => (payment.refundShortfallCents > 0 ? formatMoney(payment.refundShortfallCents) : '—'),
      className: 'hidden text-right sm:table-cell',
      cellClassName: (payment) =>
        payment.refundShortfallCents > 0 ? 'whitespace-nowrap font-medium text-red-700 tabular-nums' : 'tabular-nums',
    },
    {
      header: t('table.actions'),
      isHeaderHidden: true,
      className: 'text-right',
      cell: (payment) =>
        refundableCents(payment) > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            aria-label={t('table.refundLabel', { amount: formatMoney(refundableCents(payment)), name: payment.userName })}
            onClick={() => {
              refund.reset();
              setRefunding(payment);
            }}
          >
            <Undo2 aria-hidden />
            <span className="hidden sm:inline">{t('table.refund')}</span>
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <div className="grid gap-4 border-b border-zinc-100 p-4 sm:grid-cols-[13rem_minmax(0,1fr)] sm:items-center sm:px-6">
          <Select aria-label={t('statusFilter')} value={status} onValueChange={setStatus} options={statusOptions(t)} />
          <SwitchField
            id="payments-shortfall"
            label={t('shortfallOnly.label')}
            hint={t('shortfallOnly.hint')}
            checked={isShortfallOnly}
            onCheckedChange={setIsShortfallOnly}
            className="sm:justify-start sm:gap-6"
          />
        </div>
        <ListView
          list={list}
          loadingLabel={t('loading')}
          pagesLabel={t('pages')}
          empty={{ icon: CreditCard, title: t('empty.title'), description: t('empty.description') }}
          isFiltered={status !== 'all' || isShortfallOnly}
          noMatch={{ icon: CreditCard, title: t('noMatch.title'), description: t('noMatch.description') }}
        >
          {(payments) => <DataTable caption={t('table.caption')} rows={payments} columns={columns} />}
        </ListView>
      </Card>
      <ConfirmDialog
        isOpen={refunding !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) setRefunding(null);
        }}
        title={
          refunding
            ? t('confirm.title', { amount: formatMoney(refundableCents(refunding)), name: refunding.userName })
            : t('confirm.titleFallback')
        }
        description={
          refunding
            ? t('confirm.description', {
                amount: formatMoney(refundableCents(refunding)),
                date: formatDateTime(refunding.createdAt),
                name: refunding.userName,
              })
            : ''
        }
        confirmLabel={
          refunding ? t('confirm.button', { amount: formatMoney(refundableCents(refunding)) }) : t('confirm.buttonFallback')
        }
        onConfirm={() => {
          if (refunding) refund.mutate({ paymentId: refunding.id });
        }}
        isPending={refund.isPending}
        error={refund.error ? errorMessage(refund.error) : null}
      />
    </>
  );
};
