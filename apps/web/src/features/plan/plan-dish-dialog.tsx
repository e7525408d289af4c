import { MAX_PLANNED_QUANTITY, type PlanDish, type ProductDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { z } from 'zod';
import { Alert } from '../../components/alert';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FormSwitchField } from '../../components/form-switch-field';
import { Input } from '../../components/input';
import { Select } from '../../components/select';
import { errorMessage, errorReason } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { applyFieldErrors, schemaResolver } from '../../lib/form';
import { i18next } from '../../lib/i18n';
import { trpc } from '../../lib/trpc';
import { parsePlannedQuantity, planDayName } from './plan-week';

/** The plan's fields as people enter them: the quantity as text, empty for no limit. */
const PlanDishFormSchema = z.object({
  productId: z.string().min(1, { error: () => i18next.t('plan:form.dishRequired') }),
  plannedQuantity: z.string().refine((text) => parsePlannedQuantity(text) !== undefined, {
    error: () => i18next.t('plan:form.quantityInvalid', { max: formatNumber(MAX_PLANNED_QUANTITY) }),
  }),
  isNew: z.boolean(),
  isChefsChoice: z.boolean(),
});

type PlanDishDialogProps = {
  day: string;
  /** The dish to change; null adds one. */
  dish: PlanDish | null;
  /** The daily dishes not on this day yet, to add from. */
  choices: readonly ProductDto[];
  /** Whether there are any daily dishes at all (else the dialog says where to make one). */
  hasDailyDishes: boolean;
  /** A published day shows what is saved on the menu at once. */
  isPublished: boolean;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
};

/** Puts a daily dish on a day of the plan, or changes its quantity and badges there. */
export const PlanDishDialog = ({
  day,
  dish,
  choices,
  hasDailyDishes,
  isPublished,
  isOpen,
  onOpenChange,
}: PlanDishDialogProps) => {
  const { t } = useTranslation('plan');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(PlanDishFormSchema),
    defaultValues: {
      productId: dish?.productId ?? '',
      plannedQuantity: dish?.plannedQuantity === null || dish === null ? '' : String(dish.plannedQuantity),
      isNew: dish?.isNew ?? false,
      isChefsChoice: dish?.isChefsChoice ?? false,
    },
  });
  const { errors } = form.formState;
  const setDish = useMutation(trpc.plan.setDish.mutationOptions());
  const dayName = planDayName(day, 'full');
  const sold = dish?.sold ?? 0;

  const onSubmit = form.handleSubmit(async ({ plannedQuantity, ...fields }) => {
    setFormError(null);
    try {
      const week = await setDish.mutateAsync({ day, ...fields, plannedQuantity: parsePlannedQuantity(plannedQuantity) ?? null });
      queryClient.setQueryData(trpc.plan.week.queryKey({ day: week.weekStart }), week);
      const name = dish?.name ?? choices.find((choice) => choice.id === fields.productId)?.name ?? '';
      toast.success(dish ? t('toast.saved', { dish: name, day: dayName }) : t('toast.added', { dish: name, day: dayName }));
      onOpenChange(false);
    } catch (caught) {
      const reason = errorReason(caught);
      if (reason === 'PLAN_BELOW_SOLD') {
        form.setError('plannedQuantity', { message: errorMessage(caught) }, { shouldFocus: true });
        // What has been sold moved on since the plan was read.
        await queryClient.invalidateQueries(trpc.plan.week.pathFilter());
      } else if (reason === 'PRODUCT_NOT_SCHEDULED') {
        form.setError('productId', { message: errorMessage(caught) });
        // Someone switched the dish back to every day: the choices catch up.
        await queryClient.invalidateQueries({ queryKey: trpc.product.list.pathKey() });
      } else if (!applyFieldErrors(caught, form.setError)) {
        setFormError(errorMessage(caught));
      }
    }
  });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={dish ? t('form.editTitle', { dish: dish.name, day: dayName }) : t('form.addTitle', { day: dayName })}
      description={t('form.description')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={dish ? t('form.save') : t('form.add')}
      isSubmitting={form.formState.isSubmitting}
    >
      {isPublished ? <Alert tone="info">{t('form.publishedHint')}</Alert> : null}
      {dish ? null : choices.length === 0 ? (
        <Alert tone="info">{hasDailyDishes ? t('form.noDishLeft') : t('noDailyDishes.description')}</Alert>
      ) : (
        <Field label={t('form.dish')} error={errors.productId?.message}>
          <Controller
            control={form.control}
            name="productId"
            render={({ field }) => (
              <Select
                value={field.value || undefined}
                onValueChange={field.onChange}
                options={choices.map((choice) => ({ value: choice.id, label: choice.name }))}
                placeholder={t('form.chooseDish')}
              />
            )}
          />
        </Field>
      )}
      <Field
        label={t('form.quantity')}
        error={errors.plannedQuantity?.message}
        hint={sold > 0 ? t('form.quantitySold', { count: sold, number: formatNumber(sold) }) : t('form.quantityHint')}
        className="max-w-56"
      >
        <Input inputMode="numeric" autoComplete="off" placeholder={t('dish.noLimit')} {...form.register('plannedQuantity')} />
      </Field>
      <div className="grid gap-3 rounded-lg border border-zinc-200 px-3.5 py-3">
        <FormSwitchField
          control={form.control}
          name="isNew"
          id="plan-dish-new"
          label={t('form.isNew')}
          hint={t('form.isNewHint')}
        />
        <FormSwitchField
          control={form.control}
          name="isChefsChoice"
          id="plan-dish-chefs-choice"
          label={t('form.isChefsChoice')}
          hint={t('form.isChefsChoiceHint')}
        />
      </div>
    </FormDialog>
  );
};
