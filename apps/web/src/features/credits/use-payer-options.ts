import { mayUsePayer } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import type { SelectOption } from '../../components/select';
import { useSession } from '../../lib/auth';
import { trpc } from '../../lib/trpc';

const KIND_LABELS = { company: 'company', department: 'department budget', personal: 'personal', promo: 'promotion' } as const;

/**
 * The payers this person may credit from, as the API allows: admins any payer; managers their own
 * department's budget and promotions.
 */
export const usePayerOptions = (): { options: SelectOption[]; isLoading: boolean } => {
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const query = useQuery(trpc.payer.list.queryOptions());
  const payers = (query.data ?? []).filter((payer) => user !== null && mayUsePayer(user, payer));
  return {
    options: payers.map((payer) => ({ value: payer.id, label: `${payer.name} (${KIND_LABELS[payer.kind]})` })),
    isLoading: query.isLoading,
  };
};
