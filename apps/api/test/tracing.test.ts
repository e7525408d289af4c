import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { inSpan, isTracing, startTracing } from '../src/lib/tracing';
import { createTestDeps, fund, getTestOrm, makePayer, makeProduct, makeUser, newIdempotencyKey, silentLogger } from './helpers';

/*
 * Tracing (issue 11, item 2): with an OTLP endpoint, one trace per request — the HTTP span, a span per tRPC procedure
 * under it, a span per SQL statement under that — with the request id, exported over real OTLP/HTTP to a receiver
 * started here. Without one, nothing is recorded and no span is made.
 */
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
};
type OtlpBody = { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };

const received: OtlpSpan[] = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', () => {
    const parsed = JSON.parse(body) as OtlpBody;
    for (const resource of parsed.resourceSpans) for (const scope of resource.scopeSpans) received.push(...scope.spans);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe('tracing', () => {
  it('is off without an endpoint: nothing is recorded and no span is made', async () => {
    expect(isTracing()).toBe(false);
    expect(await inSpan('nothing', {}, async (span) => span)).toBeNull();
  });

  it('exports a trace per request over OTLP/HTTP: HTTP span, procedure span, SQL spans, with the request id', async () => {
    const orm = await getTestOrm();
    const deps = createTestDeps();
    const app = createApp({ orm, logger: silentLogger, deps, cookieSecure: false, trustProxy: false, trustedOrigins: [] });
    const person = await makeUser(orm);
    await fund(orm, person, await makePayer(orm, { kind: 'company' }), 5_000);
    const dish = await makeProduct(orm, { priceCents: 400, stock: 10 });
    const token = (await deps.tokens.sign(person.id)).token;

    const stop = startTracing({ serviceName: 'canteen-test', exporter: new OTLPTraceExporter({ url: endpoint }) });
    const requestId = `trace-test-${newIdempotencyKey()}`;
    try {
      const response = await app.request('/trpc/order.place', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: JSON.stringify({ items: [{ productId: dish.id, quantity: 1 }], idempotencyKey: newIdempotencyKey() }),
      });
      expect(response.status).toBe(200);
    } finally {
      await stop();
    }
    expect(isTracing()).toBe(false);

    const http = received.find((span) => attribute(span, 'canteen.request_id') === requestId && span.name.startsWith('POST'));
    expect(http?.name).toBe('POST /trpc/*');
    expect(attribute(http!, 'http.response.status_code')).toBe(200);
    const inTrace = received.filter((span) => span.traceId === http!.traceId);
    const procedure = inTrace.find((span) => span.name === 'trpc order.place');
    expect(procedure?.parentSpanId).toBe(http!.spanId);
    expect(attribute(procedure!, 'canteen.request_id')).toBe(requestId);
    const statements = inTrace.filter((span) => span.name.startsWith('db '));
    // The order's statements: its transaction, the dishes with their stock taken (a `with`), the inserts.
    expect(statements.map((span) => span.name)).toEqual(
      expect.arrayContaining(['db begin', 'db select', 'db with', 'db insert', 'db commit']),
    );
    // Reading the caller's account happens before the procedure (the request's context), the rest inside it.
    for (const statement of statements) expect([http!.spanId, procedure!.spanId]).toContain(statement.parentSpanId);
    const underProcedure = statements.filter((span) => span.parentSpanId === procedure!.spanId).map((span) => span.name);
    expect(underProcedure).toEqual(expect.arrayContaining(['db begin', 'db with', 'db insert', 'db commit']));
    // No values leave with a span: a statement's text only when it was sent with parameters ($1 …); the audit
    // entry (with the caller's address and browser written into it by the ORM) only as its summary.
    for (const statement of statements) {
      expect(attribute(statement, 'db.system.name')).toBe('postgresql');
      const text = attribute(statement, 'db.query.text');
      if (text !== undefined) expect(String(text)).toMatch(/\$1/);
    }
    // The order's audit entries are written by its ledger statement, the request id among its parameters.
    const audit = statements.find((span) => String(attribute(span, 'db.query.text') ?? '').includes('insert into audit_entry'));
    expect(audit).toBeDefined();
    expect(String(attribute(audit!, 'db.query.text'))).not.toContain(requestId);
    // What the ORM writes itself (the caller's sign-in row load is a parameterised select) never carries values.
    for (const statement of statements.filter((span) => attribute(span, 'db.query.text') === undefined)) {
      expect(attribute(statement, 'db.query.summary')).toBeDefined();
    }
  });
});
