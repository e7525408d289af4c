import type { KitchenTicket } from '@canteen/shared';
import { type OpenStatus, OPEN_STATUSES, nextKitchenStatus, previousKitchenStatus } from '@canteen/shared/lifecycle';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ChefHat, ClipboardList, Clock, ScanLine, Store } from 'lucide-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { ErrorAlert } from '../../components/alert';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { OrderStatusBadge } from '../../components/order-status-badge';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { canteenToday, useCanteenConfig } from '../../lib/canteen-config';
import { errorMessage, errorReason } from '../../lib/errors';
import { orderNumber } from '../../lib/format';
import { useLiveState, withTicket } from '../../lib/live-events';
import { formatPickup, formatPickupTime, groupBySlot } from '../../lib/pickup';
import { trpc } from '../../lib/trpc';
import { cn } from '../../lib/utils';

/** The time now, moving on every `everyMs`: how long tickets have waited. */
const useNow = (everyMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
};

/** Waiting this long turns a ticket amber, then red. */
const SLOW_MINUTES = 10;
const LATE_MINUTES = 15;

const COLUMN_TONES: Record<OpenStatus, string> = {
  placed: 'border-sky-300 bg-sky-50/60',
  preparing: 'border-violet-300 bg-violet-50/60',
  ready: 'border-emerald-300 bg-emerald-50/60',
};

const ConnectionBadge = () => {
  const { t } = useTranslation('kitchen');
  const state = useLiveState();
  return (
    <Badge tone={state === 'live' ? 'green' : 'amber'} role="status" className="text-sm">
      <span aria-hidden className={cn('size-2 rounded-full', state === 'live' ? 'bg-emerald-600' : 'bg-amber-500')} />
      {t(`connection.${state}`)}
    </Badge>
  );
};

type TicketCardProps = {
  ticket: KitchenTicket;
  now: number;
  isMoving: boolean;
  onMove: (ticket: KitchenTicket) => void;
  /** Under a pickup time's heading on the display (h3), a ticket's number is an h4. */
  headingLevel?: 'h3' | 'h4';
};

