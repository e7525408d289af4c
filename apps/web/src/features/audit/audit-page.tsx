import type { AuditEntryDto } from '@canteen/shared';
import { ChevronRight, ScrollText } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { ListView } from '../../components/list-view';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useLoadMoreList, useSearchBox } from '../../lib/use-list';
import { cn } from '../../lib/utils';

const PAGE_SIZE = 50;

const actionTone = (action: string) => {
  if (/delete|locked|failed|reused|revoke/.test(action)) return 'red' as const;
  if (/create|login$/.test(action)) return 'green' as const;
  if (/update|change|reset|totp/.test(action)) return 'amber' as const;
  return 'neutral' as const;
};

export const AuditPage = () => {
  const action = useSearchBox();
  const entity = useSearchBox();
  const list = useLoadMoreList(
    trpc.audit.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(action.term ? { action: action.term } : {}), ...(entity.term ? { entity: entity.term } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  return (
    <>
      <PageHeader title="Audit log" description="Every change and sign-in event, newest first. Secrets are never recorded." />
      <Card>
        <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:max-w-2xl">
          <Field label="Action starts with">
            <Input type="search" placeholder="e.g. user.update or auth." {...action.inputProps} />
          </Field>
          <Field label="Entity">
            <Input type="search" placeholder="e.g. User, Department, Session" {...entity.inputProps} />
          </Field>
        </div>
        <ListView
          list={list}
          loadingLabel="Loading audit entries"
          empty={{ icon: ScrollText, title: 'Nothing recorded yet' }}
          isFiltered={Boolean(action.term || entity.term)}
          noMatch={{
            title: 'No entries match',
            description: 'Entity names are exact (e.g. User); actions match from the start.',
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

const AuditTable = ({ entries }: { entries: AuditEntryDto[] }) => {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <DataTable
      caption="Audit entries"
      rows={entries}
      rowClassName={(entry) => expanded.has(entry.id) && 'bg-zinc-50/70'}
      detail={(entry) =>
        expanded.has(entry.id) ? (
          <tr id={`audit-${entry.id}`} className="bg-zinc-50/70">
            <td colSpan={6} className="px-5 pt-1 pb-4 sm:px-6">
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
          cellClassName: 'pr-0',
          cell: (entry) => {
            const isOpen = expanded.has(entry.id);
            return (
              <Button
                variant="ghost"
                size="icon"
                className="size-7"
                aria-expanded={isOpen}
                aria-controls={`audit-${entry.id}`}
                aria-label={`${isOpen ? 'Hide' : 'Show'} details of ${entry.action} at ${formatDateTime(entry.at)}`}
                onClick={() => toggle(entry.id)}
              >
                <ChevronRight aria-hidden className={cn('transition-transform', isOpen && 'rotate-90')} />
              </Button>
            );
          },
        },
        { header: 'Time', cell: (entry) => formatDateTime(entry.at), cellClassName: 'whitespace-nowrap tabular-nums' },
        {
          header: 'Actor',
          cellClassName: 'max-w-52 truncate',
          cell: (entry) =>
            entry.actorEmail ?? (
              <span className="text-zinc-600" title="Not signed in when it happened (e.g. a sign-in)">
                —
              </span>
            ),
        },
        {
          header: 'Action',
          cell: (entry) => (
            <Badge tone={actionTone(entry.action)} className="font-mono">
              {entry.action}
            </Badge>
          ),
        },
        { header: 'Entity', cell: (entry) => entry.entity },
        {
          header: 'Entity id',
          className: 'hidden md:table-cell',
          cellClassName: 'font-mono text-xs',
          cell: (entry) => (entry.entityId ? <span title={entry.entityId}>{entry.entityId.slice(0, 13)}…</span> : '—'),
        },
      ]}
    />
  );
};

const JsonBlock = ({ title, value }: { title: string; value: unknown }) => (
  <div className="grid min-w-0 content-start gap-1.5">
    <p className="text-xs font-medium tracking-wide text-zinc-600 uppercase">{title}</p>
    {value ? (
      <pre className="max-h-72 overflow-auto rounded-lg border border-zinc-200 bg-white p-3 font-mono text-xs leading-relaxed text-zinc-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    ) : (
      <p className="rounded-lg border border-dashed border-zinc-300 p-3 text-xs text-zinc-600">Nothing</p>
    )}
  </div>
);

const AuditDetails = ({ entry }: { entry: AuditEntryDto }) => (
  <div className="grid gap-3">
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-600">
      <div className="flex gap-1.5">
        <dt>Entity id</dt>
        <dd className="font-mono text-zinc-900">{entry.entityId ?? '—'}</dd>
      </div>
      <div className="flex gap-1.5">
        <dt>Request</dt>
        <dd className="font-mono text-zinc-900">{entry.requestId ?? '—'}</dd>
      </div>
      <div className="flex gap-1.5">
        <dt>IP</dt>
        <dd className="font-mono text-zinc-900">{entry.ip ?? '—'}</dd>
      </div>
    </dl>
    <div className="grid gap-3 md:grid-cols-2">
      <JsonBlock title="Before" value={entry.before} />
      <JsonBlock title="After" value={entry.after} />
    </div>
  </div>
);
