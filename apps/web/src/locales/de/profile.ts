import type { profile as en } from '../en/profile';

export const profile: typeof en = {
  preferences: {
    title: 'Einstellungen',
    description: 'Wie Canteen auf diesem Gerät aussieht und spricht.',
    language: 'Sprache',
    languageHint: 'Zahlen, Beträge und Daten folgen der Sprache.',
    browserLanguage: 'Wie dieser Browser',
  },
};
