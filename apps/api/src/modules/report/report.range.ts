const DAY_MS = 86_400_000;

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A report's range split into whole UTC days, read from the summaries, and the partial days at its edges. */
export type RangeParts = {
  /** Whole days `[from, to)` as `YYYY-MM-DD`, or null when the range holds none. */
  days: { from: string; to: string } | null;
  /** Instants `[from, to)` before the first and after the last whole day, read from the orders and entries. */
  edges: { from: Date; to: Date }[];
};

/**
 * The summaries hold whole UTC days; a range may start and end at any instant. The whole days inside it come
 * from the summaries and the at most two partial days around them from the base tables (by their time index),
 * so every report is exact for any range and reads at most two days of orders.
 */
export const splitRange = (fromIso: string, toIso: string): RangeParts => {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  const firstWhole = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const endWhole = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  if (firstWhole >= endWhole) return { days: null, edges: [{ from, to }] };
  const edges: RangeParts['edges'] = [];
  if (from < firstWhole) edges.push({ from, to: firstWhole });
  if (endWhole < to) edges.push({ from: endWhole, to });
  return { days: { from: utcDay(firstWhole), to: utcDay(endWhole) }, edges };
};

/**
 * Whole days `[from, to)` split into whole calendar months (read from the monthly summaries) and the days before
 * and after them: a year reads twelve months and at most two partial months of days.
 */
export const splitMonths = (days: { from: string; to: string }) => {
  const firstMonth = days.from.endsWith('-01') ? days.from : nextMonth(days.from);
  const endMonth = `${days.to.slice(0, 7)}-01`;
  if (firstMonth >= endMonth) return { months: null, days: [days] };
  const rest: { from: string; to: string }[] = [];
  if (days.from < firstMonth) rest.push({ from: days.from, to: firstMonth });
  if (endMonth < days.to) rest.push({ from: endMonth, to: days.to });
  return { months: { from: firstMonth, to: endMonth }, days: rest };
};

/** The first day of the month after the one `day` (`YYYY-MM-DD`) is in. */
const nextMonth = (day: string): string => {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return utcDay(date);
};

/** Adds up rows that share a key (the summaries' part and the edges' part of one report). */
export const mergeBy = <Row>(rows: Row[], key: keyof Row, measures: (keyof Row)[]): Row[] => {
  const merged = new Map<unknown, Row>();
  for (const row of rows) {
    const existing = merged.get(row[key]);
    if (!existing) {
      merged.set(row[key], { ...row });
      continue;
    }
    for (const measure of measures) (existing[measure] as number) += row[measure] as number;
  }
  return [...merged.values()];
};
