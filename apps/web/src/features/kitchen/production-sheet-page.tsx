import type { ProductionSheet } from '@canteen/shared';
import { addDays } from '@canteen/shared/calendar';
import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, ClipboardList, Printer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/alert';
import { Button, IconButton } from '../../components/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../components/card';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { PageHeader } from '../../components/page-header';
import { PageSpinner } from '../../components/spinner';
import { Table, TBody, TD, TH, THead, TR } from '../../components/table';
import { canteenToday } from '../../lib/canteen-config';
import { asDay, dayFormat, formatNumber, orderNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';

type Dish = ProductionSheet['dishes'][number];

const DishCard = ({ dish }: { dish: Dish }) => {
  const { t } = useTranslation('kitchen');
  const headingId = `sheet-dish-${dish.productId}`;
  return (
    <Card aria-labelledby={headingId} className="break-inside-avoid" data-testid="sheet-dish">
      <CardHeader className="flex flex-row items-baseline justify-between gap-3">
        <CardTitle id={headingId} className="text-lg">
          {dish.productName}
        </CardTitle>
        <p className="shrink-0 text-right">
          <span className="font-mono text-3xl font-semibold tabular-nums text-zinc-900">{formatNumber(dish.quantity)}</span>
          <span className="block text-xs text-zinc-600">{t('sheet.toMake', { count: dish.toMake })}</span>
        </p>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <section aria-label={t('sheet.byOption')}>
          <h3 className="mb-1 text-sm font-medium text-zinc-700">{t('sheet.byOption')}</h3>
          {dish.options.length === 0 ? (
            <p className="text-sm text-zinc-600">{t('sheet.noOptions')}</p>
          ) : (
            <ul className="grid gap-0.5 text-sm">
              {dish.options.map((option) => (
                <li key={`${option.groupName}|${option.name}`} className="flex justify-between gap-3">
                  <span>
                    <span className="text-zinc-600">{option.groupName}:</span> {option.name}
                  </span>
                  <span className="font-mono whitespace-nowrap tabular-nums">× {formatNumber(option.quantity)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t('sheet.bySlot')}>
          <h3 className="mb-1 text-sm font-medium text-zinc-700">{t('sheet.bySlot')}</h3>
          <ul className="grid gap-0.5 text-sm">
            {dish.bySlot.map((slot) => (
              <li key={slot.startsAt ?? 'asap'} className="flex justify-between gap-3">
                <span>{slot.startsAt ?? t('sheet.asap')}</span>
                <span className="font-mono whitespace-nowrap tabular-nums">× {formatNumber(slot.quantity)}</span>
              </li>
            ))}
          </ul>
        </section>
      </CardContent>
    </Card>
  );
};

const NotesTable = ({ notes }: { notes: ProductionSheet['notes'] }) => {
  const { t } = useTranslation('kitchen');
  return (
    <Card aria-labelledby="sheet-notes" className="break-inside-avoid">
      <CardHeader>
        <CardTitle id="sheet-notes">{t('sheet.notes')}</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        <Table>
          <THead>
            <TR>
              <TH>{t('sheet.columns.time')}</TH>
              <TH>{t('sheet.columns.order')}</TH>
              <TH>{t('sheet.columns.dish')}</TH>
              <TH>{t('sheet.columns.note')}</TH>
            </TR>
          </THead>
          <TBody>
            {notes.map((note, index) => (
              <TR key={`${note.orderId}-${index}`}>
                <TD className="whitespace-nowrap">{note.startsAt ?? t('sheet.asap')}</TD>
                <TD className="whitespace-nowrap">
                  <span className="font-mono">#{orderNumber(note.orderId)}</span>
                  <span className="block text-xs text-zinc-600">{note.userName}</span>
                </TD>
                <TD>
                  {note.quantity} × {note.productName}
                </TD>
                <TD className="font-medium text-zinc-900">{note.note}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </CardContent>
    </Card>
  );
};

type ProductionSheetPageProps = { day: string | undefined; onDayChange: (day: string) => void };

/**
 * What the kitchen cooks for a day, before the rush: every order for it that stands, by dish with its options and
 * pickup times, and the notes. Printable (the controls stay off the paper) and as CSV.
 */
export const ProductionSheetPage = ({ day: asked, onDayChange }: ProductionSheetPageProps) => {
  const { t } = useTranslation(['kitchen', 'common']);
  const day = asked ?? canteenToday();
  const sheet = useQuery(trpc.kitchen.productionSheet.queryOptions({ day }));
  return (
    <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)] gap-6">
      <PageHeader
        title={t('sheet.title')}
        description={t('sheet.description', { day: dayFormat('medium').format(asDay(day)) })}
      />
      <div className="-mt-4 flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div className="flex items-end gap-1">
          <IconButton label={t('sheet.previousDay')} icon={ChevronLeft} onClick={() => onDayChange(addDays(day, -1))} />
          <Field label={t('sheet.day')} className="w-40">
            <Input type="date" value={day} required onChange={(event) => event.target.value && onDayChange(event.target.value)} />
          </Field>
          <IconButton label={t('sheet.nextDay')} icon={ChevronRight} onClick={() => onDayChange(addDays(day, 1))} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => window.print()} disabled={!sheet.data}>
            <Printer aria-hidden />
            {t('sheet.print')}
          </Button>
          <DownloadCsvButton
            what={t('sheet.csvWhat', { day })}
            download={{ name: 'production-sheet', params: { day }, fileName: `production-sheet-${day}.csv` }}
          />
        </div>
      </div>
      {sheet.isPending ? <PageSpinner /> : null}
      {sheet.isError ? <ErrorAlert error={sheet.error} onRetry={() => void sheet.refetch()} /> : null}
      {sheet.data ? (
        sheet.data.dishes.length === 0 ? (
          <EmptyState icon={ClipboardList} title={t('sheet.empty')} description={t('sheet.emptyHint')} />
        ) : (
          <>
            <p className="text-sm text-zinc-700" role="status">
              {t('sheet.summary', { count: sheet.data.orderCount, dishes: sheet.data.dishes.length })}
            </p>
            <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2 print:grid-cols-2">
              {sheet.data.dishes.map((dish) => (
                <DishCard key={dish.productId} dish={dish} />
              ))}
            </div>
            {sheet.data.notes.length > 0 ? <NotesTable notes={sheet.data.notes} /> : null}
          </>
        )
      ) : null}
    </div>
  );
};
