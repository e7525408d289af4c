import type { kitchen as en } from '../en/kitchen';

export const kitchen: typeof en = {
  title: 'Küche',
  description: 'Bestellungen in der Reihenfolge ihres Eingangs. Ein Tipp bringt einen Bon weiter.',
  connection: { connecting: 'Verbinde…', live: 'Live', reconnecting: 'Verbinde neu…' },
  columns: { placed: 'Neu', preparing: 'In Zubereitung', ready: 'Abholbereit' },
  count_one: '{{count}} Bestellung',
  count_other: '{{count}} Bestellungen',
  empty: {
    placed: 'Keine neuen Bestellungen',
    preparing: 'Nichts in Zubereitung',
    ready: 'Nichts wartet an der Ausgabe',
  },
  ticket: {
    label: 'Bestellung {{number}} für {{name}}',
    till: 'Kasse',
    justNow: 'Gerade eben',
    waited_one: '{{count}} Min.',
    waited_other: '{{count}} Min.',
    waitedLabel: 'Wartet seit {{minutes}} Minuten',
  },
  actions: {
    placed: 'Beginnen',
    preparing: 'Fertig',
    ready: 'Abgeholt',
    undo: 'Rückgängig',
    moved: 'Bestellung {{number}}: {{status}}',
  },
  counter: {
    title: 'Ausgabe',
    label: 'Bestellnummer oder QR-Code',
    hint: 'Geben Sie die gezeigte Nummer ein oder scannen Sie den Code auf dem Beleg.',
    find: 'Suchen',
    notFound: 'Keine Bestellung von heute hat diese Nummer.',
    close: 'Schließen',
  },
  allDay: { title: 'Gesamt', description: 'Noch zuzubereiten', empty: 'Nichts mehr zuzubereiten.' },
  error: 'Die Küchenanzeige konnte nicht geladen werden.',
};
