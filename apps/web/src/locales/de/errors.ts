import type { errors as en } from '../en/errors';

export const errors: typeof en = {
  reasons: {
    SIGN_IN_REQUIRED: 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
    ROLE_REQUIRED: 'Dazu fehlt Ihnen die Berechtigung.',
    INVALID_CREDENTIALS: 'E-Mail und Passwort passen nicht zusammen. Prüfen Sie beides und versuchen Sie es erneut.',
    ACCOUNT_LOCKED: 'Zu viele Fehlversuche. Warten Sie 15 Minuten und versuchen Sie es dann erneut.',
    TOTP_REQUIRED: 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
    TOTP_INVALID:
      'Dieser Code hat nicht funktioniert. Warten Sie auf den nächsten Code in Ihrer App und versuchen Sie es erneut.',
    TOTP_ENROLMENT_REQUIRED:
      'Ihre Organisation verlangt die Zwei-Faktor-Authentifizierung. Richten Sie sie in Ihrem Profil ein, um fortzufahren.',
    TOTP_ALREADY_ENABLED: 'Die Zwei-Faktor-Authentifizierung ist für Ihr Konto bereits aktiviert.',
    TOTP_NOT_STARTED:
      'Beginnen Sie zuerst mit der Einrichtung der Zwei-Faktor-Authentifizierung und geben Sie dann einen Code aus Ihrer App ein.',
    TOTP_NOT_ENABLED: 'Die Zwei-Faktor-Authentifizierung ist für Ihr Konto bereits deaktiviert.',
    ACCOUNT_INACTIVE: 'Dieses Konto wurde deaktiviert. Bitten Sie einen Admin, es wieder zu aktivieren.',
    WEAK_PASSWORD:
      'Dieses Passwort ist zu leicht zu erraten. Versuchen Sie eine längere Passphrase aus zusammenhanglosen Wörtern.',
    PASSWORD_REUSED: 'Wählen Sie ein neues Passwort, das sich von Ihrem aktuellen unterscheidet.',
    TOKEN_INVALID: 'Dieser Link ist ungültig oder wurde bereits verwendet. Bitten Sie einen Admin um einen neuen.',
    TOKEN_EXPIRED: 'Das ist abgelaufen. Bitte beginnen Sie von vorn.',
    REFRESH_REUSED:
      'Zu Ihrer Sicherheit wurden Sie abgemeldet, weil diese Anmeldung an anderer Stelle verwendet wurde. Bitte melden Sie sich erneut an.',
    ORIGIN_REJECTED: 'Diese Anfrage kam nicht von Canteen selbst. Laden Sie die Seite neu und versuchen Sie es erneut.',
    RATE_LIMITED: 'Zu viele Versuche in kurzer Zeit. Warten Sie eine Minute und versuchen Sie es dann erneut.',
    EMAIL_TAKEN: 'Diese E-Mail-Adresse wird bereits verwendet.',
    EMPLOYEE_NUMBER_TAKEN: 'Diese Personalnummer wird bereits verwendet.',
    DEPARTMENT_TAKEN: 'Eine Abteilung mit diesem Namen oder Kürzel gibt es bereits.',
    DEPARTMENT_IN_USE:
      'Dieser Abteilung gehören noch Personen an. Verschieben Sie sie in eine andere Abteilung, bevor Sie sie löschen.',
    DEPARTMENT_REQUIRED: 'Mitarbeiter und Manager gehören zu einer Abteilung. Wählen Sie eine aus.',
    NOT_IN_DEPARTMENT: 'Sie sind noch keiner Abteilung zugeordnet. Bitten Sie einen Admin, Sie einer Abteilung hinzuzufügen.',
    SELF_LOCKOUT: 'Sie können sich nicht selbst die Admin-Rechte entziehen oder Ihr eigenes Konto deaktivieren.',
    NOT_FOUND: 'Das konnten wir nicht finden. Möglicherweise wurde es entfernt.',
    CONFLICT: 'Das gibt es bereits.',
    INSUFFICIENT_FUNDS: 'Das Guthaben reicht dafür nicht aus.',
    OUT_OF_STOCK: 'Von einem Gericht ist für diese Bestellung nicht mehr genug da.',
    PRODUCT_UNAVAILABLE:
      'Ein Gericht in dieser Bestellung steht nicht mehr auf der Speisekarte. Entfernen Sie es und versuchen Sie es erneut.',
    STOCK_NOT_TRACKED: 'Der Bestand dieses Gerichts wird noch nicht gezählt. Legen Sie zuerst einen Bestand fest.',
    PRODUCT_NAME_TAKEN: 'Ein anderes Gericht auf der Speisekarte hat bereits diesen Namen. Wählen Sie einen anderen Namen.',
    IDEMPOTENCY_MISMATCH:
      'Dieser Bestellvorgang wurde bereits für einen anderen Warenkorb verwendet. Prüfen Sie Ihren Warenkorb und bestellen Sie erneut.',
    SLUG_TAKEN: 'Dieser Name oder diese Webadresse wird bereits verwendet. Wählen Sie eine andere.',
    CATEGORY_IN_USE: 'Diese Kategorie enthält noch Gerichte. Verschieben Sie sie zuerst in eine andere Kategorie.',
    OUT_OF_SCOPE:
      'Das liegt außerhalb Ihrer Abteilung: Manager handeln nur für ihre eigenen Personen, aus ihrem Budget oder einer Aktion.',
    SELF_SERVICE_FORBIDDEN:
      'Niemand bewegt Geld für sich selbst: Sie können Ihrem eigenen Guthaben nichts gutschreiben, belasten oder erstatten. Wenden Sie sich an einen Admin.',
    ADMIN_APPROVAL_REQUIRED:
      'Das ist mehr, als ein Manager einer Person an einem Tag gutschreiben darf. Bitten Sie einen Admin um diese Gutschrift oder schreiben Sie weniger gut.',
    PROFANITY: 'Bitte bleiben Sie freundlich: Ihr Kommentar enthält Wörter, die wir nicht veröffentlichen.',
    NOT_PURCHASED: 'Sie können ein Gericht bewerten, sobald Sie es gekauft haben.',
    ALREADY_REVIEWED: 'Sie haben dieses Gericht bereits bewertet. Bearbeiten Sie stattdessen Ihre Bewertung.',
    IN_USE: 'Das wird an anderer Stelle noch verwendet und kann daher nicht entfernt werden.',
    ORDER_TOO_LARGE:
      'Diese Bestellung ist größer, als eine Bestellung sein darf. Teilen Sie sie auf oder entfernen Sie einige Gerichte.',
    TOP_UPS_DISABLED: 'Aufladungen per Karte sind hier nicht möglich. Bitten Sie Ihren Kantinen-Manager um eine Gutschrift.',
    TOP_UP_OUT_OF_RANGE: 'Wählen Sie einen Betrag innerhalb der angezeigten Aufladegrenzen.',
    TOP_UP_DAILY_LIMIT:
      'Damit würden Sie Ihr tägliches Aufladelimit überschreiten. Wählen Sie einen kleineren Betrag oder versuchen Sie es morgen erneut.',
    PAYMENT_PROVIDER_UNAVAILABLE:
      'Der Zahlungsanbieter ist gerade nicht erreichbar. Es wurde nichts abgebucht; versuchen Sie es gleich noch einmal.',
    PAYMENT_NOT_REFUNDABLE: 'Nur eine bezahlte Aufladung, von der noch Geld übrig ist, kann erstattet werden.',
    ALREADY_ERASED: 'Die Daten dieser Person wurden bereits gelöscht.',
    CONFIRMATION_MISMATCH: 'Das ist nicht die E-Mail-Adresse dieser Person. Geben Sie sie zur Bestätigung genau ein.',
    INVALID_INPUT: 'Einer der Werte ist hier nicht zulässig. Prüfen Sie das Formular und versuchen Sie es erneut.',
    ORDER_NOT_CANCELLABLE: 'Die Küche hat mit dieser Bestellung schon begonnen, sie kann nicht mehr storniert werden.',
    ORDER_STATUS_CHANGED: 'Diese Bestellung ist inzwischen weiter. Die Anzeige zeigt jetzt den aktuellen Stand.',
    INVALID_TRANSITION: 'Dieser Schritt ist für diese Bestellung nicht mehr möglich.',
    PICKUP_DAY_NOT_ORDERABLE: 'Bestellungen sind nur für heute und die nächsten Tage möglich. Wählen Sie einen anderen Tag.',
    SLOT_FULL: 'Diese Abholzeit ist ausgebucht. Wählen Sie eine der noch freien Zeiten.',
    SLOT_NOT_AVAILABLE: 'Diese Abholzeit ist nicht mehr verfügbar. Wählen Sie eine andere.',
    PRODUCT_NOT_PLANNED: 'Dieses Gericht steht am gewählten Tag nicht auf dem Speiseplan.',
    PAST_CUTOFF: 'Die Änderungsfrist für diesen Tag ist vorbei: Die Küche bereitet die Bestellung jetzt zu.',
    PLAN_BELOW_SOLD: 'Es wurden bereits mehr bestellt. Planen Sie mindestens so viele, wie verkauft sind.',
    PRODUCT_NOT_SCHEDULED: 'Nur Tagesgerichte kommen auf den Speiseplan. Markieren Sie das Gericht zuerst als Tagesgericht.',
    OPTION_UNAVAILABLE: 'Eine gewählte Option gibt es zu diesem Gericht nicht mehr. Bitte wählen Sie neu.',
    OPTION_CHOICE_INVALID: 'Prüfen Sie die Auswahl zu diesem Gericht: Eine Pflichtauswahl fehlt, oder es sind zu viele.',
    SERVICE_UNAVAILABLE:
      'Die Kantine ist kurz nicht erreichbar. Versuchen Sie es gleich noch einmal; dieselbe Aktion zu wiederholen ist sicher.',
  },
  codes: {
    UNAUTHORIZED: 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
    FORBIDDEN: 'Dazu fehlt Ihnen die Berechtigung.',
    NOT_FOUND: 'Das konnten wir nicht finden. Möglicherweise wurde es entfernt.',
    CONFLICT: 'Das steht im Widerspruch zu etwas, das bereits existiert.',
    TOO_MANY_REQUESTS: 'Zu viele Anfragen in kurzer Zeit. Warten Sie eine Minute und versuchen Sie es dann erneut.',
    PAYLOAD_TOO_LARGE: 'Das ist zu groß zum Senden.',
    PRECONDITION_FAILED: 'Zuerst muss noch etwas erledigt werden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    INTERNAL_SERVER_ERROR: 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
    SERVICE_UNAVAILABLE:
      'Die Kantine ist kurz nicht erreichbar. Versuchen Sie es gleich noch einmal; dieselbe Aktion zu wiederholen ist sicher.',
  },
  generic: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  network: 'Canteen ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  invalidDetails: 'Einige der Angaben sind ungültig.',
  checkField: 'Prüfen Sie {{field}}: {{message}}.',
  invalidValue: 'ungültiger Wert',
  session: {
    ended: 'Ihre Sitzung wurde beendet. Bitte melden Sie sich erneut an.',
    expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    reused:
      'Zu Ihrer Sicherheit wurden Sie abgemeldet, weil diese Anmeldung an anderer Stelle verwendet wurde. Bitte melden Sie sich erneut an.',
    signedOutElsewhere: 'Sie haben sich in einem anderen Tab abgemeldet.',
  },
  form: {
    required: 'Pflichtfeld',
    tooShort: 'Mindestens {{minimum}} Zeichen',
    tooLong: 'Höchstens {{maximum}} Zeichen',
    email: 'Geben Sie eine gültige E-Mail-Adresse ein',
    format: 'Dieses Format ist ungültig',
  },
  checkout: {
    notEnoughForCustomer:
      'Nicht genug Geld im Guthaben von {{name}}: vorhanden sind {{have}}, diese Bestellung kostet {{total}}.',
    notEnough: 'Nicht genug Geld in Ihrem Guthaben: Sie haben {{have}}, diese Bestellung kostet {{total}}.',
    unreachableForCustomer:
      'Canteen war nicht erreichbar, um die Bestellung zu bestätigen. Versuchen Sie es erneut: Sie wird nicht doppelt abgebucht.',
    unreachable:
      'Canteen war nicht erreichbar, um Ihre Bestellung zu bestätigen. Versuchen Sie es erneut: Falls sie doch durchging, wird nicht doppelt abgebucht.',
    changeCart: '{{message}} Ändern Sie Ihren Warenkorb und versuchen Sie es erneut.',
    slotFull:
      'Diese Abholzeit ist gerade ausgebucht worden. Die nächste freie Zeit, {{time}} Uhr, ist jetzt gewählt: Bestellen Sie erneut, um sie zu nehmen.',
    slotGone:
      'Diese Abholzeit ist nicht mehr verfügbar. Die nächste freie Zeit, {{time}} Uhr, ist jetzt gewählt: Bestellen Sie erneut, um sie zu nehmen.',
    noSlotLeft:
      'Diese Abholzeit ist gerade ausgebucht worden, und alle anderen Zeiten an diesem Tag auch. Wählen Sie einen anderen Tag.',
  },
};
