/** The local calendar day of `at`, as yyyy-mm-dd. */
const localDay = (at: Date): string =>
  [at.getFullYear(), at.getMonth() + 1, at.getDate()].map((part) => String(part).padStart(2, '0')).join('-');

/**
 * The file a data export is saved as: `canteen-data-<yyyy-mm-dd>.json` for one's own, with the person's email
 * (kept to characters every file system accepts) when an admin exports someone else's.
 */
export const exportFileName = (exportedAt: Date, email?: string): string => {
  const who = email
    ? `${email
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9@._+-]+/g, '-')}-`
    : '';
  return `canteen-data-${who}${localDay(exportedAt)}.json`;
};

/** The erase dialog's check: the typed email matches the person's, ignoring case and surrounding spaces. */
export const isEraseConfirmed = (typed: string, email: string): boolean =>
  typed.trim().toLowerCase() === email.trim().toLowerCase() && email.trim() !== '';
