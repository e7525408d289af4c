import type { credits as en } from '../en/credits';

export const credits: typeof en = {
  title: 'Gutschriften',
  description:
    'Geld auf Guthaben buchen. Ein negativer Betrag ist eine Korrektur, die eine frühere Gutschrift dieses Zahlers zurücknimmt.',
  fields: {
    paidBy: 'Bezahlt von',
    loading: 'Wird geladen…',
    choosePayer: 'Zahler wählen',
    amountPlaceholder: '10,00',
    note: 'Notiz (optional)',
  },
  payer: {
    option: '{{name}} ({{kind}})',
    kinds: { company: 'Unternehmen', department: 'Abteilungsbudget', personal: 'persönlich', promo: 'Aktion' },
  },
  validation: {
    payerRequired: 'Wählen Sie, wer bezahlt',
    personRequired: 'Wählen Sie, wer das Geld erhält',
    departmentRequired: 'Wählen Sie eine Abteilung',
    singleAmount: 'Geben Sie einen Betrag in Euro ein, z. B. 12,50 oder -5',
    bulkAmount: 'Geben Sie einen Betrag in Euro ein, z. B. 10,00',
  },
  single: {
    title: 'Einer Person gutschreiben',
    description: 'Zum Geburtstag, als manuelle Erstattung oder um einen Fehler zu korrigieren.',
    who: 'Empfänger',
    balanceNow: 'Aktueller Kontostand',
    amount: 'Betrag ({{currency}})',
    amountHint: 'Negativ, um zurückzunehmen.',
    notePlaceholder: 'z. B. Teamessen',
    noteHint: 'Erscheint im Verlauf des Guthabens.',
    submit: 'Gutschreiben',
    credited: '{{amount}} für {{name}} gutgeschrieben. Neuer Kontostand: {{balance}}.',
    adjusted: '{{amount}} für {{name}} korrigiert. Neuer Kontostand: {{balance}}.',
  },
  bulk: {
    title: 'Einem ganzen Team gutschreiben',
    description: 'Alle aktiven Personen erhalten auf einmal denselben Betrag. Ihr eigenes Guthaben ist ausgenommen.',
    who: 'Empfänger',
    wholeCompany: 'Gesamtes Unternehmen',
    chooseDepartment: 'Abteilung wählen',
    everyEmployeeOf: 'Alle Mitarbeiter von {{department}}',
    everyEmployeeOfYours: 'Alle Mitarbeiter Ihrer Abteilung',
    amount: 'Betrag pro Person ({{currency}})',
    notePlaceholder: 'z. B. Monatliches Essensbudget',
    submit: 'Allen gutschreiben…',
    credited_one: '{{number}} Person gutgeschrieben, insgesamt {{total}}.',
    credited_other: '{{number}} Personen gutgeschrieben, insgesamt {{total}}.',
    confirm: {
      title: 'Allen gutschreiben?',
      description_one:
        'Je {{amount}} gehen an {{recipients}} ({{number}} Person): insgesamt {{total}}. War es ein Fehler, korrigieren Sie es Person für Person.',
      description_other:
        'Je {{amount}} gehen an {{recipients}} ({{number}} Personen): insgesamt {{total}}. War es ein Fehler, korrigieren Sie es Person für Person.',
      counting: 'Je {{amount}} gehen an {{recipients}}. Die Personen werden gezählt…',
      uncounted:
        'Je {{amount}} gehen an {{recipients}}, aber die Personen konnten nicht gezählt werden. Schließen Sie dies und versuchen Sie es erneut.',
      nobody: 'Niemand würde etwas erhalten: Hier gibt es keine aktive Person, der Sie etwas gutschreiben dürfen.',
      button: 'Allen gutschreiben',
    },
    recipients: {
      company: 'alle im Unternehmen',
      department: 'alle in {{department}}',
      unknownDepartment: 'alle in der Abteilung',
      own: 'alle Mitarbeiter von {{department}}',
      ownUnknown: 'alle Mitarbeiter Ihrer Abteilung',
    },
  },
};