const TicketCard = ({ ticket, now, isMoving, onMove, headingLevel: Heading = 'h3' }: TicketCardProps) => {
  const { t } = useTranslation('kitchen');
  const number = orderNumber(ticket.id);
  const minutes = Math.max(0, Math.floor((now - Date.parse(ticket.createdAt)) / 60_000));
  const next = nextKitchenStatus(ticket.status);
  const headingId = `ticket-${ticket.id}`;
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm"
        data-testid="kitchen-ticket"
        data-status={ticket.status}
      >
        <header className="flex items-start justify-between gap-3">
          <div className="grid min-w-0">
            <Heading id={headingId} className="font-mono text-2xl font-semibold tracking-tight text-zinc-900 xl:text-3xl">
              <span className="sr-only">{t('ticket.label', { number, name: ticket.userName })}</span>
              <span aria-hidden>#{number.slice(-4)}</span>
            </Heading>
            <p className="truncate text-base text-zinc-700 xl:text-lg" aria-hidden>
              {ticket.userName}
            </p>
          </div>
          <div className="flex flex-col items-end gap-1">
            <span
              className={cn(
                'rounded-md px-2 py-0.5 text-base font-semibold tabular-nums',
                minutes >= LATE_MINUTES
                  ? 'bg-red-100 text-red-800'
                  : minutes >= SLOW_MINUTES
                    ? 'bg-amber-100 text-amber-900'
                    : 'bg-zinc-100 text-zinc-700',
              )}
              aria-label={t('ticket.waitedLabel', { minutes })}
            >
              {minutes === 0 ? t('ticket.justNow') : t('ticket.waited', { count: minutes })}
            </span>
            {ticket.isTillOrder ? (
              <Badge tone="neutral">
                <Store aria-hidden className="size-3" />
                {t('ticket.till')}
              </Badge>
            ) : null}
          </div>
        </header>
        <ul className="grid gap-1 text-lg text-zinc-900 xl:text-xl">
          {ticket.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a dish may be on several lines; they never reorder
            <li key={`${line.productId}-${index}`} className="flex gap-2">
              <span className="min-w-8 font-semibold tabular-nums">{line.quantity}×</span>
              <span className="grid min-w-0 break-words">
                <span>{line.productName}</span>
                {line.options.length ? (
                  <span className="text-base font-normal text-zinc-700">
                    {line.options.map((option) => `${option.groupName}: ${option.name}`).join(' · ')}
                  </span>
                ) : null}
                {line.note ? (
                  <span className="mt-0.5 rounded bg-amber-100 px-1.5 py-0.5 text-base font-medium text-amber-950">
                    {line.note}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        {next ? (
          <Button
            size="lg"
            className="h-14 w-full text-lg"
            variant={ticket.status === 'ready' ? 'secondary' : 'primary'}
            isLoading={isMoving}
            onClick={() => onMove(ticket)}
            aria-label={`${t(`actions.${ticket.status as OpenStatus}`)}: #${number}`}
          >
            {t(`actions.${ticket.status as OpenStatus}`)}
          </Button>
        ) : (
          <OrderStatusBadge status={ticket.status} />
        )}
      </article>
    </li>
  );
};

type SlotGroupsProps = {
  status: OpenStatus;
  tickets: KitchenTicket[];
  now: number;
  moving: ReadonlySet<string>;
  onMove: (ticket: KitchenTicket) => void;
};

/**
 * A column's tickets by pickup time: a heading per slot ("12:15"; an earlier day's open ticket says its day too),
 * then those for as soon as possible, each in the queue's order.
 */
const SlotGroups = ({ status, tickets, now, moving, onMove }: SlotGroupsProps) => {
  const { t } = useTranslation('kitchen');
  const { t: common } = useTranslation('common');
  const { timeZone } = useCanteenConfig();
  const today = canteenToday();
  return (
    <div className="grid gap-4">
      {groupBySlot(tickets).map((group, index) => {
        const headingId = `column-${status}-slot-${index}`;
        const day = group.tickets[0]?.pickupDay ?? today;
        const label =
          group.at === null
            ? common('pickup.asap')
            : day === today
              ? formatPickupTime(group.at, timeZone)
              : formatPickup(day, group.at, timeZone);
        return (
          <div
            key={group.at ?? 'asap'}
            role="group"
            aria-labelledby={headingId}
            className="grid gap-2"
            data-testid="kitchen-slot"
          >
            <h3
              id={headingId}
              className="flex items-baseline justify-between gap-2 border-b border-zinc-900/10 px-1 pb-1 text-lg font-semibold text-zinc-900"
            >
              <span className="flex items-center gap-1.5 tabular-nums">
                <Clock aria-hidden className="size-4 self-center text-zinc-600" />
                {label}
              </span>
              <span className="text-sm font-medium text-zinc-600">{t('count', { count: group.tickets.length })}</span>
            </h3>
            <ol className="grid gap-3">
              {group.tickets.map((ticket) => (
                <TicketCard
                  key={ticket.id}
                  ticket={ticket}
                  now={now}
                  isMoving={moving.has(ticket.id)}
                  onMove={onMove}
                  headingLevel="h4"
                />
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
};

/**
 * The counter: the number a person shows (or the QR code on their receipt, which a scanner types followed by Enter)
 * finds their order; its next step is one tap away, usually "Collected".
 */
const Counter = ({ onMove, moving }: { onMove: (ticket: KitchenTicket) => void; moving: ReadonlySet<string> }) => {
  const { t } = useTranslation('kitchen');
  const [code, setCode] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const found = useQuery({ ...trpc.kitchen.lookup.queryOptions({ code: asked ?? '' }), enabled: asked !== null });
  const now = useNow(20_000);
  return (
    <section aria-labelledby="counter" className="grid gap-3 rounded-2xl border border-zinc-200 bg-white p-4">
      <h2 id="counter" className="text-xl font-semibold text-zinc-900">
        {t('counter.title')}
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim().length >= 4) setAsked(code.trim());
        }}
      >
        <Field label={t('counter.label')} hint={t('counter.hint')} className="min-w-56 flex-1">
          <Input value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" className="h-12 text-lg" />
        </Field>
        <Button type="submit" size="lg" className="h-12" isLoading={found.isFetching}>
          <ScanLine aria-hidden />
          {t('counter.find')}
        </Button>
      </form>
      {asked !== null && found.data ? (
        found.data.tickets.length === 0 ? (
          <p role="status" className="text-base text-zinc-700">
            {t('counter.notFound')}
          </p>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label={t('counter.title')}>
            {found.data.tickets.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} now={now} isMoving={moving.has(ticket.id)} onMove={onMove} />
            ))}
          </ul>
        )
      ) : null}
      {asked !== null ? (
        <div>
          <Button
            variant="ghost"
            onClick={() => {
              setAsked(null);
              setCode('');
            }}
          >
            {t('counter.close')}
          </Button>
        </div>
      ) : null}
    </section>
  );
};

/**
 * The kitchen display (issue 14), for a wall screen or a tablet: open orders as tickets in columns by state,
 * oldest first, each with its lines and how long it has waited; one tap (or Enter) moves a ticket on, with an undo;
 * the all-day count of what is still to prepare. Live: new orders and moves by other screens arrive within a second.
 */
export const KitchenPage = () => {
  const { t } = useTranslation('kitchen');
  const { t: common } = useTranslation('common');
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.kitchen.queue.queryOptions({}));
  const now = useNow(20_000);
  const [moving, setMoving] = useState<ReadonlySet<string>>(new Set());
  const move = useMutation(trpc.kitchen.setStatus.mutationOptions());

  const moveTicket = async (ticket: KitchenTicket, to: KitchenTicket['status'], { isUndo = false } = {}) => {
    setMoving((ids) => new Set(ids).add(ticket.id));
    try {
      const moved = await move.mutateAsync({ orderId: ticket.id, status: to as 'placed', from: ticket.status });
      queryClient.setQueryData(trpc.kitchen.queue.queryKey({}), (data) =>
        data ? withTicket(data, moved, canteenToday()) : data,
      );
      void queryClient.invalidateQueries({ queryKey: trpc.kitchen.lookup.pathKey() });
      if (isUndo) return;
      const back = previousKitchenStatus(moved.status);
      toast.success(
        t('actions.moved', { number: orderNumber(moved.id).slice(-4), status: common(`orderStatus.${moved.status}`) }),
        {
          id: `kitchen-${moved.id}`,
          action: back ? { label: t('actions.undo'), onClick: () => void moveTicket(moved, back, { isUndo: true }) } : undefined,
        },
      );
    } catch (error) {
      toast.error(errorMessage(error));
      // Moved elsewhere meanwhile: show where it is now.
      if (errorReason(error)) void queryClient.invalidateQueries({ queryKey: trpc.kitchen.queue.queryKey({}) });
    } finally {
      setMoving((ids) => {
        const rest = new Set(ids);
        rest.delete(ticket.id);
        return rest;
      });
    }
  };

  if (queue.isPending) return <PageSpinner />;
  if (queue.isError) return <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  const { tickets, allDay } = queue.data;

  return (
    <div className="grid gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button asChild variant="secondary" size="sm">
              <Link to="/kitchen/sheet">
                <ClipboardList aria-hidden />
                {t('sheet.link')}
              </Link>
            </Button>
            <ConnectionBadge />
          </>
        }
      />
      <Counter
        moving={moving}
        onMove={(ticket) => {
          const next = nextKitchenStatus(ticket.status);
          if (next) void moveTicket(ticket, next);
        }}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="grid gap-4 md:grid-cols-3">
          {OPEN_STATUSES.map((status) => {
            const column = tickets.filter((ticket) => ticket.status === status);
            const headingId = `column-${status}`;
            return (
              <section
                key={status}
                aria-labelledby={headingId}
                className={cn('grid content-start gap-3 rounded-2xl border-2 p-3', COLUMN_TONES[status])}
              >
                <h2 id={headingId} className="flex items-baseline justify-between px-1 text-xl font-semibold text-zinc-900">
                  {t(`columns.${status}`)}
                  <span className="text-base font-medium text-zinc-600">{t('count', { count: column.length })}</span>
                </h2>
                {column.length === 0 ? (
                  <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-8 text-center text-base text-zinc-600">
                    {t(`empty.${status}`)}
                  </p>
                ) : (
                  <SlotGroups
                    status={status}
                    tickets={column}
                    now={now}
                    moving={moving}
                    onMove={(current) => {
                      const next = nextKitchenStatus(current.status);
                      if (next) void moveTicket(current, next);
                    }}
                  />
                )}
              </section>
            );
          })}
        </div>
        {/* On a tablet the all-day count is a strip above the columns; on a wall screen a column of its own. */}
        <aside
          aria-labelledby="all-day"
          className="order-first grid content-start gap-3 rounded-2xl border border-zinc-200 bg-white p-4 xl:order-none"
        >
          <div className="grid gap-0.5">
            <h2 id="all-day" className="flex items-center gap-2 text-xl font-semibold text-zinc-900">
              <ChefHat aria-hidden className="size-5" />
              {t('allDay.title')}
            </h2>
            <p className="text-sm text-zinc-600">{t('allDay.description')}</p>
          </div>
          {allDay.length === 0 ? (
            <p className="text-base text-zinc-600">{t('allDay.empty')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2 text-lg xl:grid xl:gap-1.5" data-testid="all-day">
              {allDay.map((count) => (
                <li
                  key={count.productId}
                  className="flex items-baseline gap-2 rounded-lg bg-zinc-100 px-3 py-1 xl:justify-between xl:gap-3 xl:rounded-none xl:border-b xl:border-zinc-100 xl:bg-transparent xl:px-0 xl:pt-0 xl:pb-1.5"
                >
                  <span className="font-semibold tabular-nums text-zinc-900 xl:order-last">{count.quantity}</span>
                  <span className="min-w-0 break-words text-zinc-900">{count.productName}</span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
};
