import type { MikroORM } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { pino } from 'pino';
import { z } from 'zod';
import { User } from '@canteen/db';
import { createApp } from '../../src/app';
import type { Deps } from '../../src/deps';
import { canAccess, type AccessRule } from '../../src/lib/access';
import { DEFAULT_SETTINGS } from '../../src/lib/settings';
import { appRouter } from '../../src/trpc/app-router';
import type { Meta } from '../../src/trpc/init';
import { createTestDeps, fund, makeCategory, makeDepartment, makePayer, makeProduct, makeUser } from '../helpers';
import { inputArbitrary, type InputCase, type JsonSchema, type Pools, RawJson, sweepInputs, toJsonText } from './arbitraries';

export const CALLERS = ['anonymous', 'employee', 'manager', 'admin', 'kitchen'] as const;
export type CallerName = (typeof CALLERS)[number];

export type Procedure = {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  access: AccessRule | undefined;
  /** JSON Schema of the input (several `.input()` parsers merged), null when the procedure takes none. */
  schema: JsonSchema | null;
};

type ProcedureDef = { _def: { type: Procedure['type']; meta?: Meta; inputs: z.ZodType[] } };

const toSchema = (parser: z.ZodType): JsonSchema => {
  try {
    return z.toJSONSchema(parser, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    // A schema JSON Schema cannot describe still gets the structural and hostile inputs.
    return {};
  }
};

/** Every procedure of the router, found by walking it: a new procedure is fuzzed without being listed anywhere. */
export const listProcedures = (): Procedure[] =>
  Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, procedure]) => {
    const schemas = procedure._def.inputs.map(toSchema);
    const schema: JsonSchema | null =
      schemas.length === 0
        ? null
        : schemas.length === 1
          ? schemas[0]!
          : {
              type: 'object',
              properties: Object.assign({}, ...schemas.map((s) => s.properties ?? {})),
              required: schemas.flatMap((s) => s.required ?? []),
            };
    return { path, type: procedure._def.type, access: procedure._def.meta?.access, schema };
  });

const DESTRUCTIVE = /\.(delete|archive|erase|remove|refund|cancel|disable)$/;

/**
 * The order the run visits procedures in: reads first, then mutations, and the ones that delete or retire rows
 * last, so the data that earlier procedures are fuzzed against is still there.
 */
export const runOrder = (procedures: Procedure[]): Procedure[] => {
  const rank = (p: Procedure) => (p.type !== 'mutation' ? 0 : DESTRUCTIVE.test(p.path) ? 2 : 1);
  return procedures
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
};

export const isAllowed = (rule: AccessRule | undefined, caller: CallerName): boolean =>
  rule !== undefined && (caller === 'anonymous' ? rule === 'public' : canAccess(caller, rule));

// --- server log capture: the real error behind a 500 ---------------------------------------------------------------

type ErrorLike = { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };

/** One line per error in the cause chain, with Postgres' SQLSTATE when there is one. */
const describeError = (error: unknown): string => {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as ErrorLike;
    const code = typeof e.code === 'string' || typeof e.code === 'number' ? ` [${e.code}]` : '';
    const name = typeof e.name === 'string' ? e.name : 'Error';
    const message = typeof e.message === 'string' ? e.message : JSON.stringify(current);
    parts.push(`${name}${code}: ${message}`);
    current = e.cause;
  }
  return parts.join(' <- ');
};

/** What the server logged at error level; requests run one at a time, so it is cleared before each. */
export type ServerLog = string[];

const createCapturingLogger = (log: ServerLog) =>
  pino(
    { level: 'error', base: undefined, serializers: { err: (error: unknown) => describeError(error) } },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; err?: string; path?: string };
        log.push(`${entry.msg ?? ''}${entry.path ? ` (${entry.path})` : ''}: ${entry.err ?? ''}`);
      },
    },
  );

// --- the seeded world --------------------------------------------------------------------------------------------

type Caller = { name: CallerName; token: string | null; cookie: string | null };

