// The menu's ceiling for `pnpm bench`: a bare Hono server on the same Node answering the captured menu bytes
// (argv: the body's file, its content type). Prints {"port": N} once listening; runs until killed.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const body = readFileSync(process.argv[2]);
const contentType = process.argv[3] ?? 'application/json';
const app = new Hono();
app.get('*', (c) => c.body(body, 200, { 'content-type': contentType }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
