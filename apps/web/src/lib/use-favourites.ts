import type { ProductDto } from '@canteen/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { errorMessage } from './errors';
import { trpc } from './trpc';

/** The person's favourite dishes (pinned at the top of the menu) and the star that pins or unpins one. */
export const useFavourites = () => {
  const queryClient = useQueryClient();
  const favourites = useQuery({ ...trpc.product.favourites.queryOptions(), staleTime: 5 * 60_000 });
  const set = useMutation(
    trpc.product.setFavourite.mutationOptions({
      onSuccess: (dishes) => queryClient.setQueryData(trpc.product.favourites.queryKey(), dishes),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const ids = new Set((favourites.data ?? []).map((dish) => dish.id));
  return {
    dishes: favourites.data ?? [],
    isFavourite: (id: string) => ids.has(id),
    toggle: (product: Pick<ProductDto, 'id'>) => set.mutate({ id: product.id, isFavourite: !ids.has(product.id) }),
    isPending: set.isPending,
  };
};
