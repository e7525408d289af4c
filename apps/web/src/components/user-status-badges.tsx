import { Lock, ShieldCheck, UserX } from 'lucide-react';
import { Badge } from './badge';

type StatusUser = { isActive: boolean; isLocked: boolean; isTotpEnabled: boolean; isErased?: boolean };

export const UserStatusBadges = ({ user }: { user: StatusUser }) =>
  user.isErased ? (
    <div className="flex flex-wrap gap-1">
      <Badge tone="red" title="Their personal data was erased on their request">
        <UserX aria-hidden className="size-3" />
        Erased
      </Badge>
    </div>
  ) : (
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
