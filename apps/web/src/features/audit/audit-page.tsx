import type { AuditEntryDto } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { ChevronRight, Download, ScrollText } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { auditFilters, hasAuditFilters } from '../../lib/audit-filters';
import { aboutWords, actionWords, actorWords, entityWords } from '../../lib/audit-words';
import { localDay } from '../../lib/calendar';
import { downloadCsv } from '../../lib/download-csv';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { AuditSearch } from '../../lib/search-params';
import { trpc } from '../../lib/trpc';
import { useLoadMoreList } from '../../lib/use-list';
import { cn } from '../../lib/utils';
import { AuditChanges } from './audit-changes';
import { AuditFilterBar } from './audit-filter-bar';

const PAGE_SIZE = 50;

type AuditPageProps = {
  /** The filters, as the address holds them. */
  search: AuditSearch;
  /** `isTyping`: replace the address rather than add a step to Back. */
  onSearchChange: (search: AuditSearch, isTyping?: boolean) => void;
};

export const AuditPage = ({ search, onSearchChange }: AuditPageProps) => {
  const { t } = useTranslation('audit');
  const filters = auditFilters(search);
  const isFiltered = hasAuditFilters(search);
  const list = useLoadMoreList(
    trpc.audit.list.infiniteQueryOptions({ limit: PAGE_SIZE, ...filters }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const download = useMutation({
    mutationFn: () => downloadCsv({ name: 'audit', params: filters, fileName: `canteen-audit-${localDay()}.csv` }),
    onError: (error) => toast.error(error.message),
  });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button variant="secondary" onClick={() => download.mutate()} isLoading={download.isPending}>
            {download.isPending ? null : <Download aria-hidden />}
            {t('downloadCsv')}
          </Button>
        }
      />
      <Card>
        <AuditFilterBar search={search} onChange={onSearchChange} />
        <ListView
          list={list}
          loadingLabel={t('loading')}
          empty={{ icon: ScrollText, title: t('empty') }}
          isFiltered={isFiltered}
          noMatch={{
            title: t('noMatch.title'),
            description: t('noMatch.description'),
            action: (
              <Button variant="secondary" onClick={() => onSearchChange({})}>
                {t('clearFilters')}
              </Button>
            ),
          }}
        >
          {(entries) => (
            <>
              <AuditTable entries={entries} />
              <div className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 sm:px-6">
                <p className="text-sm text-zinc-600">
                  {t('shown', { count: entries.length, shown: formatNumber(entries.length) })}
                </p>
                {list.more.hasMore ? (
                  <Button variant="secondary" size="sm" onClick={list.more.loadMore} isLoading={list.more.isLoadingMore}>
                    {t('loadMore')}
                  </Button>
                ) : (
                  <p className="text-sm text-zinc-600">{t('end')}</p>
                )}
              </div>
            </>
          )}
        </ListView>
      </Card>
    </>
  );
};

/** Which entries are open, by id. */
const useExpanded = () => {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { isOpen: (id: string) => expanded.has(id), toggle };
};

/** On a phone only the toggle and the "what" cell show; who, when and about move under what. */
const AuditTable = ({ entries }: { entries: AuditEntryDto[] }) => {
  const { t } = useTranslation('audit');
  const expanded = useExpanded();
  return (
    <DataTable
      caption={t('table.caption')}
      rows={entries}
      rowClassName={(entry) => expanded.isOpen(entry.id) && 'bg-zinc-50/70'}
      detail={(entry) =>
        expanded.isOpen(entry.id) ? (
          <tr id={`audit-${entry.id}`} className="bg-zinc-50/70">
            <td colSpan={5} className="px-4 pt-1 pb-4 sm:px-6">
              <AuditDetails entry={entry} />
            </td>
          </tr>
        ) : null
      }
      columns={[
        {
          header: t('table.details'),
          isHeaderHidden: true,
          headerClassName: 'w-10',
          cellClassName: 'pr-0 align-top',
          cell: (entry) => {
            const isOpen = expanded.isOpen(entry.id);
            return (
              <Button
                variant="ghost"
                size="icon"
                className="size-7"
                aria-expanded={isOpen}
                aria-controls={`audit-${entry.id}`}
                aria-label={t(isOpen ? 'table.hideChanges' : 'table.showChanges', {
                  action: actionWords(entry.action),
                  about: aboutWords(entry),
                  at: formatDateTime(entry.at),
                })}
                onClick={() => expanded.toggle(entry.id)}
              >
                <ChevronRight aria-hidden className={cn('transition-transform', isOpen && 'rotate-90')} />
              </Button>
            );
          },
        },
        {
          header: t('table.when'),
          className: 'hidden sm:table-cell',
          cellClassName: 'whitespace-nowrap tabular-nums align-top',
          cell: (entry) => formatDateTime(entry.at),
        },
        {
          header: t('table.who'),
          className: 'hidden sm:table-cell',
          cellClassName: 'max-w-48 align-top',
          cell: (entry) => <span className={cn(!entry.actorId && 'text-zinc-600 italic')}>{actorWords(entry)}</span>,
        },
        {
          header: t('table.what'),
          cellClassName: 'align-top',
          cell: (entry) => (
            <div className="grid gap-0.5">
              <span className="font-medium text-zinc-900">{actionWords(entry.action)}</span>
              <span className="font-mono text-xs break-all text-zinc-600">{entry.action}</span>
              <span className="text-xs text-zinc-600 sm:hidden">
                {actorWords(entry)} · {formatDateTime(entry.at)}
              </span>
              <span className="text-sm text-zinc-800 md:hidden">{aboutWords(entry)}</span>
            </div>
          ),
        },
        {
          header: t('table.about'),
          className: 'hidden md:table-cell',
          cellClassName: 'align-top',
          cell: (entry) => (
            <div className="grid gap-0.5">
              <span className="text-zinc-900">{aboutWords(entry)}</span>
              {entry.entityLabel ? <span className="text-xs text-zinc-600">{entityWords(entry.entity)}</span> : null}
            </div>
          ),
        },
      ]}
    />
  );
};

const AuditDetails = ({ entry }: { entry: AuditEntryDto }) => {
  const { t } = useTranslation('audit');
  return (
    <div className="grid gap-3">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-600">
        <div className="flex min-w-0 gap-1.5">
          <dt>{entityWords(entry.entity)}</dt>
          <dd className="font-mono break-all text-zinc-900">{entry.entityId ?? '—'}</dd>
        </div>
        <div className="flex min-w-0 gap-1.5">
          <dt>{t('details.request')}</dt>
          <dd className="font-mono break-all text-zinc-900">{entry.requestId ?? '—'}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt>{t('details.address')}</dt>
          <dd className="font-mono text-zinc-900">{entry.ip ?? '—'}</dd>
        </div>
      </dl>
      <AuditChanges entry={entry} />
    </div>
  );
};
