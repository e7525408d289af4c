import type { payments as en } from '../en/payments';

export const payments: typeof en = {
  title: 'Zahlungen',
  description:
    'Alle Kartenaufladungen, neueste zuerst. Eine Erstattung geht zurück auf die Karte; vom Guthaben wird abgezogen, was davon übrig ist.',
  statusFilter: 'Nach Status filtern',
  anyStatus: 'Alle Status',
  shortfallOnly: {
    label: 'Nicht vollständig gedeckte Erstattungen',
    hint: 'Nur Aufladungen, die erstattet wurden, nachdem bereits ein Teil des Geldes ausgegeben war.',
  },
  loading: 'Zahlungen werden geladen',
  pages: 'Zahlungsseiten',
  empty: { title: 'Noch keine Kartenaufladungen', description: 'Aufladungen per Karte erscheinen hier.' },
  noMatch: { title: 'Keine passenden Zahlungen', description: 'Versuchen Sie einen anderen Status oder alle Erstattungen.' },
  table: {
    caption: 'Kartenaufladungen',
    person: 'Person',
    status: 'Status',
    refunded: 'Erstattet',
    shortfall: 'Fehlbetrag',
    actions: 'Aktionen',
    refundRequested: 'Erstattung angefordert…',
    refund: 'Erstatten',
    refundLabel: '{{amount}} an {{name}} erstatten',
  },
  requested:
    'Erstattung von {{amount}} auf die Karte von {{name}} angefordert. Sie erscheint hier, sobald der Zahlungsanbieter sie bestätigt.',
  confirm: {
    title: '{{amount}} an {{name}} erstatten?',
    titleFallback: 'Erstatten?',
    description:
      'Der Zahlungsanbieter erstattet {{amount}} auf die Karte, mit der am {{date}} aufgeladen wurde. Was von diesem Geld übrig ist, wird vom Guthaben von {{name}} abgezogen; ein bereits ausgegebener Teil erscheint als Fehlbetrag. Dies kann nicht rückgängig gemacht werden.',
    button: '{{amount}} erstatten',
    buttonFallback: 'Erstatten',
  },
};
