import type { UserDto } from '@canteen/shared';
import { Link } from '@tanstack/react-router';
import { FileText } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { EmployeePicker } from '../../components/employee-picker';
import { csvFileName, formatMonth } from '../../lib/report-period';
import { DepartmentField, useDepartmentName } from './department-field';
import { MonthSelect } from './month-select';
import type { ReportFilters } from './use-report-filters';

/** A month's statements: everyone's as the payroll CSV, or one person's as a printable page. */
export const StatementsPanel = ({ filters }: { filters: ReportFilters }) => {
  const { t } = useTranslation('report');
  const { month, departmentId, isAdmin } = filters;
  const [person, setPerson] = useState<UserDto | null>(null);
  const departmentName = useDepartmentName(departmentId, isAdmin);
  const everyone = isAdmin
    ? departmentId
      ? t('statements.everyone.department', { department: departmentName ?? t('statements.everyone.theDepartment') })
      : t('statements.everyone.company')
    : t('statements.everyone.managed', {
        department: filters.user?.departmentName ?? t('statements.everyone.yourDepartment'),
      });
  return (
    <Card aria-labelledby="statements-title">
      <CardHeader>
        <CardTitle id="statements-title">{t('statements.title')}</CardTitle>
        <CardDescription>{t('statements.description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <div className="flex flex-wrap gap-3">
          <MonthSelect value={month} onChange={filters.setMonth} now={filters.now} className="w-full sm:w-56" />
          {isAdmin ? <DepartmentField value={departmentId} onChange={filters.setDepartment} className="w-full sm:w-56" /> : null}
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="payroll-title" className="grid content-start gap-3 rounded-lg border border-zinc-200 p-4">
            <div className="grid gap-1">
              <h3 id="payroll-title" className="text-sm font-semibold text-zinc-900">
                {t('statements.payroll')}
              </h3>
              <p className="text-sm text-zinc-600">
                {t('statements.payrollDescription', { everyone, month: formatMonth(month) })}
              </p>
            </div>
            <div>
              <DownloadCsvButton
                label={t('statements.downloadPayroll')}
                what={t('statements.payrollCsv', { month: formatMonth(month) })}
                download={{
                  name: 'statements',
                  params: { month, departmentId },
                  fileName: csvFileName('statements', month),
                }}
              />
            </div>
          </section>
          <section
            aria-labelledby="one-statement-title"
            className="grid content-start gap-3 rounded-lg border border-zinc-200 p-4"
          >
            <h3 id="one-statement-title" className="text-sm font-semibold text-zinc-900">
              {t('statements.onePerson')}
            </h3>
            <EmployeePicker label={t('statements.whose')} value={person} onChange={setPerson} purpose="read" />
            <div>
              {person ? (
                <Button asChild size="sm">
                  <Link to="/reports/statement" search={{ userId: person.id, month }}>
                    <FileText aria-hidden />
                    {t('statements.open')}
                  </Link>
                </Button>
              ) : (
                <Button size="sm" disabled>
                  <FileText aria-hidden />
                  {t('statements.open')}
                </Button>
              )}
            </div>
          </section>
        </div>
      </CardContent>
    </Card>
  );
};
