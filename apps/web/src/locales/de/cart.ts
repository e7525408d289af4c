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
    notServed_one:
      '{{names}} steht am {{day}} nicht auf dem Speiseplan. Entfernen Sie das Gericht oder wählen Sie einen anderen Tag, um fortzufahren.',
    notServed_other:
      '{{names}} stehen am {{day}} nicht auf dem Speiseplan. Entfernen Sie diese Gerichte oder wählen Sie einen anderen Tag, um fortzufahren.',
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
    optionsChanged: 'Die Auswahl zu diesem Gericht hat sich geändert. Entfernen Sie es und fügen Sie es neu hinzu.',
    addNote: 'Hinweis für die Küche',
    addNoteFor: 'Hinweis für die Küche zu {{dish}} hinzufügen',
    editNote: 'Hinweis ändern',
    editNoteFor: 'Hinweis für die Küche zu {{dish}} ändern',
    noteFor: 'Hinweis für die Küche zu {{dish}}',
    notePlaceholder: 'Bitte ohne Zwiebeln',
    saveNote: 'Hinweis speichern',
    cancelNote: 'Abbrechen',
    notServed: 'Steht am {{day}} nicht auf dem Speiseplan. Entfernen Sie es oder wählen Sie einen anderen Tag.',
  },
  pickup: {
    title: 'Abholung',
    day: 'Abholtag',
    today: 'Heute, {{day}}',
    loading: 'Abholzeiten werden geladen',
    noTimesToday: 'Heute gibt es keine Abholzeiten: Holen Sie Ihre Bestellung an der Theke ab, wann es Ihnen passt.',
    noTimes: 'Am {{day}} gibt es keine Abholzeiten: Holen Sie Ihre Bestellung an diesem Tag an der Theke ab.',
    noneFreeToday: 'Alle Abholzeiten für heute sind belegt oder vorbei: Ihre Bestellung ist so bald wie möglich fertig.',
    noneFree: 'Alle Abholzeiten am {{day}} sind ausgebucht. Wählen Sie einen anderen Tag.',
    notOrderable: 'Für {{day}} kann nicht bestellt werden. Wählen Sie einen anderen Tag.',
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
