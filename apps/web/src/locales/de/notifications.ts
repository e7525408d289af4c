import type { notifications as en } from '../en/notifications';

export const notifications: typeof en = {
  bell: {
    label: 'Benachrichtigungen',
    labelUnread_one: 'Benachrichtigungen, {{count}} ungelesen',
    labelUnread_other: 'Benachrichtigungen, {{count}} ungelesen',
    title: 'Benachrichtigungen',
    empty: 'Nichts Neues. Hier sagen wir Ihnen, wenn Ihr Essen fertig ist oder sich Ihr Guthaben bewegt.',
    markAll: 'Alle als gelesen markieren',
    loading: 'Benachrichtigungen werden geladen',
  },
  kinds: {
    order_ready: { title: 'Bestellung #{{number}} ist abholbereit', body: 'Holen Sie sie an der Ausgabe ab.' },
    order_cancelled: { title: 'Bestellung #{{number}} storniert', body: '{{amount}} ist zurück in Ihrem Guthaben.' },
    order_refunded: { title: 'Bestellung #{{number}} erstattet', body: '{{amount}} ist zurück in Ihrem Guthaben.' },
    top_up_succeeded: { title: '{{amount}} Ihrem Guthaben gutgeschrieben', body: 'Ihre Kartenaufladung ist durch.' },
    top_up_failed: { title: 'Ihre Aufladung über {{amount}} ist fehlgeschlagen', body: 'Es wurde nichts abgebucht.' },
    balance_low: { title: 'Ihr Guthaben beträgt {{balance}}', body: 'Es ist unter {{threshold}} gefallen.' },
  },
  settings: {
    title: 'Benachrichtigungen',
    description: 'Was die Glocke meldet, sehen Sie immer in der App. Wählen Sie, was zusätzlich per E-Mail kommt.',
    email: 'Per E-Mail',
    emailUnavailable: 'Diese Kantine versendet keine E-Mails, daher bleibt alles in der App.',
    lowBalance: 'Melden, wenn mein Guthaben unter diesen Betrag fällt',
    lowBalanceHint: 'Leer lassen für nie.',
    save: 'Speichern',
    saved: 'Benachrichtigungen gespeichert.',
    kinds: {
      order_ready: 'Meine Bestellung ist abholbereit',
      order_cancelled: 'Meine Bestellung wurde storniert',
      order_refunded: 'Meine Bestellung wurde erstattet',
      top_up_succeeded: 'Eine Kartenaufladung ist durch',
      top_up_failed: 'Eine Kartenaufladung ist fehlgeschlagen',
      balance_low: 'Mein Guthaben ist niedrig',
    },
  },
  unsubscribe: {
    pageTitle: 'E-Mails abbestellen',
    title: 'Keine E-Mails mehr von Canteen?',
    description: 'Sie sehen weiterhin alles in der App. In Ihrem Profil können Sie E-Mails wieder einschalten.',
    confirm: 'E-Mails abbestellen',
    done: 'Erledigt. Canteen schickt Ihnen keine E-Mails mehr.',
    invalid: 'Dieser Link ist ungültig. Schalten Sie E-Mails stattdessen in Ihrem Profil aus.',
    toApp: 'Canteen öffnen',
  },
};