export type World = {
  orm: MikroORM;
  app: ReturnType<typeof createApp>;
  deps: Deps;
  serverLog: ServerLog;
  callers: Record<CallerName, Caller>;
  pools: Pools;
  now: number;
  /** Position in the write log; `writesSince` lists the row writes committed after it. */
  writeMark: () => Promise<number>;
  writesSince: (mark: number) => Promise<{ tbl: string; op: string; n: number }[]>;
  /** Drops the write log and its triggers, so the next test file in this worker's database never sees them. */
  dispose: () => Promise<void>;
  /** Puts the four callers (and the settings) back after a successful mutation changed them. */
  repair: (path: string) => Promise<void>;
  /** The first input each procedure accepted from each caller (`path caller`): a base the sweep poisons. */
  accepted: Map<string, unknown>;
  stats: Map<string, number>;
};

export type Response = { status: number; text: string };

export const send = async (world: World, procedure: Procedure, caller: Caller, input: InputCase): Promise<Response> => {
  const headers: Record<string, string> = { origin: 'http://localhost', 'user-agent': 'fuzz' };
  const token = input.forgedToken ?? caller.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (caller.cookie) headers.cookie = caller.cookie;
  const text = input.input === undefined ? undefined : toJsonText(input.input);
  const response =
    procedure.type === 'mutation'
      ? await world.app.request(`/trpc/${procedure.path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          ...(text === undefined ? {} : { body: text }),
        })
      : await world.app.request(
          `/trpc/${procedure.path}${text === undefined ? '' : `?input=${encodeURIComponent(text)}`}`,
          procedure.type === 'subscription' ? { headers, signal: AbortSignal.timeout(2_000) } : { headers },
        );
  const body = procedure.type === 'subscription' && response.ok ? '' : await response.text();
  if (procedure.type === 'subscription') await response.body?.cancel();
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    if (!pair) continue;
    caller.cookie = pair.endsWith('=') || /expires=Thu, 01 Jan 1970/i.test(cookie) ? null : pair;
  }
  return { status: response.status, text: body };
};

/** A call that must work, for seeding. */
const must = async (world: World, caller: Caller, path: string, input: unknown) => {
  const procedure = listProcedures().find((p) => p.path === path);
  if (!procedure) throw new Error(`fuzz seed: no procedure ${path}`);
  const response = await send(world, procedure, caller, { input, forgedToken: null });
  if (response.status !== 200) throw new Error(`fuzz seed: ${path} answered ${response.status} ${response.text.slice(0, 500)}`);
  return (JSON.parse(response.text) as { result: { data: unknown } }).result.data;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables a refused sign-in may write on purpose: failed attempts are counted (and audited). */
const AUTH_BOOKKEEPING = /^(app_user|session)$|login|lock|attempt|failure/;

export const createWorld = async (orm: MikroORM): Promise<World> => {
  const serverLog: ServerLog = [];
  // High limits: the fuzz must reach the procedures, not the rate limiter. Every request comes from one
  // address, so the per-address daily budget of failed sign-ins is lifted too; the per-account locks stay.
  const deps = createTestDeps({
    loginPerMinute: 1_000_000,
    apiPerMinute: 10_000_000,
    mutationsPerMinute: 10_000_000,
    loginPolicy: { failuresPerAddressPerDay: 1_000_000 },
  });
  const app = createApp({
    orm,
    logger: createCapturingLogger(serverLog),
    deps,
    cookieSecure: false,
    trustProxy: false,
    trustedOrigins: [],
  });
  const execute = <T>(sql: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(sql, params);

  // A write log kept by a row trigger on every table but the audit trail: a refused mutation must commit no
  // insert, update or delete at all. Stricter than comparing row counts and ledger sums, and one cheap query.
  const tables = (
    await execute<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
       and table_name not in ('audit_entry', 'mikro_orm_migrations') order by table_name`,
    )
  ).map((row) => row.table_name);
  await execute('drop function if exists fuzz_log_write() cascade');
  await execute('drop table if exists fuzz_write_log');
  await execute('create table fuzz_write_log (id bigserial primary key, tbl text not null, op text not null)');
  await execute(
    `create function fuzz_log_write() returns trigger language plpgsql as $$
     begin insert into fuzz_write_log (tbl, op) values (TG_TABLE_NAME, TG_OP); return null; end $$`,
  );
  for (const table of tables) {
    await execute(
      `create trigger fuzz_log_write after insert or update or delete on ${quote(table)} for each row execute function fuzz_log_write()`,
    );
  }

  const world: World = {
    orm,
    app,
    deps,
    serverLog,
    callers: {
      anonymous: { name: 'anonymous', token: null, cookie: null },
      employee: { name: 'employee', token: null, cookie: null },
      manager: { name: 'manager', token: null, cookie: null },
      admin: { name: 'admin', token: null, cookie: null },
      kitchen: { name: 'kitchen', token: null, cookie: null },
    },
    pools: { ids: new Map(), values: new Map(), cursorPayloads: [] },
    now: Date.now(),
    writeMark: async () =>
      Number((await execute<{ n: string }>('select coalesce(max(id), 0) as n from fuzz_write_log'))[0]?.n ?? 0),
    writesSince: (mark) =>
      execute('select tbl, op, count(*)::int as n from fuzz_write_log where id > ? group by tbl, op order by tbl, op', [mark]),
    dispose: async () => {
      await execute('drop function if exists fuzz_log_write() cascade');
      await execute('drop table if exists fuzz_write_log');
    },
    repair: async () => {},
    accepted: new Map(),
    stats: new Map(),
  };
  return world;
};

