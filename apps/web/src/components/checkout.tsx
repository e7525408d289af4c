import { lineQuantityLimit } from '@canteen/shared/rules';
import { Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from './button';
import { CardFooter } from './card';
import { QuantityStepper } from './quantity-stepper';

type BasketQuantityProps = { itemName: string; quantity: number; stock: number | null; onChange: (quantity: number) => void };

/** How many of a dish in the cart or at the till: up to the per-line cap, and no more than are left. */
export const BasketQuantity = ({ itemName, quantity, stock, onChange }: BasketQuantityProps) => (
  <QuantityStepper itemName={itemName} value={quantity} onChange={onChange} max={lineQuantityLimit(stock) || 1} size="sm" />
);

export const RemoveFromBasket = ({ itemName, onRemove }: { itemName: string; onRemove: () => void }) => {
  const { t } = useTranslation('common');
  return (
    <IconButton
      icon={Trash2}
      label={t('basket.remove', { item: itemName })}
      className="text-zinc-600 hover:bg-red-50 hover:text-red-700"
      onClick={onRemove}
    />
  );
};

type CheckoutButtonProps = { isPending: boolean; disabled: boolean; onClick: () => void; children: ReactNode };

/** The one button that pays, across the bottom of the checkout card. */
export const CheckoutButton = ({ isPending, disabled, onClick, children }: CheckoutButtonProps) => (
  <CardFooter>
    <Button size="lg" className="w-full" onClick={onClick} isLoading={isPending} disabled={disabled}>
      {children}
    </Button>
  </CardFooter>
);
