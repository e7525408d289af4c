import type { EntityManager } from '@mikro-orm/postgresql';
import { Setting, type User } from '@canteen/db';
import { DEFAULT_CUTOFF_TIME, DEFAULT_PREORDER_DAYS, SettingsSchema, type Settings } from '@canteen/shared';

export const DEFAULT_SETTINGS: Settings = {
  requireTotpForStaff: false,
  preorderDays: DEFAULT_PREORDER_DAYS,
  cutoffTime: DEFAULT_CUTOFF_TIME,
};
const KEY = 'app';
const TTL_MS = 5_000;

export type SettingsStore = {
  get: (em: EntityManager) => Promise<Settings>;
  set: (em: EntityManager, settings: Settings) => Promise<Settings>;
  /** `em` may be a function giving one: it is only needed when the settings must be read (staff without 2FA). */
  mustEnrolTotp: (em: EntityManager | (() => EntityManager), user: Pick<User, 'role' | 'totpEnabledAt'>) => Promise<boolean>;
};

/** Settings live in the database; each process keeps them for a few seconds to spare a query per request. */
export const createSettingsStore = (): SettingsStore => {
  let cached: { value: Settings; at: number } | undefined;
  const get = async (em: EntityManager): Promise<Settings> => {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const row = await em.findOne(Setting, { key: KEY });
    const stored = SettingsSchema.partial().safeParse(row?.value ?? {});
    const value = { ...DEFAULT_SETTINGS, ...(stored.success ? stored.data : {}) };
    cached = { value, at: Date.now() };
    return value;
  };
  return {
    get,
    async set(em, settings) {
      const row = (await em.findOne(Setting, { key: KEY })) ?? em.create(Setting, { key: KEY, value: settings });
      row.value = settings;
      await em.flush();
      cached = { value: settings, at: Date.now() };
      return settings;
    },
    async mustEnrolTotp(em, user) {
      if (user.role === 'employee' || user.totpEnabledAt) return false;
      return (await get(typeof em === 'function' ? em() : em)).requireTotpForStaff;
    },
  };
};
