import { z } from 'zod';

export const SettingsSchema = z.object({ requireTotpForStaff: z.boolean() });
export type Settings = z.infer<typeof SettingsSchema>;
