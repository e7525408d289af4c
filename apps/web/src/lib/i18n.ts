import { LANGUAGES } from '@canteen/shared/constants';
import { createInstance } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { de } from '../locales/de';
import { en, type Resources } from '../locales/en';

/*
 * Every text the app shows is in `locales/<language>/<namespace>.ts` (i18next + react-i18next). A screen takes its
 * own namespace: `const { t } = useTranslation('menu')`, then `t('title')` or `t('common:save')`; the keys are
 * type-checked against the English texts, and German must have the same keys to compile. Plurals are keys with
 * `_one`/`_other` and a `count`. Never call `t` when a module loads: the language is not known yet.
 */

export { LANGUAGES };
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** Where a language chosen in the profile is kept (this browser); without one the browser's language decides. */
export const LANGUAGE_STORAGE_KEY = 'canteen.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The app's one i18next instance. */
export const i18next = createInstance();

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en, de },
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    defaultNS: 'common',
    ns: Object.keys(en),
    // React escapes what it renders; escaping here as well would show "&amp;".
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: [] },
    initAsync: false,
  });

/** The language the app shows now: one of LANGUAGES. */
export const currentLanguage = (): Language => {
  const language = (i18next.resolvedLanguage ?? i18next.language ?? 'en').split('-')[0] ?? 'en';
  return isLanguage(language) ? language : 'en';
};

const syncDocumentLanguage = () => {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();
};
syncDocumentLanguage();
i18next.on('languageChanged', syncDocumentLanguage);

/** Chosen in the profile: kept in this browser; `null` follows the browser's language again. */
export const chooseLanguage = async (language: Language | null): Promise<void> => {
  if (language) localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  else localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  const browser = navigator.languages.map((tag) => tag.split('-')[0] ?? '').find(isLanguage);
  await i18next.changeLanguage(language ?? browser ?? 'en');
};

/** The language chosen in the profile, or null when the browser's decides. */
export const chosenLanguage = (): Language | null => {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return stored && isLanguage(stored) ? stored : null;
};

/** Regions used when the browser names none for the language shown (numbers and dates follow the text). */
const DEFAULT_LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

/**
 * The locale for numbers and dates: the browser's own variant of the language shown (en-US, de-AT) when it has
 * one, else that language's default. An English page never shows "169,70 €".
 */
export const formattingLocale = (): string => {
  const language = currentLanguage();
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((tag) => tag.split('-')[0] === language) ?? DEFAULT_LOCALES[language];
};
