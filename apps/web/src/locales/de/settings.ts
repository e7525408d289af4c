import type { settings as en } from '../en/settings';

export const settings: typeof en = {
  title: 'Einstellungen',
  description: 'Unternehmensweite Regeln für alle, die Canteen nutzen.',
  security: {
    title: 'Sicherheit',
    description: 'Wie Personen bei der Anmeldung nachweisen, wer sie sind.',
    loading: 'Einstellungen werden geladen',
    requireTotp: 'Zwei-Faktor-Authentifizierung für Manager und Admins verlangen',
    requireTotpHint:
      'Wer sie noch nicht nutzt, muss sie erst einrichten, bevor etwas anderes möglich ist. Für Mitarbeiter ändert sich nichts.',
    ownTotpOff: 'Sie haben sie selbst noch nicht eingerichtet: Wenn Sie dies einschalten, werden Sie zuerst dorthin geleitet.',
    requiredNow: 'Manager und Admins benötigen jetzt die Zwei-Faktor-Authentifizierung.',
    optionalAgain: 'Die Zwei-Faktor-Authentifizierung ist wieder freiwillig.',
  },
};
