import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import type { SessionUser } from '../../lib/auth';
import { RoleBadge } from '../../components/role-badge';

export const DetailsCard = ({ user }: { user: SessionUser }) => {
  const rows = [
    { term: 'Name', value: user.name },
    { term: 'Email', value: user.email },
    { term: 'Role', value: <RoleBadge role={user.role} /> },
    { term: 'Department', value: user.departmentName ?? 'None' },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your details</CardTitle>
        <CardDescription>An administrator keeps these up to date.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-2">
          {rows.map((row) => (
            <div key={row.term} className="grid gap-1">
              <dt className="text-xs font-medium tracking-wide text-zinc-600 uppercase">{row.term}</dt>
              <dd className="text-sm break-words text-zinc-900">{row.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
};
