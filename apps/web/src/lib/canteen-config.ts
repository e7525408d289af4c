import { dayIn } from '@canteen/shared/calendar';
import type { CanteenConfig } from '@canteen/shared';
import { CanteenConfigSchema } from '@canteen/shared';
import { useSyncExternalStore } from 'react';

/*
 * The canteen's name, address, currency and time zone come from the API (`config.get`, public). The last answer is
 * kept in this browser, so a returning visitor (or an installed app offline) starts at once with the right
 * currency; a first visit waits for the answer before the first paint.
 */

const STORAGE_KEY = 'canteen.config';
const DEFAULT_CONFIG: CanteenConfig = { name: 'Canteen', address: '', currency: 'EUR', timeZone: 'UTC' };

const readStored = (): CanteenConfig | null => {
  try {
    const parsed = CanteenConfigSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

let current: CanteenConfig = readStored() ?? DEFAULT_CONFIG;
let hasStored = current !== DEFAULT_CONFIG;
const listeners = new Set<() => void>();

export const canteenConfig = (): CanteenConfig => current;

/** Whether an earlier visit left a configuration to start with. */
export const hasStoredConfig = (): boolean => hasStored;

export const setCanteenConfig = (next: CanteenConfig): void => {
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  current = next;
  hasStored = true;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The configuration, re-rendering when a fresher answer arrives. */
export const useCanteenConfig = (): CanteenConfig => useSyncExternalStore(subscribe, canteenConfig);

/** Today as the canteen counts days (its time zone), `YYYY-MM-DD`. */
export const canteenToday = (): string => dayIn(new Date(), canteenConfig().timeZone);
