import { UtensilsCrossed } from 'lucide-react';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../lib/auth';

export const MenuPage = () => {
  const session = useSession();
  const firstName = session.status === 'signedIn' ? session.user.name.split(' ')[0] : undefined;
  return (
    <>
      <PageHeader
        title="Menu"
        description={firstName ? `Hello ${firstName}, here is what the canteen serves today.` : undefined}
      />
      <Card>
        <EmptyState
          icon={UtensilsCrossed}
          title="The menu is coming soon"
          description="Soon you will browse today's dishes, see allergens and order from here."
        />
      </Card>
    </>
  );
};
