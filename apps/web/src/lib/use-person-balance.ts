import type { UserDto } from '@canteen/shared';
import { useQuery } from '@tanstack/react-query';
import { trpc } from './trpc';

/** The wallet balance of the person picked for a till order or a credit; idle while nobody is picked. */
export const usePersonBalance = (person: UserDto | null) =>
  useQuery({ ...trpc.wallet.balance.queryOptions({ userId: person?.id }), enabled: person !== null });
