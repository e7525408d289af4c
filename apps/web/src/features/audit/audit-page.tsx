import type { AuditEntryDto } from '@canteen/shared';
import { useMutation } from '@tanstack/react-query';
import { ChevronRight, Download, ScrollText } from 'lucide-react';
import { useState } from 'react';
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
import { formatDateTime } from '../../lib/format';
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
        title="Audit log"
        description="Every change and sign-in event, newest first. Secrets are never recorded."
        actions={
          <Button variant="secondary" onClick={() => download.mutate()} isLoading={download.isPending}>
            {download.isPending ? null : <Download aria-hidden />}
            Download CSV
          </Button>
        }
      />
      <Card>
        <AuditFilterBar search={search} onChange={onSearchChange} />
        <ListView
          list={list}
          loadingLabel="Loading audit entries"
          empty={{ icon: ScrollText, title: 'Nothing recorded yet' }}
          isFiltered={isFiltered}
          noMatch={{
            title: 'No entries match',
            description: 'Actions match from the start (wallet. finds every wallet action); both days are included.',
            action: (
              <Button variant="secondary" onClick={() => onSearchChange({})}>
                Clear filters
              </Button>
            ),
          }}
        >
          {(entries) => (
            <>
              <AuditTable entries={entries} />
              <div className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 sm:px-6">
                <p className="text-sm text-zinc-600">
                  {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown
                </p>
                {list.more.hasMore ? (
                  <Button variant="secondary" size="sm" onClick={list.more.loadMore} isLoading={list.more.isLoadingMore}>
                    Load more
                  </Button>
                ) : (
                  <p className="text-sm text-zinc-600">End of the log</p>
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
  const expanded = useExpanded();
  return (
    <DataTable
      caption="Audit entries"
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
          header: 'Details',
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
                aria-label={`${isOpen ? 'Hide' : 'Show'} changes: ${actionWords(entry.action)}, ${aboutWords(entry)}, ${formatDateTime(entry.at)}`}
                onClick={() => expanded.toggle(entry.id)}
              >
                <ChevronRight aria-hidden className={cn('transition-transform', isOpen && 'rotate-90')} />
              </Button>
            );
          },
        },
        {
          header: 'When',
          className: 'hidden sm:table-cell',
          cellClassName: 'whitespace-nowrap tabular-nums align-top',
          cell: (entry) => formatDateTime(entry.at),
        },
        {
          header: 'Who',
          className: 'hidden sm:table-cell',
          cellClassName: 'max-w-48 align-top',
          cell: (entry) => <span className={cn(!entry.actorId && 'text-zinc-600 italic')}>{actorWords(entry)}</span>,
        },
        {
          header: 'What',
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
          header: 'About',
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

const AuditDetails = ({ entry }: { entry: AuditEntryDto }) => (
  <div className="grid gap-3">
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-600">
      <div className="flex min-w-0 gap-1.5">
        <dt>{entityWords(entry.entity)}</dt>
        <dd className="font-mono break-all text-zinc-900">{entry.entityId ?? '—'}</dd>
      </div>
      <div className="flex min-w-0 gap-1.5">
        <dt>Request</dt>
        <dd className="font-mono break-all text-zinc-900">{entry.requestId ?? '—'}</dd>
      </div>
      <div className="flex gap-1.5">
        <dt>Address</dt>
        <dd className="font-mono text-zinc-900">{entry.ip ?? '—'}</dd>
      </div>
    </dl>
    <AuditChanges entry={entry} />
  </div>
);
