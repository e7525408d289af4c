import { type ProductDto, resolveOptions } from '@canteen/shared';
import { type MenuAvailability, planReorder } from '@canteen/shared/rules';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { useCart } from './cart-store';
import { errorMessage } from './errors';
import { trpc } from './trpc';

/**
 * "Order again": the past order's dishes that are still on the menu go into the cart (as many as are left), the
 * cart opens, and a message names what could not be added. Nothing is ordered until the person checks out.
 */
export const useOrderAgain = () => {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const cart = useCart();
  const [pendingId, setPendingId] = useState<string | null>(null);

  const dishOf = async (productId: string): Promise<ProductDto | null> => {
    try {
      return await queryClient.fetchQuery({ ...trpc.product.byId.queryOptions({ id: productId }), staleTime: 0 });
    } catch {
      return null;
    }
  };

  const orderAgain = async (orderId: string): Promise<void> => {
    setPendingId(orderId);
    try {
      const order = await queryClient.fetchQuery(trpc.order.byId.queryOptions({ id: orderId }));
      const ids = [...new Set(order.lines.map((line) => line.productId))];
      const dishes = new Map(await Promise.all(ids.map(async (id) => [id, await dishOf(id)] as const)));
      const availability = new Map<string, MenuAvailability>(
        [...dishes].map(([id, dish]) => [id, dish ? { isActive: dish.isActive, stock: dish.stock } : null]),
      );
      // A line whose options are no longer offered (or the dish now asks for a choice) cannot come back as it was.
      const lines = order.lines.map((line) => ({ ...line, optionIds: line.options.map((option) => option.id) }));
      const choosable = lines.filter((line) => {
        const dish = dishes.get(line.productId);
        return !dish || resolveOptions(dish.optionGroups, line.optionIds).ok;
      });
      const changed = lines.filter((line) => !choosable.includes(line)).map((line) => line.productName);
      const planned = planReorder(choosable, availability);
      const plan = { ...planned, unavailable: [...planned.unavailable, ...changed] };
      const added = plan.add.filter((line) => cart.add(line));
      if (added.length === 0) {
        toast.error(t('again.nothing', { dishes: plan.unavailable.join(', ') }));
        return;
      }
      const notes = [
        ...(plan.unavailable.length ? [t('again.unavailable', { dishes: plan.unavailable.join(', ') })] : []),
        ...plan.reduced.map((line) => t('again.reduced', { dish: line.name, count: line.quantity })),
      ];
      toast.success(t('again.added', { count: added.reduce((sum, line) => sum + line.quantity, 0) }), {
        description: notes.join(' ') || undefined,
      });
      await navigate({ to: '/cart' });
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setPendingId(null);
    }
  };

  return { orderAgain, pendingId };
};
