import type { TopUpOptions } from '@canteen/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { Input } from '../../components/input';
import { errorMessage } from '../../lib/errors';
import { schemaResolver } from '../../lib/form';
import { currencySymbol, formatMoney, parseMoney } from '../../lib/money';
import { topUpCapCents, topUpFormSchema, topUpLimitsText } from '../../lib/top-up';
import { useStartTopUp } from '../../lib/use-top-up';
import { cn } from '../../lib/utils';

/** Cents as the amount field shows them: 2000 → "20", 1250 → "12.50". */
const asEuros = (cents: number): string => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

type TopUpDialogProps = {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  options: TopUpOptions;
  /** Filled in when the dialog opens, e.g. the amount of a top-up that was declined. */
  initialAmountCents?: number | undefined;
};

/**
 * How much to add by card: a preset or an amount in euros within the person's limits (said in words under the
 * field). Continuing starts the top-up and leaves for the provider's checkout, which sends the person back to
 * the return page.
 */
export const TopUpDialog = ({ isOpen, onOpenChange, options, initialAmountCents }: TopUpDialogProps) => {
  const { t } = useTranslation('wallet');
  const topUp = useStartTopUp('wallet');
  const form = useForm({
    resolver: schemaResolver(topUpFormSchema(options)),
    defaultValues: { amount: initialAmountCents ? asEuros(initialAmountCents) : '' },
  });
  const { errors, isSubmitted } = form.formState;
  const typedCents = parseMoney(form.watch('amount'));
  const capCents = topUpCapCents(options);
  const onSubmit = form.handleSubmit(({ amount }) => topUp.start(parseMoney(amount) ?? 0));

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={(next) => {
        if (!next) topUp.reset();
        onOpenChange(next);
      }}
      size="sm"
      title={t('dialog.title')}
      description={options.provider === 'sandbox' ? t('dialog.descriptionSandbox') : t('dialog.description')}
      error={topUp.error ? errorMessage(topUp.error) : null}
      onSubmit={onSubmit}
      submitLabel={topUp.isPending ? t('dialog.opening') : t('dialog.continue')}
      isSubmitting={topUp.isPending}
    >
      {options.presetsCents.length ? (
        <div role="group" aria-label={t('dialog.amounts')} className="grid grid-cols-3 gap-2">
          {options.presetsCents.map((cents) => (
            <button
              key={cents}
              type="button"
              aria-pressed={typedCents === cents}
              disabled={cents > capCents}
              onClick={() => form.setValue('amount', asEuros(cents), { shouldValidate: isSubmitted })}
              className={cn(
                'h-11 rounded-lg border border-zinc-300 bg-white text-sm font-semibold text-zinc-900 tabular-nums transition-colors hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 disabled:cursor-not-allowed disabled:opacity-50',
                'aria-pressed:border-emerald-700 aria-pressed:bg-emerald-50 aria-pressed:text-emerald-900 aria-pressed:ring-1 aria-pressed:ring-emerald-700',
              )}
            >
              {formatMoney(cents)}
            </button>
          ))}
        </div>
      ) : null}
      <Field
        label={t('dialog.amount', { symbol: currencySymbol() })}
        error={errors.amount?.message}
        hint={topUpLimitsText(options)}
      >
        <Input inputMode="decimal" autoComplete="off" placeholder={t('dialog.placeholder')} {...form.register('amount')} />
      </Field>
    </FormDialog>
  );
};
