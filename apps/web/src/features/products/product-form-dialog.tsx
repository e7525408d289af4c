import { ALLERGENS, CreateProductInputSchema, DIETARY_TAGS, type ProductDto, StockCountSchema } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { CheckboxGroup } from '../../components/checkbox';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FormSwitchField } from '../../components/form-switch-field';
import { Input } from '../../components/input';
import { Select } from '../../components/select';
import { Textarea } from '../../components/textarea';
import { errorMessage, errorReason } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { applyFieldErrors, parseCount, schemaResolver } from '../../lib/form';
import { i18next } from '../../lib/i18n';
import { currencySymbol, formatMoney, parseMoney } from '../../lib/money';
import { trpc } from '../../lib/trpc';
import { allergenLabels, dietaryLabels } from '../../lib/product-labels';
import { type GroupDraft, OptionGroupsField, fromGroupDrafts, toGroupDrafts } from './option-groups-field';

const { shape } = CreateProductInputSchema;

/** The API's product fields, with the price typed in euros and the stock as text, as people enter them. */
const ProductFormSchema = z
  .object({
    name: shape.name,
    description: shape.description,
    price: z.string().refine((text) => shape.priceCents.safeParse(parseMoney(text)).success, {
      error: () => i18next.t('products:form.priceInvalid'),
    }),
    categoryId: z.string().min(1, { error: () => i18next.t('products:form.categoryRequired') }),
    allergens: shape.allergens,
    dietaryTags: shape.dietaryTags,
    isScheduled: z.boolean(),
    isStockTracked: z.boolean(),
    stock: z.string(),
  })
  .refine((values) => !values.isStockTracked || StockCountSchema.safeParse(parseCount(values.stock)).success, {
    path: ['stock'],
    error: () => i18next.t('products:form.stockInvalid'),
  });

const centsToInput = (cents: number): string => (cents / 100).toFixed(2);

type ProductFormDialogProps = { product: ProductDto | null; isOpen: boolean; onOpenChange: (isOpen: boolean) => void };

