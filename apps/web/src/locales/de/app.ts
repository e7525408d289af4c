import type { app as en } from '../en/app';

export const app: typeof en = {
  update: { ready: 'Eine neue Version von Canteen ist bereit.', reload: 'Neu laden' },
  offline: {
    banner: 'Sie sind offline. Die Speisekarte zeigt den zuletzt geladenen Stand; Bestellen braucht eine Verbindung.',
    ordering: 'Bestellen braucht eine Verbindung. Versuchen Sie es erneut, sobald Sie wieder online sind.',
  },
  header: { balance: 'Kontostand: {{amount}}' },
  notFound: {
    title: 'Seite nicht gefunden',
    description: 'Unter dieser Adresse gibt es nichts. Vielleicht wurde sie verschoben, oder der Link ist unvollständig.',
    home: 'Zur Speisekarte',
  },
};
