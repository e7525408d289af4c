import type { auth as en } from '../en/auth';

export const auth: typeof en = {
  login: {
    pageTitle: 'Anmelden',
    title: 'Bei Canteen anmelden',
    description: 'Mittagessen bestellen, Guthaben aufladen und die Kantine verwalten.',
    totpTitle: 'Bestätigung in zwei Schritten',
    totpDescription: 'Öffnen Sie Ihre Authenticator-App und geben Sie den 6-stelligen Code für Canteen ein.',
    email: 'E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    forgotPassword: 'Passwort vergessen? Bitten Sie einen Admin um einen Link zum Zurücksetzen.',
    totpCode: 'Bestätigungscode',
    verify: 'Bestätigen und anmelden',
    otherAccount: 'Anderes Konto verwenden',
  },
  demo: {
    title: 'Demo-Konten',
    passwordForAll: 'Passwort für alle:',
    roles: { admin: 'Admin', manager: 'Manager', employee: 'Mitarbeiter', kitchen: 'Küche' },
  },
  reset: {
    pageTitle: 'Passwort zurücksetzen',
    title: 'Neues Passwort wählen',
    description: 'Verwenden Sie mindestens {{min}} Zeichen. Alle anderen Anmeldungen enden, sobald Sie es ändern.',
    done: 'Ihr Passwort wurde geändert. Melden Sie sich mit Ihrem neuen Passwort an.',
    goToSignIn: 'Zur Anmeldung',
    incompleteTitle: 'Dieser Link ist unvollständig',
    incompleteDescription:
      'Öffnen Sie den vollständigen Link, den Ihr Administrator Ihnen geschickt hat, oder bitten Sie um einen neuen.',
    backToSignIn: 'Zurück zur Anmeldung',
    newPassword: 'Neues Passwort',
    confirmPassword: 'Neues Passwort bestätigen',
    mismatch: 'Die Passwörter stimmen nicht überein',
    submit: 'Neues Passwort festlegen',
  },
};
