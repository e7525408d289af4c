import type { AuditListInput } from '@canteen/shared';
import type { AuditSearch } from './search-params';

type AuditFilters = Omit<AuditListInput, 'limit' | 'cursor'>;

/** The instant a calendar day starts in the browser's time zone, `plusDays` later: `to` is the day after the last. */
export const startOfDay = (day: string, plusDays = 0): string => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays).toISOString();
};

/** The audit page's address filters as `audit.list` (and the CSV export) takes them; both days are included. */
export const auditFilters = (search: AuditSearch): AuditFilters => ({
  ...(search.actor ? { actorId: search.actor } : {}),
  ...(search.entity ? { entity: search.entity } : {}),
  ...(search.action ? { action: search.action } : {}),
  ...(search.about ? { entityId: search.about } : {}),
  ...(search.from ? { from: startOfDay(search.from) } : {}),
  ...(search.to ? { to: startOfDay(search.to, 1) } : {}),
});

export const hasAuditFilters = (search: AuditSearch): boolean => Object.values(search).some((value) => value !== undefined);
