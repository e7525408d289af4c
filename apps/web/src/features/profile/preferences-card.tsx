import { useTranslation } from 'react-i18next';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/card';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import { LANGUAGES, LANGUAGE_NAMES, type Language, chooseLanguage, chosenLanguage } from '../../lib/i18n';
import { THEMES, type Theme, chooseTheme, chosenTheme } from '../../lib/theme';
import { useState } from 'react';

const BROWSER = 'browser';
const SYSTEM = 'system';

/** How the app looks and speaks on this device: the language (the browser's unless chosen here) and light or dark. */
export const PreferencesCard = () => {
  const { t } = useTranslation('profile');
  const chosen = chosenLanguage();
  const [theme, setTheme] = useState<Theme | null>(chosenTheme);
  const themeOptions = [
    { value: SYSTEM, label: t('preferences.systemTheme') },
    ...THEMES.map((value) => ({ value, label: t(`preferences.themes.${value}`) })),
  ];
  const pickTheme = (value: string) => {
    const next = value === SYSTEM ? null : (value as Theme);
    chooseTheme(next);
    setTheme(next);
  };
  const options = [
    { value: BROWSER, label: t('preferences.browserLanguage') },
    // A language's name in itself, so someone who cannot read the current one still finds theirs.
    ...LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] })),
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('preferences.title')}</CardTitle>
        <CardDescription>{t('preferences.description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Field label={t('preferences.language')} hint={t('preferences.languageHint')}>
          <Select
            value={chosen ?? BROWSER}
            options={options}
            onValueChange={(value) => void chooseLanguage(value === BROWSER ? null : (value as Language))}
          />
        </Field>
        <Field label={t('preferences.theme')}>
          <Select value={theme ?? SYSTEM} options={themeOptions} onValueChange={pickTheme} />
        </Field>
      </CardContent>
    </Card>
  );
};
