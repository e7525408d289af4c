import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../lib/auth';
import { canAccess } from '@canteen/shared/rules';
import { ChangePasswordCard } from './change-password-card';
import { NotificationsCard } from './notifications-card';
import { DetailsCard } from './details-card';
import { PreferencesCard } from './preferences-card';
import { TwoFactorCard } from './two-factor-card';
import { YourDataCard } from './your-data-card';

export const ProfilePage = () => {
  const { t } = useTranslation('profile');
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  const { user } = session;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <div className="grid content-start gap-6">
          <DetailsCard user={user} />
          <TwoFactorCard user={user} />
        </div>
        <div className="grid content-start gap-6">
          <PreferencesCard />
          {canAccess(user.role, 'user') ? <NotificationsCard /> : null}
          <ChangePasswordCard />
          <YourDataCard />
        </div>
      </div>
    </>
  );
};
