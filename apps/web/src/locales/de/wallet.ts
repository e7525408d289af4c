import type { wallet as en } from '../en/wallet';

export const wallet: typeof en = {
  title: 'Guthaben',
  description: 'Geld, das das Unternehmen, Ihre Abteilung und Sie eingezahlt haben, und was Sie ausgegeben haben.',
  topUp: 'Aufladen',
  balance: {
    loading: 'Ihr Kontostand wird geladen',
    label: 'Kontostand',
    total: 'Gesamter Kontostand',
    fromPayers_one: 'Von {{count}} Zahler; das älteste Geld wird zuerst ausgegeben.',
    fromPayers_other: 'Von {{count}} Zahlern; das älteste Geld wird zuerst ausgegeben.',
    noMoney: 'Noch kein Geld.',
    byPayer: 'Nach Zahler',
    empty: {
      title: 'Ihr Guthaben ist leer',
      description: 'Das Unternehmen, Ihre Abteilung oder eine Aktion schreibt Ihnen Geld gut; Sie können Ihren Manager fragen.',
    },
  },
  topUps: {
    title: 'Kartenaufladungen',
    description:
      'Geld, das Sie per Karte hinzugefügt haben, neueste zuerst. Es wird wie jedes andere ausgegeben, das älteste zuerst.',
    disabled: 'Kartenaufladungen sind hier nicht verfügbar. Bitten Sie Ihren Kantinenmanager um eine Gutschrift.',
    loading: 'Ihre Aufladungen werden geladen',
    pages: 'Seiten der Aufladungen',
    empty: {
      title: 'Noch keine Kartenaufladungen',
      description: 'Mit „Aufladen“ fügen Sie eigenes Geld per Karte hinzu.',
    },
    caption: 'Kartenaufladungen',
    status: 'Status',
  },
  chart: {
    title: 'Kontostand der letzten {{days}} Tage',
    description: 'Jeweils am Ende des Tages.',
    loading: 'Diagramm wird geladen',
    caption: 'Ihr Kontostand hat sich von {{from}} am {{fromDate}} auf {{to}} am {{toDate}} verändert.',
    tooltip: 'Kontostand',
  },
  history: {
    title: 'Verlauf',
    description: 'Jede Gutschrift, Bestellung und Erstattung, neueste zuerst.',
    loading: 'Verlauf wird geladen',
    pages: 'Seiten des Verlaufs',
    empty: {
      title: 'Hier ist noch nichts',
      description: 'Gutschriften des Unternehmens oder Ihrer Abteilung erscheinen hier.',
    },
    caption: 'Verlauf des Guthabens',
    csvWhat: 'Ihres Guthabenverlaufs',
    split: 'Bezahlt von',
    showSplit_one: 'Zeigen, wer bezahlt hat ({{count}} Zahler)',
    showSplit_other: 'Zeigen, wer bezahlt hat ({{count}} Zahler)',
    payers_one: '{{count}} Zahler',
    payers_other: 'Aufgeteilt auf {{count}} Zahler',
    columns: { date: 'Datum', what: 'Was', amount: 'Betrag', split: 'Wer bezahlt hat' },
    kinds: {
      all: 'Alles',
      orders: 'Bestellungen',
      refunds: 'Erstattungen',
      credits: 'Gutschriften',
      topUps: 'Kartenaufladungen',
    },
    filters: { kind: 'Anzeigen', clear: 'Filter zurücksetzen' },
    noMatch: { title: 'Nichts gefunden', description: 'Versuchen Sie eine andere Art oder andere Tage.' },
  },
  dialog: {
    title: 'Guthaben aufladen',
    descriptionSandbox:
      'Sie bezahlen über eine Test-Bezahlseite (es fließt kein echtes Geld) und kehren dann hierher zurück. Sobald die Zahlung bestätigt ist, können Sie das Geld ausgeben.',
    description:
      'Sie bezahlen per Karte über eine sichere Bezahlseite und kehren dann hierher zurück. Sobald die Zahlung bestätigt ist, können Sie das Geld ausgeben.',
    opening: 'Bezahlseite wird geöffnet…',
    continue: 'Weiter zur Zahlung',
    amounts: 'Beträge',
    amount: 'Betrag ({{symbol}})',
    placeholder: '20,00',
  },
  return: {
    title: 'Kartenaufladung',
    noPayment: 'Diese Adresse verweist auf keine Aufladung. Ihre Kartenaufladungen finden Sie in Ihrem Guthaben.',
    notFound: {
      title: 'Aufladung nicht gefunden',
      description:
        'Diese Aufladung existiert nicht oder gehört nicht Ihnen. Ihre Kartenaufladungen finden Sie in Ihrem Guthaben.',
    },
    loading: 'Ihre Aufladung wird geladen',
    refunded: {
      title: 'Diese Aufladung wurde erstattet',
      text: '{{amount}} wurden Ihrer Karte gutgeschrieben. Im Verlauf Ihres Guthabens sehen Sie, was zurückgebucht wurde.',
    },
    waiting: {
      title: 'Warten auf den Zahlungsanbieter…',
      text: 'Das dauert meist nur wenige Sekunden. Ihrem Guthaben wird erst etwas gutgeschrieben, wenn die Zahlung bestätigt ist.',
    },
    stillWaiting: {
      title: 'Noch immer warten wir auf den Zahlungsanbieter',
      text: 'Die Zahlung wurde noch nicht bestätigt. Wenn Sie bezahlt haben, kommt das Geld in Ihrem Guthaben an, sobald der Anbieter die Zahlung bestätigt; Sie werden nicht doppelt belastet. Wenn Sie abgebrochen haben, wird nichts berechnet.',
      checkAgain: 'Erneut prüfen',
    },
    succeeded: {
      title: '{{amount}} Ihrem Guthaben gutgeschrieben',
      balance: 'Ihr Kontostand beträgt jetzt <balance>{{amount}}</balance>.',
    },
    notCharged: {
      cancelled: 'Sie haben die Zahlung abgebrochen',
      declined: 'Die Zahlung wurde abgelehnt',
      expired: 'Die Bezahlseite ist abgelaufen, bevor bezahlt wurde',
      other: 'Die Zahlung ist nicht durchgegangen',
      text: 'Es wurde nichts berechnet und Ihrem Guthaben nichts gutgeschrieben.',
      providerSaid: 'Meldung des Anbieters: {{reason}}',
      tryAgain: 'Erneut versuchen',
    },
    backToCart: 'Zurück zum Warenkorb',
    goToWallet: 'Zu Ihrem Guthaben',
    browseMenu: 'Zur Speisekarte',
  },
};
