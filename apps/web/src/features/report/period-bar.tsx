import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { Select, type SelectOption } from '../../components/select';
import { formatDays, presetLabel } from '../../lib/report-period';
import { RANGE_PRESETS, type RangePreset } from '../../lib/search-params';
import { DepartmentField } from './department-field';
import type { ReportFilters } from './use-report-filters';

const presetOptions = (): SelectOption<RangePreset>[] => RANGE_PRESETS.map((value) => ({ value, label: presetLabel(value) }));

/** The period (a preset or two days) and, for admins, the department every report and the orders follow. */
export const PeriodBar = ({ filters }: { filters: ReportFilters }) => {
  const { t } = useTranslation('report');
  const onDay = (end: 'from' | 'to') => (event: { target: { value: string } }) => {
    // A date field is empty while half typed or cleared; the address keeps the last whole day.
    if (event.target.value) filters.setDays({ [end]: event.target.value });
  };
  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-2 print:hidden">
      <Field label={t('period.label')} className="w-full sm:w-48">
        <Select value={filters.preset} onValueChange={filters.setPreset} options={presetOptions()} />
      </Field>
      {filters.preset === 'custom' ? (
        <>
          <Field label={t('period.from')} className="min-w-0 flex-1 sm:w-44 sm:flex-none">
            <Input type="date" value={filters.days.from} onChange={onDay('from')} />
          </Field>
          <Field label={t('period.to')} error={filters.problem ?? undefined} className="min-w-0 flex-1 sm:w-44 sm:flex-none">
            <Input type="date" value={filters.days.to} onChange={onDay('to')} />
          </Field>
        </>
      ) : (
        <p data-testid="report-period" className="self-end pb-2.5 text-sm text-zinc-600">
          {formatDays(filters.days)}
        </p>
      )}
      {filters.isAdmin ? (
        <DepartmentField value={filters.departmentId} onChange={filters.setDepartment} className="w-full sm:ml-auto sm:w-56" />
      ) : null}
    </div>
  );
};
