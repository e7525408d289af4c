import type { profile as en } from '../en/profile';

export const profile: typeof en = {
  title: 'Profil',
  description: 'Ihr Konto, Ihr Passwort, die Sicherheit Ihrer Anmeldung und eine Kopie Ihrer Daten.',
  preferences: {
    title: 'Darstellung und Sprache',
    description: 'Wie Canteen auf diesem Gerät aussieht und spricht.',
    language: 'Sprache',
    languageHint: 'Zahlen, Beträge und Daten folgen der Sprache, ebenso die E-Mails, die Canteen Ihnen schickt.',
    browserLanguage: 'Wie dieser Browser',
    theme: 'Erscheinungsbild',
    systemTheme: 'Wie dieses Gerät',
    themes: { light: 'Hell', dark: 'Dunkel' },
  },
  details: {
    title: 'Ihre Angaben',
    description: 'Ein Administrator hält diese auf dem neuesten Stand.',
    name: 'Name',
    email: 'E-Mail',
    role: 'Rolle',
    department: 'Abteilung',
    noDepartment: 'Keine',
  },
  password: {
    title: 'Passwort ändern',
    description:
      'Verwenden Sie mindestens {{min}} Zeichen. Einige Wörter ohne Zusammenhang ergeben ein starkes Passwort, das man sich gut merken kann.',
    current: 'Aktuelles Passwort',
    new: 'Neues Passwort',
    confirm: 'Neues Passwort bestätigen',
    submit: 'Passwort ändern',
    mismatch: 'Die neuen Passwörter stimmen nicht überein',
    currentWrong: 'Ihr aktuelles Passwort ist nicht korrekt',
    changed: 'Passwort geändert. Andere Geräte wurden abgemeldet.',
  },
  twoFactor: {
    title: 'Zwei-Faktor-Authentifizierung',
    on: 'An',
    off: 'Aus',
    description:
      'Bei der Anmeldung nach einem Code aus einer Authenticator-App (etwa 1Password, Google Authenticator oder Authy) fragen.',
    enabled: 'Ihr Konto fragt bei jeder Anmeldung nach einem Code.',
    turnOff: 'Ausschalten',
    setUp: 'Zwei-Faktor-Authentifizierung einrichten',
    scan: '<strong>1. Scannen Sie diesen QR-Code</strong> mit Ihrer Authenticator-App.',
    qrAlt: 'QR-Code, um Canteen zu Ihrer Authenticator-App hinzuzufügen',
    cantScan: 'Scannen klappt nicht? Geben Sie stattdessen diesen Schlüssel ein:',
    copyKey: 'Schlüssel kopieren',
    enterCode: '<strong>2. Geben Sie den 6-stelligen Code ein</strong>, den die App anzeigt.',
    cancel: 'Abbrechen',
    turnOn: 'Einschalten',
    turnedOn: 'Die Zwei-Faktor-Authentifizierung ist an. Andere Geräte wurden abgemeldet.',
    turnedOff: 'Die Zwei-Faktor-Authentifizierung ist aus. Andere Geräte wurden abgemeldet.',
    disableTitle: 'Zwei-Faktor-Authentifizierung ausschalten?',
    disableDescription:
      'Ihr Konto ist dann nur noch durch Ihr Passwort geschützt. Bestätigen Sie mit Ihrem Passwort und einem Code aus Ihrer Authenticator-App. Ihre anderen Geräte werden abgemeldet.',
    password: 'Passwort',
    passwordWrong: 'Ihr Passwort ist nicht korrekt',
  },
  yourData: {
    title: 'Ihre Daten',
    description:
      'Laden Sie alles, was Canteen über Sie speichert, als eine JSON-Datei herunter: Ihr Profil, Bestellungen, Guthabenverlauf, Kartenzahlungen, Bewertungen, Beiträge, Anmeldungen und die Protokolleinträge von Ihnen und über Sie. Jeder Download wird im Protokoll festgehalten.',
    downloaded: 'Ihre Daten wurden heruntergeladen.',
    download: 'Meine Daten herunterladen',
  },
};
