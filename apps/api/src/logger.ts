import { pino, type Logger } from 'pino';

export type { Logger };

/** Root logger: JSON lines; request handlers log through a child that carries the request id. */
export const createLogger = (level: string): Logger =>
  pino({
    level,
    base: undefined,
    redact: { paths: ['password', '*.password', 'token', '*.token', 'accessToken', '*.accessToken'], censor: '[redacted]' },
  });
