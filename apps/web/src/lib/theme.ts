import { useSyncExternalStore } from 'react';

/*
 * Light or dark: the system's by default (CSS alone, src/theme.css, so there is no flash), or the one chosen in the
 * profile, kept in this browser and set as data-theme on <html> before the first render.
 */

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const STORAGE_KEY = 'canteen.theme';

const isTheme = (value: string | null): value is Theme => value === 'light' || value === 'dark';

/** The theme chosen in the profile, or null when the system decides. */
export const chosenTheme = (): Theme | null => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isTheme(stored) ? stored : null;
  } catch {
    return null;
  }
};

const listeners = new Set<() => void>();

const apply = (theme: Theme | null): void => {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The chosen theme, re-rendering when the profile changes it (the toaster follows it). */
export const useChosenTheme = (): Theme | null => useSyncExternalStore(subscribe, chosenTheme);

/** Chosen in the profile: kept in this browser; `null` follows the system again. */
export const chooseTheme = (theme: Theme | null): void => {
  if (theme) localStorage.setItem(STORAGE_KEY, theme);
  else localStorage.removeItem(STORAGE_KEY);
  apply(theme);
};

/** At start-up, before the first render. */
export const applyChosenTheme = (): void => apply(chosenTheme());
