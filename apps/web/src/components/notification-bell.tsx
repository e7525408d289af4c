import type { NotificationDto } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Bell } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, orderNumber } from '../lib/format';
import { formatMoney } from '../lib/money';
import { trpc } from '../lib/trpc';
import { cn } from '../lib/utils';
import { Button } from './button';
import { Popover, PopoverContent, PopoverTrigger } from './popover';
import { Spinner } from './spinner';

/** A notification in words, in the language shown, and where it leads. */
export const useNotificationWords = () => {
  const { t } = useTranslation('notifications');
  return (notification: NotificationDto) => {
    const { payload } = notification;
    const values = {
      number: payload.orderId ? orderNumber(payload.orderId) : '',
      amount: formatMoney(payload.amountCents ?? 0),
      balance: formatMoney(payload.balanceCents ?? 0),
      threshold: formatMoney(payload.thresholdCents ?? 0),
      channel: payload.blogName ?? '',
      postTitle: payload.postTitle ?? '',
    };
    return {
      title: t(`kinds.${notification.kind}.title`, values),
      body: t(`kinds.${notification.kind}.body`, values),
      /** Where it leads: the order's receipt, or the wallet. */
      link: payload.postId
        ? { to: '/news/$postId' as const, params: { postId: payload.postId } }
        : payload.orderId
          ? { to: '/orders/$orderId' as const, params: { orderId: payload.orderId } }
          : { to: '/wallet' as const },
    };
  };
};

const PAGE = 10;

/**
 * The bell in the header: the person's latest notifications and how many are unread, kept current by the live
 * events. Opening one marks it read; "Mark all as read" clears the count.
 */
export const NotificationBell = () => {
  const { t } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const words = useNotificationWords();
  const [isOpen, setIsOpen] = useState(false);
  const list = useQuery(trpc.notification.list.queryOptions({ limit: PAGE }));
  const markRead = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.notification.list.pathKey() }),
    }),
  );
  const unread = list.data?.unreadCount ?? 0;
  return (
    <Popover open={isOpen} onOpenChange={setIsOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={unread ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
        >
          <Bell aria-hidden />
          {unread ? (
            <span
              aria-hidden
              className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-red-600 px-1 text-center text-[11px] leading-4.5 font-semibold text-white tabular-nums"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-3">
          <h2 className="text-sm font-semibold text-zinc-900">{t('bell.title')}</h2>
          {unread ? (
            <Button variant="link" size="sm" onClick={() => markRead.mutate({ all: true })} isLoading={markRead.isPending}>
              {t('bell.markAll')}
            </Button>
          ) : null}
        </div>
        {list.isPending ? (
          <div className="flex justify-center py-6">
            <Spinner label={t('bell.loading')} />
          </div>
        ) : list.data?.items.length ? (
          <ul className="max-h-96 divide-y divide-zinc-100 overflow-y-auto" aria-label={t('bell.title')}>
            {list.data.items.map((notification) => {
              const text = words(notification);
              return (
                <li key={notification.id}>
                  <Link
                    {...text.link}
                    onClick={() => {
                      setIsOpen(false);
                      if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
                    }}
                    className={cn(
                      'grid gap-0.5 px-4 py-3 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-600',
                      !notification.readAt && 'bg-emerald-50/60',
                    )}
                  >
                    <span className={cn('text-zinc-900', !notification.readAt && 'font-semibold')}>{text.title}</span>
                    <span className="text-zinc-600">{text.body}</span>
                    <span className="text-xs text-zinc-600">{formatDateTime(notification.createdAt)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="px-4 py-6 text-sm text-zinc-600">{t('bell.empty')}</p>
        )}
      </PopoverContent>
    </Popover>
  );
};
