import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/** Whether the browser has a network; ordering and money need it, reading the last menu does not. */
export const useOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
