import { AuditEntrySchema } from './audit/audit-entry.entity';
import { DepartmentSchema } from './department/department.entity';
import { SessionSchema } from './session/session.entity';
import { SettingSchema } from './setting/setting.entity';
import { PasswordResetSchema } from './user/password-reset.entity';
import { UserSchema } from './user/user.entity';

export const ENTITIES = [DepartmentSchema, UserSchema, SessionSchema, PasswordResetSchema, AuditEntrySchema, SettingSchema];