/**
 * Real ids per table and real text values per column, read generically from every table in two queries, so
 * generated inputs hit rows that exist (and rows that other fuzzed mutations created or deleted meanwhile).
 */
export const refreshPools = async (world: World): Promise<void> => {
  const execute = <T>(sql: string) => world.orm.em.fork().getConnection().execute<T[]>(sql);
  const columns = await execute<{ table_name: string; column_name: string; data_type: string }>(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()
     and table_name not in ('audit_entry', 'mikro_orm_migrations', 'fuzz_write_log') order by table_name, ordinal_position`,
  );
  const idSelects = columns
    .filter((c) => c.column_name === 'id' && c.data_type === 'uuid')
    .map((c) => `(select '${c.table_name}' as t, id::text as v from ${quote(c.table_name)} order by id limit 30)`);
  const valueSelects = columns
    .filter((c) => /char|text/.test(c.data_type) && !/hash|secret|token|vector/.test(c.column_name))
    .map(
      (c) =>
        `(select distinct '${c.column_name}' as t, ${quote(c.column_name)}::text as v from ${quote(c.table_name)} where ${quote(c.column_name)} is not null and length(${quote(c.column_name)}::text) <= 120 order by 2 limit 12)`,
    );
  const ids = new Map<string, string[]>([['*', []]]);
  for (const { t, v } of idSelects.length ? await execute<{ t: string; v: string }>(idSelects.join(' union all ')) : []) {
    ids.set(t, [...(ids.get(t) ?? []), v]);
    ids.get('*')!.push(v);
  }
  const values = new Map<string, string[]>(
    world.pools.values.has('cursor') ? [['cursor', world.pools.values.get('cursor')!]] : [],
  );
  for (const { t, v } of valueSelects.length ? await execute<{ t: string; v: string }>(valueSelects.join(' union all ')) : []) {
    values.set(t, [...(values.get(t) ?? []), v]);
  }
  world.pools = { ids, values, cursorPayloads: world.pools.cursorPayloads };
};

/** Data for the fuzz: a department with staff of each role, a menu, payers, funded wallets, orders, news, a review. */
export const seedWorld = async (world: World): Promise<void> => {
  const { orm } = world;
  const execute = <T>(sql: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(sql, params);
  world.now = Date.now();
  const department = await makeDepartment(orm, { name: 'Engineering', code: 'ENG' });
  const other = await makeDepartment(orm, { name: 'Kitchen ופיננסים', code: 'KIT' });
  const employee = await makeUser(orm, { role: 'employee', department, email: 'employee@canteen.test' });
  const manager = await makeUser(orm, { role: 'manager', department, email: 'manager@canteen.test' });
  const admin = await makeUser(orm, { role: 'admin', department: null, email: 'admin@canteen.test' });
  const kitchen = await makeUser(orm, { role: 'kitchen', department: null, email: 'kitchen@canteen.test' });
  const colleague = await makeUser(orm, { role: 'employee', department });
  const outsider = await makeUser(orm, { role: 'employee', department: other });
  await makeUser(orm, { role: 'manager', department: other });
  await makeUser(orm, { role: 'employee', department, isActive: false });
  const mains = await makeCategory(orm, 'Mains');
  const drinks = await makeCategory(orm, 'Drinks');
  const soup = await makeProduct(orm, { name: 'Soup', priceCents: 450, category: mains, stock: 40, allergens: ['celery'] });
  const curry = await makeProduct(orm, { name: 'Curry', priceCents: 890, category: mains, dietaryTags: ['vegan', 'spicy'] });
  const espresso = await makeProduct(orm, { name: 'Espresso', priceCents: 180, category: drinks, stock: 500 });
  await makeProduct(orm, { name: 'Truffle feast', priceCents: 10_000_000, category: mains });
  await makeProduct(orm, { name: 'Sold out', priceCents: 300, category: drinks, stock: 0 });
  await makeProduct(orm, { name: 'Archived', priceCents: 300, category: drinks, isActive: false });
  const company = await makePayer(orm, { name: 'Company', kind: 'company' });
  const engineering = await makePayer(orm, { name: 'Engineering budget', kind: 'department', department });
  await makePayer(orm, { name: 'Promo', kind: 'promo' });
  const lastYear = new Date(world.now - 200 * 86_400_000);
  for (const person of [employee, colleague, outsider, manager]) {
    await fund(orm, person, company, 50_000, lastYear);
    await fund(orm, person, engineering, 20_000);
  }

  for (const [name, user] of [
    ['anonymous', null],
    ['employee', employee],
    ['manager', manager],
    ['admin', admin],
    ['kitchen', kitchen],
  ] as const) {
    const c = world.callers[name];
    c.token = user ? (await world.deps.tokens.sign(user.id)).token : null;
    c.cookie = null;
  }
  const { employee: asEmployee, manager: asManager } = world.callers;
  await must(world, asEmployee, 'order.place', {
    items: [
      { productId: soup.id, quantity: 1 },
      { productId: espresso.id, quantity: 2 },
    ],
    idempotencyKey: 'seed-order-employee-1',
  });
  const refundable = (await must(world, asEmployee, 'order.place', {
    items: [{ productId: curry.id, quantity: 1 }],
    idempotencyKey: 'seed-order-employee-2',
  })) as { id: string };
  await must(world, asManager, 'order.place', {
    items: [{ productId: espresso.id, quantity: 1 }],
    idempotencyKey: 'seed-order-till-1',
    userId: colleague.id,
  });
  await must(world, world.callers.admin, 'order.refund', { orderId: refundable.id, reason: 'seed refund' });
  await must(world, asEmployee, 'review.create', { productId: soup.id, rating: 4, comment: 'Good soup' });
  await must(world, asManager, 'blog.create', {
    name: 'Kitchen news',
    slug: 'kitchen-news',
    description: 'What the kitchen is up to',
    posts: [
      { title: 'Welcome', content: '# Hello\n\nThe canteen is **open**.' },
      { content: 'Draft notes', status: 'draft' },
    ],
  });
  await must(world, asManager, 'blog.create', { name: 'Menu plans', slug: 'menu-plans' });

  await refreshPools(world);
  world.pools.cursorPayloads = [];

  // Real cursors: every list, page size 1, as a user and as an admin.
  for (const procedure of listProcedures()) {
    const props = procedure.schema?.properties;
    if (procedure.type !== 'query' || !props?.limit || !props.cursor) continue;
    for (const who of [asEmployee, asManager, world.callers.admin]) {
      const response = await send(world, procedure, who, { input: { limit: 1 }, forgedToken: null });
      if (response.status !== 200) continue;
      const next = (JSON.parse(response.text) as { result: { data: { nextCursor?: string | null } } }).result.data.nextCursor;
      if (!next) continue;
      try {
        const payload = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as unknown;
        if (Array.isArray(payload)) world.pools.cursorPayloads.push(payload);
      } catch {
        // An opaque cursor that is not base64url JSON is still sent as is through the value pools.
        world.pools.values.set('cursor', [...(world.pools.values.get('cursor') ?? []), next]);
      }
    }
  }

  // The callers' own rows, restored after any successful mutation that changed who they are (role, department,
  // active flag, password, two-factor, lock): unique columns stay as they are, so the restore never conflicts.
  const userTable = orm.getMetadata().get(User).tableName;
  const restorable = (
    await execute<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = current_schema() and table_name = ?
       and is_generated = 'NEVER' and column_name not in ('id', 'email', 'name', 'employee_number', 'created_at', 'updated_at')`,
      [userTable],
    )
  ).map((r) => quote(r.column_name));
  const castIds = [employee.id, manager.id, admin.id, kitchen.id];
  const [{ rows: originals } = { rows: '[]' }] = await execute<{ rows: string }>(
    `select json_agg(u)::text as rows from ${quote(userTable)} u where id::text in (?, ?, ?, ?)`,
    castIds,
  );
  const restoreSql = `update ${quote(userTable)} u set (${restorable.join(', ')}) = ROW(${restorable.map((c) => `r.${c}`).join(', ')})
    from json_populate_recordset(null::${quote(userTable)}, ?::json) r where u.id = r.id`;
  world.repair = async (path: string) => {
    await execute(restoreSql, [originals]);
    if (path.startsWith('settings.')) await world.deps.settings.set(orm.em.fork(), { ...DEFAULT_SETTINGS });
  };
  await world.deps.settings.set(orm.em.fork(), { ...DEFAULT_SETTINGS });
  world.serverLog.length = 0;
};

