import type { app as en } from '../en/app';

export const app: typeof en = {
  update: { ready: 'Eine neue Version von Canteen ist bereit.', reload: 'Neu laden' },
  offline: {
    banner: 'Sie sind offline. Die Speisekarte zeigt den zuletzt geladenen Stand; Bestellen braucht eine Verbindung.',
    ordering: 'Bestellen braucht eine Verbindung. Versuchen Sie es erneut, sobald Sie wieder online sind.',
  },
};
