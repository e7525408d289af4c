import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import { formatMonth, recentMonths } from '../../lib/report-period';

const MONTHS_OFFERED = 24;

type MonthSelectProps = { value: string; onChange: (month: string) => void; now: Date; className?: string };

/** A calendar month (UTC) out of the last two years, newest first; a month from further back stays offered. */
export const MonthSelect = ({ value, onChange, now, className }: MonthSelectProps) => {
  const { t } = useTranslation('report');
  const months = recentMonths(now, MONTHS_OFFERED);
  const options = (months.includes(value) ? months : [value, ...months]).map((month) => ({
    value: month,
    label: formatMonth(month),
  }));
  return (
    <Field label={t('month')} className={className}>
      <Select value={value} onValueChange={onChange} options={options} />
    </Field>
  );
};