// --- checking one exchange ------------------------------------------------------------------------------------------

export type Failure = {
  path: string;
  caller: CallerName;
  kind: 'server-error' | 'database-message' | 'refusal-changed-state';
  /** Groups failures of one cause: kind, status and the normalised server message. */
  signature: string;
  status: number;
  input: string;
  response: string;
  serverError: string | null;
  changed: string[];
};

/** Postgres and ORM text that must never reach a client. */
const DATABASE_TEXT =
  /violates (?:foreign key|unique|check|not-null|exclusion) constraint|duplicate key value|invalid input syntax|integer out of range|value out of range|is out of range for type|syntax error at or near|relation "[^"]*" does not exist|column "[^"]*" does not exist|invalid byte sequence|unsupported Unicode escape|null character not permitted|current transaction is aborted|date\/time field value|(?:insert into|delete from|update) "[a-z_]+"|select .{1,200} from "[a-z_]+"|DriverException|sqlState|node_modules|\bat \S+ \(\S+:\d+:\d+\)/i;

/** Strips values from a message so one cause gives one signature. */
const normalise = (message: string): string => {
  const core =
    message.includes(' - ') && /^(insert|select|update|delete|with)\b/i.test(message)
      ? message.slice(message.lastIndexOf(' - ') + 3)
      : message;
  return core
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'UUID')
    .replace(/0x[0-9a-f]+/gi, '0x…')
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
};

