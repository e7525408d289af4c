import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { canteenToday } from '../../lib/canteen-config';
import { type CartLine, useCart } from '../../lib/cart-store';
import { formatPickupDayLong } from '../../lib/pickup';

/**
 * The cart is for one pickup day: the day chosen on the menu. Choosing another day, or adding a dish while the
 * menu shows another day than the cart's, moves the cart there, and says so when it already held dishes.
 */
export const useCartDay = () => {
  const { t } = useTranslation('menu');
  const cart = useCart();
  const moveTo = (day: string) => {
    if ((cart.pickupDay ?? canteenToday()) === day) return;
    cart.setPickupDay(day);
    if (cart.count > 0) toast.info(t('day.cartMoved', { day: formatPickupDayLong(day) }), { id: 'cart-day' });
  };
  return {
    moveTo,
    /** Adds a dish (one, or a line with its options) for `day`: false when the cart already holds the most lines. */
    add: (line: string | CartLine, day: string): boolean => {
      moveTo(day);
      return cart.add(typeof line === 'string' ? { productId: line, quantity: 1 } : line);
    },
  };
};
