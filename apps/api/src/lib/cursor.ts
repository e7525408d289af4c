import type { z } from 'zod';
import { AppError } from '../errors';

/** Opaque keyset cursors: base64url JSON of the sort key of the last row, validated on the way back in. */
export const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export const decodeCursor = <T extends z.ZodType>(cursor: string | null | undefined, schema: T): z.infer<T> | null => {
  if (!cursor) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  // Cursor keys are built from the shared input schemas (CursorKeys), which refuse text PostgreSQL cannot store.
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'Invalid cursor', { reason: 'INVALID_INPUT' });
  return parsed.data;
};

/** Keyset condition for lists ordered by (name, id): rows strictly after the cursor's row. */
export const afterNameCursor = ([name, id]: [string, string]) => ({ $or: [{ name: { $gt: name } }, { name, id: { $gt: id } }] });