/** The innermost error of the first logged chain: the cause a fix addresses. */
const rootCause = (logged: string | null): string | null => logged?.split(' | ')[0]?.split(' <- ').at(-1) ?? null;

/** Shows an input with long strings shortened and escapes visible. */
export const preview = (value: unknown, max = 400): string => {
  const text =
    JSON.stringify(value, (key, v: unknown) => {
      if (v instanceof RawJson) return v.toJSON();
      if (typeof v !== 'string') return v;
      if (key === 'cursor') {
        // Show what a forged cursor carries, not its base64.
        const decoded = Buffer.from(v, 'base64url').toString('utf8');
        if (/^[[{]/.test(decoded)) return `base64url(${decoded.length > 120 ? `${decoded.slice(0, 120)}…` : decoded})`;
      }
      return v.length > 60 ? `${v.slice(0, 24)}…(${v.length} chars)` : v;
    }) ?? 'undefined';
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

const bodyMessage = (text: string): string => {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string };
    return typeof body.error === 'string' ? body.error : (body.error?.message ?? text);
  } catch {
    return text;
  }
};

/** Sends one input and returns what went wrong, if anything. */
export const exercise = async (
  world: World,
  procedure: Procedure,
  callerName: CallerName,
  input: InputCase,
): Promise<Failure | null> => {
  const caller = world.callers[callerName];
  const isMutation = procedure.type === 'mutation';
  const timed = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    world.stats.set(key, (world.stats.get(key) ?? 0) + Math.round(performance.now() - started));
    return result;
  };
  const before = isMutation ? await timed('ms write checks', world.writeMark) : null;
  world.serverLog.length = 0;
  const response = await timed('ms requests', () => send(world, procedure, caller, input));
  const server = world.serverLog.length ? world.serverLog.join(' | ') : null;
  const bucket = `${Math.floor(response.status / 100)}xx`;
  world.stats.set(bucket, (world.stats.get(bucket) ?? 0) + 1);
  if (response.status === 429) world.stats.set('429', (world.stats.get('429') ?? 0) + 1);
  const ok = response.status >= 200 && response.status < 300;
  if (ok && isMutation) await world.repair(procedure.path);
  const acceptedKey = `${procedure.path} ${callerName}`;
  if (ok && input.forgedToken === null && !world.accepted.has(acceptedKey)) world.accepted.set(acceptedKey, input.input);
  const sent = input.input === undefined ? '' : toJsonText(input.input);
  const failure = (kind: Failure['kind'], cause: string, changed: string[] = []): Failure => ({
    path: procedure.path,
    caller: callerName,
    kind,
    signature: `${kind} ${response.status} ${normalise(cause)}`,
    status: response.status,
    input: preview(input.input) + (input.forgedToken === null ? '' : ` (bearer ${preview(input.forgedToken, 80)})`),
    response: response.text.slice(0, 400),
    serverError: server,
    changed,
  });
  if (response.status >= 500) return failure('server-error', rootCause(server) ?? bodyMessage(response.text));
  if (!ok) {
    const leaked = DATABASE_TEXT.exec(response.text)?.[0];
    if (leaked && !sent.toLowerCase().includes(leaked.toLowerCase())) return failure('database-message', leaked);
  }
  if (before !== null && !ok) {
    const exempt = procedure.path.startsWith('auth.');
    const writes = (await timed('ms write checks', () => world.writesSince(before))).filter(
      (w) => !(exempt && AUTH_BOOKKEEPING.test(w.tbl)),
    );
    if (writes.length) {
      const changed = writes.map((w) => `${w.op.toLowerCase()} ${w.tbl} x${w.n}`);
      return failure('refusal-changed-state', changed.join(', '), changed);
    }
  }
  return null;
};

