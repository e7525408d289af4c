/** English texts of the profile (features/profile); locales/de/profile.ts has the same keys in German. */
export const profile = {
  preferences: {
    title: 'Preferences',
    description: 'How Canteen looks and speaks on this device.',
    language: 'Language',
    languageHint: 'Numbers, amounts and dates follow the language.',
    browserLanguage: 'Same as this browser',
  },
};
