import type { Language } from '@canteen/shared';
import { createTransport } from 'nodemailer';

/** One email as the notification job sends it. */
export type Mail = { to: string; subject: string; text: string; html: string; headers?: Record<string, string> };

export type Mailer = { send: (mail: Mail) => Promise<void>; close: () => void };

/**
 * Email over SMTP (nodemailer), for notifications; `SMTP_URL` configures it (smtp:// or smtps://). A failed send
 * throws, and the job runner retries it with backoff.
 */
export const createMailer = ({ url, from }: { url: string; from: string }): Mailer => {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
};

/** Amounts in emails, in the canteen's currency (English: the server does not know the reader's language). */
/** Amounts as a reader of each language expects them ("€12.50" in English, "12,50 €" in German). */
export const moneyFormatter = (currency: string): ((cents: number, language: Language) => string) => {
  const formats: Record<Language, Intl.NumberFormat> = {
    en: new Intl.NumberFormat('en-GB', { style: 'currency', currency }),
    de: new Intl.NumberFormat('de-DE', { style: 'currency', currency }),
  };
  return (cents, language) => formats[language].format(cents / 100);
};
