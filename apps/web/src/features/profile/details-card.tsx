import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import type { SessionUser } from '../../lib/auth';
import { RoleBadge } from '../../components/role-badge';

export const DetailsCard = ({ user }: { user: SessionUser }) => {
  const { t } = useTranslation('profile');
  const rows = [
    { key: 'name', term: t('details.name'), value: user.name },
    { key: 'email', term: t('details.email'), value: user.email },
    { key: 'role', term: t('details.role'), value: <RoleBadge role={user.role} /> },
    { key: 'department', term: t('details.department'), value: user.departmentName ?? t('details.noDepartment') },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('details.title')}</CardTitle>
        <CardDescription>{t('details.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-2">
          {rows.map((row) => (
            <div key={row.key} className="grid gap-1">
              <dt className="text-xs font-medium tracking-wide text-zinc-600 uppercase">{row.term}</dt>
              <dd className="text-sm break-words text-zinc-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
};