// --- fuzzing one procedure ------------------------------------------------------------------------------------------

export type Budget = { seed: number; runs: number; shrinkBudget: number; maxCauses: number };

const hash32 = (text: string): number => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
};

/** The seed of one procedure and caller, derived from the run's seed so adding a procedure shifts no other. */
export const seedFor = (seed: number, path: string, caller: CallerName): number => hash32(`${seed}:${path}:${caller}`);

export type Finding = Failure & { seed: number; runs: number; shrinks: number };

/** Drops the top-level keys a sweep failure does not need, one at a time, while the same failure still happens. */
const withoutBystanders = async (
  world: World,
  procedure: Procedure,
  caller: CallerName,
  input: InputCase,
  failure: Failure,
): Promise<Failure> => {
  let best = failure;
  let current = input.input;
  if (current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof RawJson) return best;
  for (const key of Object.keys(current)) {
    const entries = Object.entries(current as Record<string, unknown>).filter(([k]) => k !== key);
    const smaller = Object.fromEntries(entries);
    const again = await exercise(world, procedure, caller, { ...input, input: smaller });
    if (again?.signature === failure.signature) {
      current = smaller;
      best = again;
    }
  }
  return best;
};

/**
 * First the random property for each caller: on a failure fast-check shrinks the input (within `shrinkBudget`
 * calls), then the run repeats with that cause accepted, so one procedure reports each distinct cause once. Then
 * the sweep: every leaf of one accepted input, with every hostile class that fits it.
 */
