const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '—');

const ROLE_LABELS = { employee: 'Employee', manager: 'Manager', admin: 'Admin' } as const;
export const roleLabel = (role: keyof typeof ROLE_LABELS): string => ROLE_LABELS[role];

/** A short, readable reference for an order (the random tail of its UUIDv7). */
export const orderNumber = (id: string): string => id.replace(/-/g, '').slice(-8).toUpperCase();
