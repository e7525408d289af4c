import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { fieldErrors } from './errors';
import { i18next } from './i18n';

/**
 * Plain-words messages for Zod's built-in checks. A message written into a shared schema (for example the
 * 6-digit code) still wins, because a schema's own message takes precedence over this map.
 */
const friendlyIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? i18next.t('errors:form.required')
      : i18next.t('errors:form.tooShort', { minimum: String(issue.minimum) });
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return i18next.t('errors:form.tooLong', { maximum: String(issue.maximum) });
  }
  if (issue.code === 'invalid_format')
    return issue.format === 'email' ? i18next.t('errors:form.email') : i18next.t('errors:form.format');
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) {
    return i18next.t('errors:form.required');
  }
  return undefined;
};

/** A react-hook-form resolver from a shared Zod schema, so the form checks exactly what the API checks. */
export const schemaResolver = <S extends z.ZodType<FieldValues, FieldValues>>(schema: S) =>
  zodResolver(schema, { error: friendlyIssue }) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;

/** A whole number typed as digits ("12"), or null for anything else. */
export const parseCount = (text: string): number | null => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

/** Puts a BAD_REQUEST's per-field messages next to the fields; returns whether there were any. */
export const applyFieldErrors = <T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): boolean => {
  const entries = Object.entries(fieldErrors(error));
  for (const [field, message] of entries) setError(field as Path<T>, { type: 'server', message });
  return entries.length > 0;
};