export const fuzzProcedure = async (world: World, procedure: Procedure, budget: Budget): Promise<Finding[]> => {
  const known = new Map<string, Finding>();
  const domain = procedure.path.split('.')[0] ?? '';
  for (const caller of CALLERS) {
    const allowed = isAllowed(procedure.access, caller);
    const numRuns = allowed ? budget.runs : Math.max(2, Math.ceil(budget.runs / 5));
    const arbitrary = inputArbitrary(procedure.schema, {
      pools: world.pools,
      domain,
      now: world.now,
      anonymous: caller === 'anonymous',
    });
    const seed = seedFor(budget.seed, procedure.path, caller);
    for (let round = 0; round < budget.maxCauses; round++) {
      let calls = 0;
      let shrinking = false;
      let last: Failure | null = null;
      const property = fc.asyncProperty(arbitrary, async (input) => {
        if (shrinking && ++calls > budget.shrinkBudget) return;
        const found = await exercise(world, procedure, caller, input);
        if (found && !known.has(found.signature)) {
          shrinking = true;
          last = found;
          throw new Error(found.signature);
        }
      });
      const details = await fc.check(property, { seed, numRuns });
      const failure = last as Failure | null;
      if (details.failed && !failure) {
        // The harness itself broke (not the server): say so instead of passing.
        throw new Error(
          `fuzz harness failed on ${procedure.path} as ${caller} (seed ${budget.seed}): ${String(details.errorInstance)}`,
          {
            cause: details.errorInstance,
          },
        );
      }
      if (!details.failed || !failure) break;
      known.set(failure.signature, { ...failure, seed: budget.seed, runs: budget.runs, shrinks: details.numShrinks });
    }
  }
  // The sweep poisons an input the procedure accepted, so each hostile value reaches as far as a valid one
  // would: as the least privileged caller that got one accepted, otherwise as the least privileged caller allowed
  // with a generated base.
  const allowed = CALLERS.filter((caller) => isAllowed(procedure.access, caller));
  const sweeper = allowed.find((caller) => world.accepted.has(`${procedure.path} ${caller}`)) ?? allowed[0];
  if (sweeper) {
    const seed = seedFor(budget.seed, procedure.path, sweeper);
    const base = world.accepted.get(`${procedure.path} ${sweeper}`);
    for (const input of sweepInputs(procedure.schema, { pools: world.pools, domain, now: world.now, seed, base })) {
      const found = await exercise(world, procedure, sweeper, input);
      if (found && !known.has(found.signature)) {
        const smallest = await withoutBystanders(world, procedure, sweeper, input, found);
        known.set(found.signature, { ...smallest, seed: budget.seed, runs: budget.runs, shrinks: 0 });
      }
    }
  }
  return [...known.values()];
};

export const describeFindings = (path: string, findings: Finding[]): string =>
  [
    `${path}: ${findings.length} distinct failure(s); again with FUZZ_SEED=${findings[0]?.seed} FUZZ_RUNS=${findings[0]?.runs} (FUZZ_ONLY=${path} for this procedure alone)`,
    ...findings.map((f) =>
      [
        `- [${f.kind}] as ${f.caller}, HTTP ${f.status} (${f.shrinks} shrinks)`,
        `  input:    ${f.input}`,
        `  server:   ${f.serverError?.slice(0, 600) ?? '(nothing logged)'}`,
        `  response: ${f.response.slice(0, 300)}`,
        ...f.changed.map((c) => `  changed:  ${c}`),
      ].join('\n'),
    ),
  ].join('\n');
