import { AdjustStockInputSchema, type ProductDto } from '@canteen/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { FormDialog } from '../../components/form-dialog';
import { Field } from '../../components/field';
import { Input } from '../../components/input';
import { type RadioOption, RadioCards } from '../../components/radio-group';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { parseCount } from '../../lib/form';
import { trpc } from '../../lib/trpc';

type Mode = 'delivery' | 'waste' | 'set' | 'untrack';

const MODES: readonly Mode[] = ['delivery', 'waste', 'set', 'untrack'];
const trackedModes = (t: TFunction<'products'>): RadioOption<Mode>[] =>
  MODES.map((mode) => ({
    value: mode,
    label: t(`stock.modes.${mode}.label`),
    description: t(`stock.modes.${mode}.description`),
  }));

type StockDialogProps = { product: ProductDto | null; onClose: () => void };

/**
 * Deliveries and waste change the stock relative to what is there when the change arrives, so sales made
 * while the dialog was open are not lost; "set count" is for a stocktake.
 */
export const StockDialog = ({ product, onClose }: StockDialogProps) => {
  const { t } = useTranslation('products');
  const queryClient = useQueryClient();
  const isTracked = product?.stock !== null && product !== null;
  const [mode, setMode] = useState<Mode>(isTracked ? 'delivery' : 'set');
  const [countText, setCountText] = useState('');
  const [inputError, setInputError] = useState<string | undefined>();
  const adjust = useMutation(
    trpc.product.adjustStock.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(
          saved.stock === null
            ? t('stock.untracked', { dish: saved.name })
            : t('stock.saved', { dish: saved.name, stock: formatNumber(saved.stock) }),
        );
        onClose();
        await queryClient.invalidateQueries(trpc.product.pathFilter());
      },
    }),
  );

  const onSubmit = () => {
    if (!product) return;
    setInputError(undefined);
    if (mode === 'untrack') {
      adjust.mutate({ id: product.id, set: null });
      return;
    }
    const count = parseCount(countText);
    const input =
      count === null
        ? null
        : mode === 'set'
          ? { id: product.id, set: count }
          : { id: product.id, delta: mode === 'delivery' ? count : -count };
    if (!input || !AdjustStockInputSchema.safeParse(input).success) {
      setInputError(mode === 'set' ? t('stock.setInvalid') : t('stock.deltaInvalid'));
      return;
    }
    adjust.mutate(input);
  };

  return (
    <FormDialog
      isOpen={product !== null}
      onOpenChange={(isOpen) => !isOpen && onClose()}
      title={t('stock.title', { dish: product?.name ?? '' })}
      description={isTracked ? t('stock.onShelfNow', { stock: formatNumber(product?.stock ?? 0) }) : t('stock.notTracked')}
      error={adjust.error ? errorMessage(adjust.error) : null}
      onSubmit={onSubmit}
      submitLabel={mode === 'untrack' ? t('stock.stopTracking') : t('stock.save')}
      isSubmitting={adjust.isPending}
    >
      {isTracked ? (
        <RadioCards aria-label={t('stock.whatHappened')} value={mode} onValueChange={setMode} options={trackedModes(t)} />
      ) : null}
      {mode === 'untrack' ? null : (
        <Field label={t(`stock.countLabel.${mode}`)} error={inputError} className="max-w-48">
          <Input
            inputMode="numeric"
            autoComplete="off"
            value={countText}
            onChange={(event) => setCountText(event.target.value)}
          />
        </Field>
      )}
    </FormDialog>
  );
};
