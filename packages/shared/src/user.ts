import { z } from 'zod';
import { EmailSchema, NewPasswordSchema, RoleSchema } from './auth';
import { IdSchema, IsoDateSchema, NameSchema, PageInputSchema, TextSchema, pageOf } from './common';

export const UserDtoSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  employeeNumber: z.string(),
  role: RoleSchema,
  departmentId: IdSchema.nullable(),
  departmentName: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  lockedUntil: IsoDateSchema.nullable(),
  isTotpEnabled: z.boolean(),
  lastLoginAt: IsoDateSchema.nullable(),
  createdAt: IsoDateSchema,
  /** Erased on their request (privacy.erase): anonymous, inactive, kept for their orders and ledger. */
  isErased: z.boolean(),
});
export type UserDto = z.infer<typeof UserDtoSchema>;
export const UserPageSchema = pageOf(UserDtoSchema);

export const UserListInputSchema = PageInputSchema.extend({
  search: TextSchema.trim().max(100).optional(),
  role: RoleSchema.optional(),
  departmentId: IdSchema.optional(),
  isActive: z.boolean().optional(),
  /** Admins: also list people erased on their request (left out by default). */
  includeErased: z.boolean().optional(),
});
export type UserListInput = z.infer<typeof UserListInputSchema>;

export const EmployeeNumberSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, 'Use up to 20 letters, digits or dashes');

export const CreateUserInputSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  employeeNumber: EmployeeNumberSchema,
  role: RoleSchema,
  departmentId: IdSchema.nullable(),
  password: NewPasswordSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = z.object({
  id: IdSchema,
  email: EmailSchema.optional(),
  name: NameSchema.optional(),
  employeeNumber: EmployeeNumberSchema.optional(),
  role: RoleSchema.optional(),
  departmentId: IdSchema.nullable().optional(),
  isActive: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInputSchema>;

export const ResetLinkOutputSchema = z.object({ token: z.string(), path: z.string(), expiresAt: IsoDateSchema });
