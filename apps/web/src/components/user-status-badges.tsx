import { Lock, ShieldCheck, UserX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge } from './badge';

type StatusUser = { isActive: boolean; isLocked: boolean; isTotpEnabled: boolean; isErased?: boolean };

export const UserStatusBadges = ({ user }: { user: StatusUser }) => {
  const { t } = useTranslation('common');
  return user.isErased ? (
    <div className="flex flex-wrap gap-1">
      <Badge tone="red" title={t('userStatus.erasedTitle')}>
        <UserX aria-hidden className="size-3" />
        {t('userStatus.erased')}
      </Badge>
    </div>
  ) : (
    <div className="flex flex-wrap gap-1">
      {user.isActive ? (
        <Badge tone="green">{t('userStatus.active')}</Badge>
      ) : (
        <Badge tone="neutral">{t('userStatus.inactive')}</Badge>
      )}
      {user.isLocked ? (
        <Badge tone="red">
          <Lock aria-hidden className="size-3" />
          {t('userStatus.locked')}
        </Badge>
      ) : null}
      {user.isTotpEnabled ? (
        <Badge tone="blue" title={t('userStatus.twoFactorTitle')}>
          <ShieldCheck aria-hidden className="size-3" />
          {t('userStatus.twoFactor')}
        </Badge>
      ) : null}
    </div>
  );
};
