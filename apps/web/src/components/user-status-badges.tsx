import { Lock, ShieldCheck } from 'lucide-react';
import { Badge } from './badge';

type StatusUser = { isActive: boolean; isLocked: boolean; isTotpEnabled: boolean };

export const UserStatusBadges = ({ user }: { user: StatusUser }) => (
  <div className="flex flex-wrap gap-1">
    {user.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}
    {user.isLocked ? (
      <Badge tone="red">
        <Lock aria-hidden className="size-3" />
        Locked
      </Badge>
    ) : null}
    {user.isTotpEnabled ? (
      <Badge tone="blue" title="Two-factor authentication is on">
        <ShieldCheck aria-hidden className="size-3" />
        2FA
      </Badge>
    ) : null}
  </div>
);
