/** English texts of the company settings (features/settings); locales/de/settings.ts has the same keys in German. */
export const settings = {
  title: 'Settings',
  description: 'Company-wide rules for everyone who uses Canteen.',
  security: {
    title: 'Security',
    description: 'How people prove who they are when they sign in.',
    loading: 'Loading settings',
    requireTotp: 'Require two-factor authentication for managers and admins',
    requireTotpHint: 'Staff without it are sent to set it up before they can do anything else. Employees are not affected.',
    ownTotpOff: 'You have not set it up yourself yet: turning this on takes you there first.',
    requiredNow: 'Managers and admins now need two-factor authentication.',
    optionalAgain: 'Two-factor authentication is optional again.',
  },
};
