import { isMoneyReturned, isRefundable } from '@canteen/shared/lifecycle';
import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ArrowLeft, Printer, ReceiptText, RotateCcw, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { useSession } from '../../lib/auth';
import { errorCode, errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useOrderAgain } from '../../lib/use-order-again';
import { OrderProgress } from './order-progress';
import { RateYourLunch } from './rate-lunch';
import { Receipt } from '../../components/receipt';
import { RefundDialog } from '../../components/refund-dialog';

type ReceiptPageProps = { orderId: string; isJustPlaced: boolean };

/** Lunch is rated after it is eaten: the receipt asks from this long after the order, not at the counter. */
export const RATE_AFTER_MINUTES = 20;
const isTimeToRate = (createdAt: string): boolean => Date.now() - Date.parse(createdAt) >= RATE_AFTER_MINUTES * 60_000;

export const ReceiptPage = ({ orderId, isJustPlaced }: ReceiptPageProps) => {
  const { t } = useTranslation('orders');
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const isStaff = me !== null && hasRole(me.role, 'manager');
  const query = useQuery(trpc.order.byId.queryOptions({ id: orderId }));
  const [isRefunding, setIsRefunding] = useState(false);
  const again = useOrderAgain();
  const order = query.data;
  const isOwn = Boolean(order && me && order.userId === me.id);

  return (
    <>
      {/* On paper the receipt is the page: it starts with the canteen's letterhead, without the app's heading. */}
      <div className="print:hidden">
        <PageHeader
          title={t('receipt.title')}
          description={isJustPlaced ? undefined : t('receipt.description')}
          actions={
            <div className="flex flex-wrap gap-2 print:hidden">
              <Button asChild variant="secondary">
                {isStaff && order && order.userId !== me.id ? (
                  <Link to="/reports" search={{ tab: 'orders' }}>
                    <ArrowLeft aria-hidden />
                    {t('receipt.back')}
                  </Link>
                ) : (
                  <Link to="/orders">
                    <ArrowLeft aria-hidden />
                    {t('receipt.back')}
                  </Link>
                )}
              </Button>
              {order && isStaff && order.userId !== me.id && isRefundable(order.status) ? (
                <Button variant="secondary" onClick={() => setIsRefunding(true)}>
                  <Undo2 aria-hidden />
                  {t('receipt.refund')}
                </Button>
              ) : null}
              {order && isOwn ? (
                <Button
                  variant="secondary"
                  isLoading={again.pendingId === order.id}
                  onClick={() => void again.orderAgain(order.id)}
                >
                  <RotateCcw aria-hidden />
                  {t('again.button')}
                </Button>
              ) : null}
              <Button onClick={() => window.print()} disabled={!order}>
                <Printer aria-hidden />
                {t('receipt.print')}
              </Button>
            </div>
          }
        />
      </div>
      {isJustPlaced && order ? (
        <Alert tone="success" title={t('receipt.placedTitle')} className="mb-6 print:hidden">
          {t('receipt.placedText')}
        </Alert>
      ) : null}
      {order ? <OrderProgress order={order} isOwn={isOwn} /> : null}
      <Card className="max-w-3xl print:max-w-none print:border-0 print:shadow-none">
        <CardContent className="print:p-0">
          {query.isPending ? (
            <PageSpinner label={t('receipt.loading')} />
          ) : query.isError ? (
            errorCode(query.error) === 'NOT_FOUND' ? (
              <EmptyState
                icon={ReceiptText}
                title={t('receipt.notFound.title')}
                description={t('receipt.notFound.description')}
              />
            ) : (
              <Alert>{errorMessage(query.error)}</Alert>
            )
          ) : (
            <Receipt order={query.data} />
          )}
        </CardContent>
      </Card>
      {order && isOwn && !isMoneyReturned(order.status) ? (
        isTimeToRate(order.createdAt) ? (
          <RateYourLunch lines={order.lines} />
        ) : (
          <p className="mt-4 max-w-3xl text-sm text-zinc-600 print:hidden">{t('rate.later')}</p>
        )
      ) : null}
      <RefundDialog order={isRefunding && order ? order : null} onClose={() => setIsRefunding(false)} />
    </>
  );
};
