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

  const availabilityOf = async (productId: string): Promise<MenuAvailability> => {
    try {
      const dish = await queryClient.fetchQuery({ ...trpc.product.byId.queryOptions({ id: productId }), staleTime: 0 });
      return { isActive: dish.isActive, stock: dish.stock };
    } catch {
      return null;
    }
  };

  const orderAgain = async (orderId: string): Promise<void> => {
    setPendingId(orderId);
    try {
      const order = await queryClient.fetchQuery(trpc.order.byId.queryOptions({ id: orderId }));
      const ids = [...new Set(order.lines.map((line) => line.productId))];
      const availability = new Map(await Promise.all(ids.map(async (id) => [id, await availabilityOf(id)] as const)));
      const plan = planReorder(order.lines, availability);
      const added = plan.add.filter((line) => cart.add(line.productId, line.quantity));
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
