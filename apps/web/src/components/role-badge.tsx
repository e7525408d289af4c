import type { Role } from '@canteen/shared/constants';
import { useTranslation } from 'react-i18next';
import { Badge } from './badge';

const ROLE_TONES = { employee: 'neutral', manager: 'blue', admin: 'violet', kitchen: 'amber' } as const;

export const RoleBadge = ({ role }: { role: Role }) => {
  const { t } = useTranslation('common');
  return <Badge tone={ROLE_TONES[role]}>{t(`roles.${role}`)}</Badge>;
};
