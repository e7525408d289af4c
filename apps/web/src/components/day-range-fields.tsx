import { useTranslation } from 'react-i18next';
import { Field } from './field';
import { Input } from './input';

/** Days as `<input type="date">` gives them (`YYYY-MM-DD`); undefined is no limit. */
export type DayRange = { from?: string | undefined; to?: string | undefined };

type DayRangeFieldsProps = { value: DayRange; onChange: (range: DayRange) => void };

/**
 * "From" and "To" days side by side for a list's filters (orders, the wallet, the audit log): each end keeps the
 * other in order (the first cannot be after the last), and clearing one is no limit on that side.
 */
export const DayRangeFields = ({ value, onChange }: DayRangeFieldsProps) => {
  const { t } = useTranslation('common');
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label={t('days.from')}>
        <Input
          type="date"
          value={value.from ?? ''}
          max={value.to}
          onChange={(event) => onChange({ ...value, from: event.target.value || undefined })}
        />
      </Field>
      <Field label={t('days.to')}>
        <Input
          type="date"
          value={value.to ?? ''}
          min={value.from}
          onChange={(event) => onChange({ ...value, to: event.target.value || undefined })}
        />
      </Field>
    </div>
  );
};
