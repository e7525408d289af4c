/**
 * Binds a filter bar's filters to its onChange: `set('role')` is the handler that changes the role and keeps
 * the rest, for a Select's onValueChange or, with the text, a search box's onChange.
 */
export const bindFilters =
  <F extends object>(filters: F, onChange: (filters: F) => void) =>
  <K extends keyof F>(key: K) =>
  (value: F[K]): void =>
    onChange({ ...filters, [key]: value });
