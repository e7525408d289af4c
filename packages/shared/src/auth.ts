import { z } from 'zod';
import { IsoDateSchema, TextSchema } from './common';
import { LANGUAGES, ROLES } from './constants';

export const RoleSchema = z.enum(ROLES);

export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const PASSWORD_MIN_LENGTH = 12;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

/** Length bounds only; strength (zxcvbn) is judged on the server, where the dictionaries live. */
export const NewPasswordSchema = TextSchema.min(PASSWORD_MIN_LENGTH).max(256);

export const TotpCodeSchema = TextSchema.regex(/^\d{6}$/, 'Enter the 6-digit code');

export const LoginInputSchema = z.object({
  email: EmailSchema,
  password: TextSchema.min(1).max(256),
  totp: TotpCodeSchema.optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const SessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  isTotpEnabled: z.boolean(),
  mustEnrolTotp: z.boolean(),
  /** The language the person last used the app in: their emails come in it (null: not known yet, English). */
  language: LanguageSchema.nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const LoginOutputSchema = z.object({
  accessToken: z.string(),
  expiresAt: IsoDateSchema,
  user: SessionUserSchema,
});
export type LoginOutput = z.infer<typeof LoginOutputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: TextSchema.min(1).max(256),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInputSchema>;

export const TotpEnrolmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const TotpConfirmInputSchema = z.object({ code: TotpCodeSchema });
/** Turning 2FA off takes the password and a current code: a stolen session alone cannot remove it. */
export const TotpDisableInputSchema = z.object({ password: TextSchema.min(1).max(256), code: TotpCodeSchema });
export type TotpDisableInput = z.infer<typeof TotpDisableInputSchema>;

export const ResetPasswordInputSchema = z.object({
  token: TextSchema.min(20).max(200),
  newPassword: NewPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

/** `auth.setLanguage`: the app tells the account the language it shows, so emails speak it too. */
export const SetLanguageInputSchema = z.object({ language: LanguageSchema });
