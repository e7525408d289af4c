import { describe, expect, it } from 'vitest';
import {
  CreateDepartmentInputSchema,
  CreateUserInputSchema,
  LoginInputSchema,
  PageInputSchema,
  UserListInputSchema,
} from './index';

describe('shared schemas', () => {
  it('normalises emails to lower case and trims them', () => {
    expect(LoginInputSchema.parse({ email: 'Ada.Admin@Canteen.TEST', password: 'x' }).email).toBe('ada.admin@canteen.test');
  });

  it('rejects malformed sign-in input', () => {
    expect(LoginInputSchema.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false);
    expect(LoginInputSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(LoginInputSchema.safeParse({ email: 'a@b.co', password: 'x', totp: '12345' }).success).toBe(false);
  });

  it('enforces the password length on new users and a valid role', () => {
    const base = { email: 'a@b.co', name: 'A', employeeNumber: 'E1', role: 'employee', departmentId: null };
    expect(CreateUserInputSchema.safeParse({ ...base, password: 'short' }).success).toBe(false);
    expect(CreateUserInputSchema.safeParse({ ...base, password: 'long-enough-pass', role: 'root' }).success).toBe(false);
    expect(CreateUserInputSchema.safeParse({ ...base, password: 'long-enough-pass' }).success).toBe(true);
  });

  it('upper-cases department codes and bounds page sizes', () => {
    expect(CreateDepartmentInputSchema.parse({ name: 'Eng', code: 'eng' }).code).toBe('ENG');
    expect(PageInputSchema.parse({}).limit).toBe(25);
    expect(PageInputSchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(UserListInputSchema.safeParse({ limit: 101 }).success).toBe(false);
  });
});
