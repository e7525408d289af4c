import type { till as en } from '../en/till';

export const till: typeof en = {
  title: 'Kasse',
  description: 'Bonieren Sie eine Bestellung für einen Mitarbeiter Ihrer Abteilung; sie wird von dessen Guthaben bezahlt.',
  descriptionAdmin: 'Bonieren Sie eine Bestellung für eine beliebige Person; sie wird von deren Guthaben bezahlt.',
  charged: '{{amount}} vom Guthaben von {{name}} abgebucht.',
  print: 'Drucken',
  nextCustomer: 'Nächster Kunde',
  customer: { title: 'Kunde', picker: 'Für wen', balance: 'Kontostand' },
  order: {
    title: 'Bestellung',
    for: 'Für {{name}}',
    chooseCustomer: 'Wählen Sie zuerst den Kunden aus.',
    empty: { title: 'Noch keine Gerichte', description: 'Fügen Sie Gerichte aus der Liste hinzu.' },
    dishes: 'Gerichte in dieser Bestellung',
    total: 'Summe',
    balanceAfter: 'Kontostand danach',
    charge: 'Abbuchen',
    chargePerson: 'Von {{name}} abbuchen · {{total}}',
  },
  bar: { dishes_one: '{{count}} Gericht', dishes_other: '{{count}} Gerichte', review: 'Bestellung ansehen' },
  dishes: {
    title: 'Gerichte',
    searchLabel: 'Gerichte suchen',
    searchPlaceholder: 'Gerichte suchen',
    loading: 'Gerichte werden geladen',
    noMatch: { title: 'Keine passenden Gerichte', description: 'Versuchen Sie ein anderes Wort.' },
    list: 'Gerichte',
    add: 'Hinzufügen',
    addLabel: 'Hinzufügen: {{dish}}',
  },
};
