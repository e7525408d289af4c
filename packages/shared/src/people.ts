import { z } from 'zod';
import { EmailSchema, NewPasswordSchema, RoleSchema } from './auth';
import { IdSchema, IsoDateSchema, PageInputSchema, TextSchema, pageOf } from './common';

const NameSchema = TextSchema.trim().min(1).max(120);

export const DepartmentDtoSchema = z.object({
  id: IdSchema,
  name: z.string(),
  code: z.string(),
  userCount: z.number().int(),
  createdAt: IsoDateSchema,
});
export type DepartmentDto = z.infer<typeof DepartmentDtoSchema>;
export const DepartmentPageSchema = pageOf(DepartmentDtoSchema);

export const DepartmentListInputSchema = PageInputSchema.extend({
  search: TextSchema.trim().max(100).optional(),
});
export const DepartmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,12}$/, 'Use 2-12 letters, digits or dashes');
export const CreateDepartmentInputSchema = z.object({ name: NameSchema, code: DepartmentCodeSchema });
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentInputSchema>;
export const UpdateDepartmentInputSchema = z.object({
  id: IdSchema,
  name: NameSchema.optional(),
  code: DepartmentCodeSchema.optional(),
});
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentInputSchema>;

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
});
export type UserDto = z.infer<typeof UserDtoSchema>;
export const UserPageSchema = pageOf(UserDtoSchema);

export const UserListInputSchema = PageInputSchema.extend({
  search: TextSchema.trim().max(100).optional(),
  role: RoleSchema.optional(),
  departmentId: IdSchema.optional(),
  isActive: z.boolean().optional(),
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

export const ByIdInputSchema = z.object({ id: IdSchema });

export const ResetLinkOutputSchema = z.object({ token: z.string(), path: z.string(), expiresAt: IsoDateSchema });

export const SettingsSchema = z.object({ requireTotpForStaff: z.boolean() });
export type Settings = z.infer<typeof SettingsSchema>;

export const AuditEntryDtoSchema = z.object({
  id: IdSchema,
  at: IsoDateSchema,
  actorId: IdSchema.nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;
export const AuditListInputSchema = PageInputSchema.extend({
  action: TextSchema.trim().max(80).optional(),
  entity: TextSchema.trim().max(80).optional(),
  entityId: TextSchema.trim().max(80).optional(),
  actorId: IdSchema.optional(),
});
export const AuditPageSchema = pageOf(AuditEntryDtoSchema);
