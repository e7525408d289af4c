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
export const moneyFormatter = (currency: string): ((cents: number) => string) => {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  return (cents) => format.format(cents / 100);
};
