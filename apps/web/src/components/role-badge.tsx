import type { Role } from '@canteen/shared/constants';
import { roleLabel } from '../lib/format';
import { Badge } from './badge';

const ROLE_TONES = { employee: 'neutral', manager: 'blue', admin: 'violet' } as const;

export const RoleBadge = ({ role }: { role: Role }) => <Badge tone={ROLE_TONES[role]}>{roleLabel(role)}</Badge>;
