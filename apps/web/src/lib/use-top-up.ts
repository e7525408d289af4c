import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type TopUpOrigin, rememberTopUpOrigin } from './top-up';
import { trpc } from './trpc';

/**
 * Starts a card top-up of the signed-in person's own wallet and sends the browser to the provider's checkout,
 * remembering (for the return page) where it started. `isPending` stays true while the checkout page loads;
 * a refusal is in `error` (say it with `errorMessage`).
 */
export const useStartTopUp = (from: TopUpOrigin) => {
  const [isLeaving, setIsLeaving] = useState(false);
  const create = useMutation(
    trpc.payment.createTopUp.mutationOptions({
      onSuccess: ({ paymentId, checkoutUrl }) => {
        rememberTopUpOrigin(paymentId, from);
        setIsLeaving(true);
        window.location.assign(checkoutUrl);
      },
    }),
  );
  return {
    start: (amountCents: number) => create.mutate({ amountCents }),
    isPending: create.isPending || isLeaving,
    error: create.error,
    reset: create.reset,
  };
};
