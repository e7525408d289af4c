import { hasRole } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ArrowLeft, Printer, ReceiptText, Undo2 } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card, CardContent } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { useSession } from '../../lib/auth';
import { errorCode, errorMessage } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { RateYourLunch } from './rate-lunch';
import { Receipt } from '../../components/receipt';
import { RefundDialog } from '../../components/refund-dialog';

type ReceiptPageProps = { orderId: string; isJustPlaced: boolean };

export const ReceiptPage = ({ orderId, isJustPlaced }: ReceiptPageProps) => {
  const session = useSession();
  const me = session.status === 'signedIn' ? session.user : null;
  const isStaff = me !== null && hasRole(me.role, 'manager');
  const query = useQuery(trpc.order.byId.queryOptions({ id: orderId }));
  const [isRefunding, setIsRefunding] = useState(false);
  const order = query.data;

  return (
    <>
      <PageHeader
        title="Receipt"
        description={isJustPlaced ? undefined : 'What you bought and which payers paid for it.'}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <Button asChild variant="secondary">
              {isStaff && order && order.userId !== me.id ? (
                <Link to="/reports" search={{ tab: 'orders' }}>
                  <ArrowLeft aria-hidden />
                  Back to orders
                </Link>
              ) : (
                <Link to="/orders">
                  <ArrowLeft aria-hidden />
                  Back to orders
                </Link>
              )}
            </Button>
            {order && isStaff && order.userId !== me.id && order.status === 'completed' ? (
              <Button variant="secondary" onClick={() => setIsRefunding(true)}>
                <Undo2 aria-hidden />
                Refund
              </Button>
            ) : null}
            <Button onClick={() => window.print()} disabled={!order}>
              <Printer aria-hidden />
              Print
            </Button>
          </div>
        }
      />
      {isJustPlaced && order ? (
        <Alert tone="success" title="Order placed. Enjoy your meal!" className="mb-6 print:hidden">
          Show this receipt at the counter. The money has been taken from your wallet as shown below.
        </Alert>
      ) : null}
      <Card className="max-w-3xl print:border-0 print:shadow-none">
        <CardContent>
          {query.isPending ? (
            <PageSpinner label="Loading the receipt" />
          ) : query.isError ? (
            errorCode(query.error) === 'NOT_FOUND' ? (
              <EmptyState icon={ReceiptText} title="Receipt not found" description="This order doesn't exist or isn't yours." />
            ) : (
              <Alert>{errorMessage(query.error)}</Alert>
            )
          ) : (
            <Receipt order={query.data} />
          )}
        </CardContent>
      </Card>
      {order && me && order.userId === me.id && order.status === 'completed' ? <RateYourLunch lines={order.lines} /> : null}
      <RefundDialog order={isRefunding && order ? order : null} onClose={() => setIsRefunding(false)} />
    </>
  );
};
