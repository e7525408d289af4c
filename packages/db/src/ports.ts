import { createServer } from 'node:net';

const tryListen = (port: number, host: string): Promise<number | null> =>
  new Promise((resolvePort) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolvePort(null));
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolvePort(bound));
    });
  });

/** Whether nothing listens on `port` at `host` right now. */
export const isPortFree = async (port: number, host = '127.0.0.1'): Promise<boolean> => (await tryListen(port, host)) === port;

/**
 * `preferred` when it is free, else the next free one above it (up to 50 tries), else any port the OS gives.
 * Several of our servers (a test run, `npm start`, a benchmark) share one machine, so no fixed port is assumed free.
 */
export const findFreePort = async (preferred = 0, host = '127.0.0.1'): Promise<number> => {
  if (preferred > 0) {
    for (let port = preferred; port < Math.min(preferred + 50, 65536); port += 1) {
      if (port !== 5432 && (await isPortFree(port, host))) return port;
    }
  }
  const any = await tryListen(0, host);
  if (any === null) throw new Error('No free TCP port on this machine');
  return any;
};
