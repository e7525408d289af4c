import { mayUsePayer } from '@canteen/shared/rules';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../components/select';
import { useSession } from '../../lib/auth';
import { trpc } from '../../lib/trpc';

/**
 * The payers this person may credit from, as the API allows: admins any payer; managers their own
 * department's budget and promotions.
 */
export const usePayerOptions = (): { options: SelectOption[]; isLoading: boolean } => {
  const { t } = useTranslation('credits');
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const query = useQuery(trpc.payer.list.queryOptions());
  const payers = (query.data ?? []).filter((payer) => user !== null && mayUsePayer(user, payer));
  return {
    options: payers.map((payer) => ({
      value: payer.id,
      label: t('payer.option', { name: payer.name, kind: t(`payer.kinds.${payer.kind}`) }),
    })),
    isLoading: query.isLoading,
  };
};
