import type { RouterOutputs } from '@canteen/api/trpc';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ChevronRight, ScrollText, SearchX } from 'lucide-react';
import { Fragment, useState } from 'react';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { TBody, TD, TH, THead, TR, Table } from '../../components/table';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { cn } from '../../lib/utils';

type AuditEntry = RouterOutputs['audit']['list']['items'][number];

const PAGE_SIZE = 50;

const actionTone = (action: string) => {
  if (/delete|locked|failed|reused|revoke/.test(action)) return 'red' as const;
  if (/create|login$/.test(action)) return 'green' as const;
  if (/update|change|reset|totp/.test(action)) return 'amber' as const;
  return 'neutral' as const;
};

export const AuditPage = () => {
  const [actionText, setActionText] = useState('');
  const [entityText, setEntityText] = useState('');
  const action = useDebouncedValue(actionText.trim(), 300);
  const entity = useDebouncedValue(entityText.trim(), 300);
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(action ? { action } : {}), ...(entity ? { entity } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  const hasFilters = Boolean(action || entity);

  return (
    <>
      <PageHeader title="Audit log" description="Every change and sign-in event, newest first. Secrets are never recorded." />
      <Card>
        <div className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 sm:px-6 lg:max-w-2xl">
          <Field label="Action starts with">
            <Input
              type="search"
              placeholder="e.g. user.update or auth."
              value={actionText}
              onChange={(event) => setActionText(event.target.value)}
            />
          </Field>
          <Field label="Entity">
            <Input
              type="search"
              placeholder="e.g. User, Department, Session"
              value={entityText}
              onChange={(event) => setEntityText(event.target.value)}
            />
          </Field>
        </div>
        {query.isPending ? (
          <PageSpinner label="Loading audit entries" />
        ) : query.isError ? (
          <div className="p-5">
            <Alert>{errorMessage(query.error)}</Alert>
          </div>
        ) : entries.length === 0 ? (
          <EmptyState
            icon={hasFilters ? SearchX : ScrollText}
            title={hasFilters ? 'No entries match' : 'Nothing recorded yet'}
            description={hasFilters ? 'Entity names are exact (e.g. User); actions match from the start.' : undefined}
          />
        ) : (
          <>
            <AuditTable entries={entries} />
            <div className="flex items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 sm:px-6">
              <p className="text-sm text-zinc-600">
                {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown
              </p>
              {query.hasNextPage ? (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => void query.fetchNextPage()}
                  isLoading={query.isFetchingNextPage}
                >
                  Load more
                </Button>
              ) : (
                <p className="text-sm text-zinc-600">End of the log</p>
              )}
            </div>
          </>
        )}
      </Card>
    </>
  );
};

const AuditTable = ({ entries }: { entries: AuditEntry[] }) => {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Table>
      <caption className="sr-only">Audit entries</caption>
      <THead>
        <tr>
          <TH className="w-10">
            <span className="sr-only">Details</span>
          </TH>
          <TH>Time</TH>
          <TH>Actor</TH>
          <TH>Action</TH>
          <TH>Entity</TH>
          <TH className="hidden md:table-cell">Entity id</TH>
        </tr>
      </THead>
      <TBody>
        {entries.map((entry) => {
          const isOpen = expanded.has(entry.id);
          return (
            <Fragment key={entry.id}>
              <TR className={cn(isOpen && 'bg-zinc-50/70')}>
                <TD className="pr-0">
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
                </TD>
                <TD className="whitespace-nowrap tabular-nums">{formatDateTime(entry.at)}</TD>
                <TD className="max-w-52 truncate">
                  {entry.actorEmail ?? (
                    <span className="text-zinc-600" title="Not signed in when it happened (e.g. a sign-in)">
                      —
                    </span>
                  )}
                </TD>
                <TD>
                  <Badge tone={actionTone(entry.action)} className="font-mono">
                    {entry.action}
                  </Badge>
                </TD>
                <TD>{entry.entity}</TD>
                <TD className="hidden font-mono text-xs md:table-cell">
                  {entry.entityId ? <span title={entry.entityId}>{entry.entityId.slice(0, 13)}…</span> : '—'}
                </TD>
              </TR>
              {isOpen ? (
                <tr id={`audit-${entry.id}`} className="bg-zinc-50/70">
                  <td colSpan={6} className="px-5 pt-1 pb-4 sm:px-6">
                    <AuditDetails entry={entry} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </TBody>
    </Table>
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

const AuditDetails = ({ entry }: { entry: AuditEntry }) => (
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
