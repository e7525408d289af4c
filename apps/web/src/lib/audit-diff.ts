import { shortId } from './audit-words';
import { formatDate, formatDateTime, formatNumber } from './format';
import { i18next } from './i18n';
import { audit } from '../locales/en/audit';
import { formatMoney } from './money';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A value as shown: the words, and the exact value on hover when the words shorten it (a date, an id). */
export type ShownValue = { text: string; title?: string; isHidden?: boolean };

/** One row of a before/after diff. `before` is null for an added field, `after` for a removed one. */
export type FieldChange = {
  field: string;
  label: string;
  kind: ChangeKind;
  before: ShownValue | null;
  after: ShownValue | null;
};

type Snapshot = Record<string, unknown> | null;

/** The API redacts these (packages/db audit.subscriber.ts); the web app never shows them either, whatever arrives. */
const SECRET_FIELD = /password|hash|secret|token/i;
const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 400;

/** The fields the audited entities record, by their bare name; their words are `audit:fields.<name>`. */
type KnownField = keyof typeof audit.fields;
const isKnownField = (bare: string): bare is KnownField => Object.hasOwn(audit.fields, bare);

/**
 * "priceCents" → "Price", "isActive" → "Active", "departmentId" → "Department", "totpEnabledAt" → "Totp enabled at";
 * a known field in the language shown, any other one in its own parts.
 */
export const fieldLabel = (field: string): string => {
  const bare = field
    .replace(/Cents$/, '')
    .replace(/^is(?=[A-Z])/, '')
    .replace(/(?<=.)Id$/, '');
  const name = bare.charAt(0).toLowerCase() + bare.slice(1);
  if (isKnownField(name)) return i18next.t(`audit:fields.${name}`);
  const spaced = bare
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

const isSecret = (field: string, value: unknown): boolean => SECRET_FIELD.test(field) || value === REDACTED;

/** A nested value on one line: `{name: Large, priceDelta: €0.50}`, `[a, b]`, leaves formatted as at the top. */
const compact = (field: string, value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((item) => compact(field, item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const parts = Object.entries(value).map(([key, item]) => `${key}: ${compact(key, item)}`);
    return `{${parts.join(', ')}}`;
  }
  return formatAuditValue(field, value).text;
};

/** A recorded value in words: cents as money (fields named …Cents), dates, yes/no, short ids; secrets never. */
export const formatAuditValue = (field: string, value: unknown): ShownValue => {
  if (isSecret(field, value)) return { text: i18next.t('audit:values.hidden'), isHidden: true };
  if (value === null || value === undefined || value === '') return { text: i18next.t('audit:values.none') };
  if (typeof value === 'boolean') return { text: i18next.t(value ? 'audit:values.yes' : 'audit:values.no') };
  if (typeof value === 'number') {
    return { text: field.endsWith('Cents') && Number.isInteger(value) ? formatMoney(value) : formatNumber(value) };
  }
  if (typeof value === 'string') {
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return { text: formatDateTime(value), title: value };
    if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return { text: formatDate(`${value}T12:00:00Z`), title: value };
    if (UUID.test(value)) return { text: shortId(value), title: value };
    return value.length > MAX_TEXT ? { text: `${value.slice(0, MAX_TEXT)}…`, title: value } : { text: value };
  }
  if (Array.isArray(value)) {
    return { text: value.length ? value.map((item) => compact(field, item)).join(', ') : i18next.t('audit:values.none') };
  }
  if (typeof value === 'object') return { text: compact(field, value) };
  // JSON carries nothing else; a bigint or symbol would be a bug upstream, not something to guess at.
  return { text: i18next.t('audit:values.unreadable') };
};

const isBlank = (value: unknown): boolean => value === null || value === undefined;

const isSame = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Before and after of an audit entry as one row per field that differs: a field only after is added (a new row's
 * fields, an event's details), only before is removed (a deleted row), in both and different is changed. Empty
 * values of added or removed fields and the row's own id say nothing and are left out; a secret that is in both
 * is a change (a new password) even though both read "Hidden".
 */
export const auditDiff = (before: Snapshot, after: Snapshot): FieldChange[] => {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((field) => field !== 'id');
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const hasBefore = before !== null && field in before;
    const hasAfter = after !== null && field in after;
    const old = before?.[field];
    const next = after?.[field];
    const label = fieldLabel(field);
    if (hasBefore && hasAfter) {
      if (isSame(old, next) && !isSecret(field, next)) continue;
      changes.push({ field, label, kind: 'changed', before: formatAuditValue(field, old), after: formatAuditValue(field, next) });
    } else if (hasAfter) {
      if (!isBlank(next)) changes.push({ field, label, kind: 'added', before: null, after: formatAuditValue(field, next) });
    } else if (!isBlank(old)) {
      changes.push({ field, label, kind: 'removed', before: formatAuditValue(field, old), after: null });
    }
  }
  return changes;
};
