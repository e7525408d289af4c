import { type Attributes, type Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';

/*
 * Traces with OpenTelemetry (docs/OBSERVABILITY.md): a span for each HTTP request, each tRPC procedure call and each
 * SQL statement, carrying the request id, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Off otherwise, and then free: `inSpan` calls straight through and
 * no span object is ever made.
 */

const TRACER = 'canteen-api';
let provider: TracerProvider | null = null;

/** Whether spans are being recorded (tracing was started). */
export const isTracing = (): boolean => provider !== null;

/**
 * Starts tracing for this process with `exporter` (OTLP/HTTP to the configured endpoint by default; the exporter
 * reads the standard OTEL_EXPORTER_OTLP_* variables for headers and timeouts). Returns the shutdown, which flushes.
 */
export const startTracing = (options: { serviceName: string; exporter?: SpanExporter }): (() => Promise<void>) => {
  const exporter = options.exporter ?? new OTLPTraceExporter();
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: 1000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  return async () => {
    const stopping = provider;
    provider = null;
    await stopping?.shutdown();
    trace.disable();
    context.disable();
  };
};

/**
 * Runs `fn` inside a new active span (a child of the current one), ending it when `fn` settles, with an error
 * status when it throws. When tracing is off, just runs `fn`.
 */
export const inSpan = <T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  fn: (span: Span | null) => Promise<T>,
): Promise<T> => {
  if (!provider) return fn(null);
  return trace
    .getTracer(TRACER)
    .startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} }, async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    });
};

/** `insert audit_entry`, `select product`: the statement's keyword and first table, for a span without values. */
const summaryOf = (operation: string, text: string): string => {
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(text)?.[1];
  return table ? `${operation} ${table}` : operation;
};

/**
 * A span for a statement sent to the database, ended by the returned function; null when tracing is off. The
 * statement's text is kept only when it was sent with parameters: MikroORM's own statements arrive with their
 * values written in (addresses, names, audit snapshots), which must not leave for a tracing backend.
 */
export const startSqlSpan = (
  operation: string,
  text: string,
  options: { pool: string; hasParameters: boolean },
): ((failed: boolean) => void) | null => {
  if (!provider) return null;
  const span = trace.getTracer(TRACER).startSpan(`db ${operation}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': operation,
      'db.query.summary': summaryOf(operation, text),
      ...(options.hasParameters ? { 'db.query.text': text.slice(0, 2000) } : {}),
      'canteen.db.pool': options.pool,
    },
  });
  return (failed) => {
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
};

export { SpanKind };
