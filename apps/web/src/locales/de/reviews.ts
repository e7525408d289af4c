import type { reviews as en } from '../en/reviews';

export const reviews: typeof en = {
  title: 'Bewertungen',
  description: 'Was die Gäste über die Gerichte sagen. Blenden Sie alles aus, was nicht veröffentlicht werden sollte.',
  show: 'Anzeigen',
  status: { all: 'Alle Bewertungen', visible: 'Sichtbar', hidden: 'Ausgeblendet' },
  loading: 'Bewertungen werden geladen',
  pages: 'Bewertungsseiten',
  empty: {
    title: 'Hier gibt es keine Bewertungen',
    description: 'Bewertungen erscheinen, sobald jemand sein Mittagessen bewertet.',
  },
  unknownDish: 'Gericht',
  table: {
    caption: 'Bewertungen',
    dish: 'Gericht',
    rating: 'Bewertung',
    comment: 'Kommentar',
    status: 'Status',
    actions: 'Aktionen',
    noComment: 'Kein Kommentar',
  },
  hide: 'Ausblenden',
  unhide: 'Einblenden',
  hideLabel: 'Bewertung von {{name}} zu {{dish}} ausblenden',
  unhideLabel: 'Bewertung von {{name}} zu {{dish}} einblenden',
  toast: { hidden: 'Bewertung ausgeblendet.', visible: 'Bewertung wieder sichtbar.' },
};