/** Creates a dish (no `product`) or edits one. Stock of an existing dish changes through "Adjust stock". */
export const ProductFormDialog = ({ product, isOpen, onOpenChange }: ProductFormDialogProps) => {
  const { t } = useTranslation('products');
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.category.list.queryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  // The choices are edited beside the form's fields and checked by the shared schema when it is sent.
  const [groups, setGroups] = useState<GroupDraft[]>(() => toGroupDrafts(product?.optionGroups ?? []));
  const [groupsError, setGroupsError] = useState<string | null>(null);
  const form = useForm({
    resolver: schemaResolver(ProductFormSchema),
    defaultValues: {
      name: product?.name ?? '',
      description: product?.description ?? '',
      price: product ? centsToInput(product.priceCents) : '',
      categoryId: product?.categoryId ?? '',
      allergens: product?.allergens ?? [],
      dietaryTags: product?.dietaryTags ?? [],
      isScheduled: product?.isScheduled ?? false,
      isStockTracked: product ? product.stock !== null : false,
      stock: product?.stock === null || product === null ? '' : String(product.stock),
    },
  });
  const { errors } = form.formState;
  const isStockTracked = form.watch('isStockTracked');
  const create = useMutation(trpc.product.create.mutationOptions());
  const update = useMutation(trpc.product.update.mutationOptions());

  const onSubmit = form.handleSubmit(async ({ price, isStockTracked: isTracked, stock, ...fields }) => {
    setFormError(null);
    const choices = fromGroupDrafts(groups);
    setGroupsError(choices.ok ? null : choices.message);
    if (!choices.ok) return;
    const priceCents = parseMoney(price) ?? 0;
    const optionGroups = choices.groups;
    try {
      const saved = product
        ? await update.mutateAsync({ id: product.id, ...fields, priceCents, optionGroups })
        : await create.mutateAsync({ ...fields, priceCents, optionGroups, stock: isTracked ? Number(stock) : null });
      toast.success(
        product
          ? t('form.saved', { dish: saved.name })
          : t('form.added', { dish: saved.name, price: formatMoney(saved.priceCents) }),
      );
      onOpenChange(false);
      await Promise.all([
        queryClient.invalidateQueries(trpc.product.pathFilter()),
        queryClient.invalidateQueries(trpc.category.pathFilter()),
      ]);
    } catch (caught) {
      // Another dish on the menu has the name: said next to the name, which is what to change.
      if (errorReason(caught) === 'PRODUCT_NAME_TAKEN')
        form.setError('name', { message: errorMessage(caught) }, { shouldFocus: true });
      else if (!applyFieldErrors(caught, form.setError)) setFormError(errorMessage(caught));
    }
  });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
      title={product ? t('form.editTitle', { dish: product.name }) : t('form.newTitle')}
      description={t('form.description')}
      error={formError}
      onSubmit={onSubmit}
      submitLabel={product ? t('form.saveChanges') : t('form.add')}
      isSubmitting={form.formState.isSubmitting}
    >
      <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Field label={t('form.name')} error={errors.name?.message}>
          <Input autoComplete="off" {...form.register('name')} />
        </Field>
        <Field label={t('form.price', { currency: currencySymbol() })} error={errors.price?.message}>
          <Input inputMode="decimal" autoComplete="off" placeholder={t('form.pricePlaceholder')} {...form.register('price')} />
        </Field>
        <Field label={t('form.descriptionLabel')} error={errors.description?.message} className="sm:col-span-2">
          <Textarea rows={3} {...form.register('description')} />
        </Field>
        <Field label={t('form.category')} error={errors.categoryId?.message}>
          <Controller
            control={form.control}
            name="categoryId"
            render={({ field }) => (
              <Select
                value={field.value || undefined}
                onValueChange={field.onChange}
                options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
                placeholder={categories.isPending ? t('form.loading') : t('form.categoryRequired')}
              />
            )}
          />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="allergens"
        render={({ field }) => (
          <CheckboxGroup
            legend={t('form.allergens')}
            options={ALLERGENS}
            labels={allergenLabels()}
            value={field.value}
            onChange={field.onChange}
            hint={t('form.allergensHint')}
          />
        )}
      />
      <Controller
        control={form.control}
        name="dietaryTags"
        render={({ field }) => (
          <CheckboxGroup
            legend={t('form.dietary')}
            options={DIETARY_TAGS}
            labels={dietaryLabels()}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <OptionGroupsField value={groups} onChange={setGroups} error={groupsError} />
      <div className="rounded-lg border border-zinc-200 px-3.5 py-3">
        <FormSwitchField
          control={form.control}
          name="isScheduled"
          id="product-scheduled"
          label={t('form.isScheduled')}
          hint={t('form.isScheduledHint')}
        />
      </div>
      {product ? (
        <p className="rounded-lg bg-zinc-50 px-3.5 py-3 text-sm text-zinc-700">
          {product.stock === null ? t('form.stockNotTracked') : t('form.stockOnShelf', { stock: formatNumber(product.stock) })}{' '}
          <Trans t={t} i18nKey="form.adjustHint" components={{ strong: <span className="font-medium" /> }} />
        </p>
      ) : (
        <div className="grid gap-3 rounded-lg border border-zinc-200 px-3.5 py-3">
          <FormSwitchField
            control={form.control}
            name="isStockTracked"
            id="product-track-stock"
            label={t('form.trackStock')}
            hint={t('form.trackStockHint')}
          />
          {isStockTracked ? (
            <Field label={t('form.onShelfNow')} error={errors.stock?.message} className="max-w-40">
              <Input inputMode="numeric" autoComplete="off" {...form.register('stock')} />
            </Field>
          ) : null}
        </div>
      )}
    </FormDialog>
  );
};
