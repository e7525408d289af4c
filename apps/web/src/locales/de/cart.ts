import type { cart as en } from '../en/cart';

export const cart: typeof en = {
  title: 'Warenkorb',
  emptyDescription: 'Wählen Sie Gerichte auf der Speisekarte aus und bezahlen Sie sie hier mit Ihrem Guthaben.',
  description: 'Prüfen Sie Ihre Bestellung und bezahlen Sie sie mit Ihrem Guthaben.',
  empty: {
    title: 'Ihr Warenkorb ist leer',
    description: 'Legen Sie Gerichte von der Speisekarte hinein. Sie bleiben hier, auch wenn Sie die Seite schließen.',
  },
  order: {
    title: 'Ihre Bestellung',
    description: 'Es gelten die heutigen Preise; sie werden festgeschrieben, sobald Sie bestellen.',
    dishes: 'Gerichte in Ihrem Warenkorb',
    emptyCart: 'Warenkorb leeren',
    subtotal: 'Zwischensumme',
  },
  checkout: {
    title: 'Bezahlen',
    description: 'Das älteste Geld in Ihrem Guthaben wird zuerst ausgegeben.',
    problemsTitle: 'Einige Gerichte müssen geändert werden',
    problems_one: '{{names}} ist in dieser Menge nicht mehr verfügbar. Ändern oder entfernen Sie das Gericht, um fortzufahren.',
    problems_other:
      '{{names}} sind in dieser Menge nicht mehr verfügbar. Ändern oder entfernen Sie diese Gerichte, um fortzufahren.',
    placing: 'Bestellung wird aufgegeben…',
    place: 'Bestellen · {{total}}',
  },
  line: {
    dish: 'Gericht',
    aDish: 'Ein Gericht',
    thisDish: 'dieses Gericht',
    loading: 'Gericht wird geladen',
    gone: 'Nicht mehr auf der Speisekarte. Entfernen Sie es, um fortzufahren.',
    each: '{{price}} pro Stück',
    onlyLeft: 'Nur noch {{stock}} übrig',
  },
  wallet: {
    loading: 'Ihr Guthaben wird geladen',
    title: 'Ihr Guthaben',
    noMoney: 'Ihr Guthaben ist noch leer.',
    balance: 'Kontostand',
    thisOrder: 'Diese Bestellung',
    balanceAfter: 'Kontostand danach',
  },
  shortfall: {
    missing: 'Es fehlen noch {{amount}}.',
    checking: 'Aufladeoptionen werden geprüft…',
    optionsFailed: 'Entfernen Sie etwas oder laden Sie Ihr Guthaben auf.',
    disabled:
      'Kartenaufladungen sind hier nicht verfügbar: Entfernen Sie etwas oder bitten Sie Ihren Kantinenmanager um eine Gutschrift.',
    dailyLimitReached:
      'Sie haben das heutige Limit für Kartenaufladungen erreicht: Entfernen Sie etwas oder laden Sie morgen wieder auf.',
    overMaximum:
      'Das ist mehr, als eine Kartenaufladung hinzufügen kann ({{max}}): Entfernen Sie etwas oder laden Sie Ihr Guthaben mehrmals auf.',
    overToday: 'Heute können nur noch {{remaining}} aufgeladen werden: Entfernen Sie etwas, um fortzufahren.',
    byCard:
      'Laden Sie per Karte auf und kehren Sie dann hierher zurück, um Ihre Bestellung aufzugeben; Ihr Warenkorb bleibt unverändert.',
    topUp: '{{amount}} aufladen',
  },
};
