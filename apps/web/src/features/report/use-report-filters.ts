import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useSession } from '../../lib/auth';
import type { CsvDownload, CsvExport } from '../../lib/download-csv';
import { type DayRange, apiRange, csvFileName, monthOf, periodOf, rangeProblem } from '../../lib/report-period';
import type { RangePreset, ReportTab, ReportsSearch } from '../../lib/search-params';

export type RevenueBy = 'day' | 'week';
export type ReportFilters = ReturnType<typeof useReportFilters>;

/**
 * Everything the Reports page shows depends on, all of it kept in the address so a report can be bookmarked,
 * shared and reloaded: the tab, the period, an admin's department (managers always see their own, the API
 * decides), revenue per day or week and the statements' month. `input` is what the report procedures and CSV
 * exports take, or null while the custom days are not a period the API accepts (`problem` says why).
 */
export const useReportFilters = (search: ReportsSearch) => {
  const navigate = useNavigate();
  const session = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const isAdmin = user?.role === 'admin';
  // Presets count from the day the page opened, so the queries' keys stay put while it is open.
  const [now] = useState(() => new Date());
  const { preset, days } = periodOf(search, now);
  const problem = preset === 'custom' ? rangeProblem(days) : null;
  const departmentId = isAdmin ? search.departmentId : undefined;
  const input = problem ? null : { ...apiRange(days), ...(departmentId ? { departmentId } : {}) };

  const update = (patch: Partial<ReportsSearch>) =>
    void navigate({ to: '/reports', search: (previous) => ({ ...previous, ...patch }), replace: true });

  return {
    user,
    isAdmin,
    tab: search.tab ?? ('overview' satisfies ReportTab),
    preset,
    days,
    problem,
    input,
    departmentId,
    by: search.by ?? ('day' satisfies RevenueBy),
    month: search.month ?? monthOf(now),
    now,
    /** A section's CSV for the period on screen (`extra`: the section's own input, e.g. a limit). */
    csv: (name: CsvExport, extra: Record<string, number> = {}): CsvDownload | null =>
      input ? { name, params: { ...input, ...extra }, fileName: csvFileName(name, days) } : null,
    setTab: (tab: ReportTab) => update({ tab: tab === 'overview' ? undefined : tab }),
    /** Custom starts from the days on screen, so switching to it changes nothing until a day is picked. */
    setPreset: (range: RangePreset) =>
      update(range === 'custom' ? { range, from: days.from, to: days.to } : { range, from: undefined, to: undefined }),
    setDays: (next: Partial<DayRange>) => update({ range: 'custom', ...days, ...next }),
    setDepartment: (id: string | undefined) => update({ departmentId: id }),
    setBy: (by: RevenueBy) => update({ by: by === 'day' ? undefined : by }),
    setMonth: (month: string) => update({ month }),
  };
};
