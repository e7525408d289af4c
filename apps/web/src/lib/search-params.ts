import { ResetPasswordInputSchema } from '@canteen/shared';
import { z } from 'zod';

/**
 * The search params of the routes that take any, as zod schemas (TanStack Router reads them as Standard
 * Schemas). Anything else in the address falls back to "not given" instead of failing the route.
 */
export const LoginSearchSchema = z.object({ redirect: z.string().optional().catch(undefined) });

/** A token the API would refuse is as good as none: the page says the link is incomplete. */
export const ResetPasswordSearchSchema = z.object({
  token: ResetPasswordInputSchema.shape.token.optional().catch(undefined),
});

/** `?placed=true` after checkout. */
export const ReceiptSearchSchema = z.object({ placed: z.literal([true, 'true']).optional().catch(undefined) });
