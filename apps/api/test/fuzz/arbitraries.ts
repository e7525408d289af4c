import fc from 'fast-check';
import { TEST_PASSWORD } from '../helpers';

/** The subset of JSON Schema that `z.toJSONSchema` emits for our input schemas. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** JSON text that JSON.stringify cannot produce (2^53+1, NaN, 1e999, deep nesting); written verbatim on the wire. */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `<raw ${this.text.length > 40 ? `${this.text.slice(0, 40)}... (${this.text.length} chars)` : this.text}>`;
  }
}

/** What the database holds after seeding, so generated inputs can hit real rows. */
export type Pools = {
  /** Ids per table, plus '*' for every id. */
  ids: Map<string, string[]>;
  /** Real text values per column name (snake_case), e.g. `code`, `slug`, `email`. */
  values: Map<string, string[]>;
  /** JSON payloads of real `nextCursor`s, decoded. */
  cursorPayloads: unknown[][];
};

/** Serialises a generated value; strings go through JSON.stringify so lone surrogates travel escaped. */
export const toJsonText = (value: unknown): string => {
  if (value instanceof RawJson) return value.text;
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value).map(
      (key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`,
    );
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Builds an object whose own enumerable keys may include `__proto__` (a plain literal would set the prototype). */
const objectOf = (entries: [string, unknown][]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return out;
};

const MEGABYTE = 'a'.repeat(1_000_000);
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Fragments injected into otherwise valid strings. */
const STRING_FRAGMENTS = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  'שלום עולם',
  'مرحبا بالعالم',
  '\ufeff',
  '\u200b',
  'e\u0301',
  '👩‍👩‍👧',
  "' OR '1'='1",
  "'; drop table app_user; --",
  '%',
  '_',
  '\\',
  '$1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '\r\n',
  '\u2028',
  '%00',
];

/** Whole hostile string values. */
const STRING_VALUES = [
  '',
  ' ',
  '   \t\n ',
  MEGABYTE,
  `${MEGABYTE}${'b'.repeat(100_000)}`,
  'é'.repeat(300_000),
  '\u0000',
  '\u0000'.repeat(64),
  '\ud800'.repeat(64),
  '\u202e'.repeat(64),
  'x'.repeat(10_000),
  'null',
  'undefined',
  '__proto__',
];

const HOSTILE_DATES = [
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59+14:00',
  '0001-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2999-01-01T00:00:00Z',
  '1000-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '2026-02-29T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01',
  '2026-01-01T00:00:00',
  '2026-01-01T00:00:00.123456789Z',
  '2026-01-01T00:00:00+23:59',
  'infinity',
  '-infinity',
  'epoch',
  'now',
];

const HOSTILE_NUMBERS: unknown[] = [
  new RawJson('9007199254740993'),
  new RawJson('-9007199254740993'),
  new RawJson('NaN'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('-0'),
  new RawJson('1E2'),
  'NaN',
  'Infinity',
  0.5,
  1e-9,
  -1,
  0,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  '12',
  null,
  true,
];

const deep = (depth: number, open: string, close: string, leaf = '') =>
  new RawJson(open.repeat(depth) + leaf + close.repeat(depth));

/** Values that replace any node: wrong types, deep nesting, huge arrays, prototype keys. */
const STRUCTURAL: unknown[] = [
  null,
  true,
  0,
  '',
  [],
  {},
  [null],
  deep(5_000, '[', ']'),
  deep(2_000, '{"a":', '}', '1'),
  deep(200, '{"__proto__":', '}', '{"isAdmin":true}'),
  new RawJson(`[${Array.from({ length: 100_000 }, () => '1').join(',')}]`),
  new RawJson(`[${Array.from({ length: 20_000 }, () => '"x"').join(',')}]`),
  new RawJson('{"__proto__":{"role":"admin","isAdmin":true}}'),
  new RawJson('{"constructor":{"prototype":{"role":"admin"}}}'),
];

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const withoutIdSuffix = (key: string) => snake(key).replace(/_id$/, '');

type Ctx = { pools: Pools; domain: string; key: string; now: number };

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const weighted = (...options: [number, fc.Arbitrary<unknown> | null | undefined][]): fc.Arbitrary<unknown> => {
  const present = options.filter((o): o is [number, fc.Arbitrary<unknown>] => o[1] != null);
  return fc.oneof(...present.map(([weight, arbitrary]) => ({ weight, arbitrary })));
};

/** Ids of the table a key names (`productId` -> product, `id` in `order.byId` -> canteen_order). */
const idsFor = (ctx: Ctx): string[] => {
  const stem = ctx.key === 'id' ? ctx.domain : withoutIdSuffix(ctx.key);
  for (const [table, ids] of ctx.pools.ids) {
    if (table !== '*' && ids.length > 0 && (table === stem || table.endsWith(`_${stem}`) || table.startsWith(`${stem}_`)))
      return ids;
  }
  return ctx.pools.ids.get('*') ?? [];
};

const realValues = (ctx: Ctx): string[] => ctx.pools.values.get(snake(ctx.key)) ?? [];

/** NUL and lone surrogates are what PostgreSQL refuses: they come up most often. */
const poison = weighted(
  [4, fc.constant('\u0000')],
  [3, pick(['\ud800', '\udfff', '\udbff\udbff'])],
  [4, pick(STRING_FRAGMENTS)],
) as fc.Arbitrary<string>;

const inject = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(valid, poison, fc.nat()).map(([text, fragment, at]) => {
    const cut = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, cut) + fragment + text.slice(cut);
  });

const uuidArb = fc.uuid();
const idValid = (ctx: Ctx) => {
  const ids = idsFor(ctx);
  return weighted([6, ids.length ? pick(ids) : null], [1, uuidArb]);
};
const idHostile = (ctx: Ctx) => {
  const ids = idsFor(ctx);
  const real = ids.length ? pick(ids) : uuidArb;
  return weighted(
    [6, real.map((id) => id.toUpperCase())],
    [2, uuidArb.map((id) => id.toUpperCase())],
    [
      1,
      pick([
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      ]),
    ],
    [1, real.map((id) => `{${id}}`)],
    [1, real.map((id) => id.replaceAll('-', ''))],
    [1, real.map((id) => ` ${id} `)],
    [1, real.map((id) => `${id}\u0000`)],
    [1, real.map((id) => `urn:uuid:${id}`)],
    [1, real.map((id) => id.slice(0, 35))],
    [1, pick(["' OR 1=1 --", '1; select pg_sleep(1)', '*', '%'])],
  );
};

const dateValid = (ctx: Ctx) =>
  weighted(
    [3, fc.integer({ min: -400 * 86_400, max: 60 }).map((s) => new Date(ctx.now + s * 1000).toISOString())],
    [
      2,
      fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    ],
    [
      1,
      fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().replace('Z', '+02:00')),
    ],
  );

const stringByPattern = (node: JsonSchema): fc.Arbitrary<string> | null => {
  if (!node.pattern) return null;
  try {
    const min = node.minLength ?? 0;
    const max = node.maxLength ?? Number.POSITIVE_INFINITY;
    return fc.stringMatching(new RegExp(node.pattern), { size: 'xsmall' }).filter((s) => s.length >= min && s.length <= max);
  } catch {
    return null;
  }
};

const plainString = (node: JsonSchema): fc.Arbitrary<string> => {
  const minLength = node.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(node.maxLength ?? 60, 60));
  return weighted(
    [3, fc.string({ unit: 'grapheme-ascii', minLength, maxLength })],
    [1, fc.string({ unit: 'grapheme', minLength, maxLength })],
    [1, fc.string({ unit: 'binary', minLength, maxLength })],
  ) as fc.Arbitrary<string>;
};

const stringValid = (node: JsonSchema, ctx: Ctx): fc.Arbitrary<unknown> => {
  if (ctx.key === 'cursor') {
    const real = ctx.pools.cursorPayloads.map((payload) => base64url(toJsonText(payload)));
    return weighted([1, real.length ? pick(real) : null], [1, fc.constant(null)]);
  }
  if (node.format === 'uuid') return idValid(ctx);
  if (node.format === 'date-time') return dateValid(ctx);
  const real = realValues(ctx);
  const password = /password/i.test(ctx.key) ? fc.constant(TEST_PASSWORD) : null;
  const email =
    node.format === 'email'
      ? fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/).map((local) => `${local.replaceAll('..', '.')}@example.test`)
      : null;
  return weighted(
    [4, email ?? stringByPattern(node) ?? plainString(node)],
    [2, real.length ? pick(real) : null],
    [2, password],
    [1, /password/i.test(ctx.key) ? fc.string({ minLength: 12, maxLength: 40 }).map((s) => `Zq9!${s}`) : null],
  );
};

const stringHostile = (node: JsonSchema, ctx: Ctx): fc.Arbitrary<unknown> => {
  if (ctx.key === 'cursor') return cursorHostile(ctx);
  if (node.format === 'uuid') return idHostile(ctx);
  const real = realValues(ctx);
  return weighted(
    [5, inject(stringValid(node, ctx).filter((v): v is string => typeof v === 'string'))],
    [3, pick(STRING_VALUES)],
    [8, node.format === 'date-time' ? pick(HOSTILE_DATES) : null],
    [2, real.length ? pick(real).map((v) => v.toUpperCase()) : null],
    [1, real.length ? pick(real).map((v) => ` ${v}\u0000`) : null],
    [1, pick(HOSTILE_NUMBERS)],
  );
};

/** A real cursor's payload with one element poisoned (`how` picks the poison, `at` the element; how >= 6 poisons all). */
const tamper = (payload: unknown[], how: number, at: number): unknown[] =>
  payload.map((item, i) => {
    if (payload.length > 0 && i !== at % payload.length && how < 6) return item;
    if (typeof item !== 'string') return [new RawJson('9007199254740993'), 'x', null, -1, 1e308, {}][how % 6];
    if (/^[0-9a-f-]{36}$/i.test(item)) return [item.toUpperCase(), `${item}\u0000`, item.slice(0, 30), 'x'][how % 4];
    if (/^\d{4}-\d\d-\d\dT/.test(item)) return [HOSTILE_DATES[0], HOSTILE_DATES[3], HOSTILE_DATES[4], 'now', ''][how % 5];
    return [`${item}\u0000`, `${item}\ud800`, '\u202e', "' OR 1=1 --", 'x'.repeat(150), ''][how % 6];
  });

/** Cursors forged from real ones (ids upper-cased, text poisoned, dates moved to year 0) and from thin air. */
const cursorHostile = (ctx: Ctx): fc.Arbitrary<unknown> => {
  const forgedFromReal = ctx.pools.cursorPayloads.length
    ? fc
        .tuple(pick(ctx.pools.cursorPayloads), fc.nat(8), fc.nat(4))
        .map(([payload, how, at]) => base64url(toJsonText(tamper(payload, how, at))))
    : null;
  const thinAir = pick<unknown>([
    ['a\u0000', '00000000-0000-0000-0000-000000000000'],
    ['\ud800', '00000000-0000-0000-0000-000000000000'],
    [HOSTILE_DATES[0], '00000000-0000-0000-0000-000000000000'],
    [HOSTILE_DATES[4], 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
    [new RawJson('9007199254740993'), 'x'],
    [new RawJson('1e999')],
    [],
    [null],
    {},
    null,
    'x',
    [[[[[]]]]],
    new RawJson('{"__proto__":{"a":1}}'),
  ]).map((payload) => base64url(toJsonText(payload)));
  return weighted(
    [6, forgedFromReal],
    [3, thinAir],
    [1, pick(['!!!', '%%%', '====', 'x'.repeat(201), '\u0000', 'eyJ', MEGABYTE])],
    [1, pick(STRUCTURAL)],
  );
};

const integerValid = (node: JsonSchema): fc.Arbitrary<number> => {
  const min = Math.max(node.minimum ?? -1_000_000, node.exclusiveMinimum === undefined ? -Infinity : node.exclusiveMinimum + 1);
  const max = Math.max(
    min,
    Math.min(node.maximum ?? 1_000_000, node.exclusiveMaximum === undefined ? Infinity : node.exclusiveMaximum - 1),
  );
  // Realistic small values, the boundaries, and anything in between.
  return fc.oneof(
    fc.integer({ min, max }),
    fc.integer({ min: Math.max(min, 1), max: Math.max(Math.max(min, 1), Math.min(max, 5_000)) }),
    fc.constantFrom(min, max),
  );
};

const numberHostile = (node: JsonSchema): fc.Arbitrary<unknown> =>
  weighted(
    [6, pick(HOSTILE_NUMBERS)],
    [1, fc.constantFrom((node.minimum ?? 0) - 1, (node.maximum ?? 0) + 1)],
    [1, fc.double({ noNaN: true })],
  );

/**
 * How hostile a generated input is:
 * - `valid`: every node valid, real ids and values mixed in, so requests reach the database and succeed;
 * - `extreme`: valid, at the limits: every number at its maximum, strings at their maximum length, arrays full
 *   of one repeated element (sums that overflow, duplicate lines);
 * - `full`: valid with every optional key present (the base the sweep poisons one leaf of);
 * - `many`: any node may be hostile.
 * `oneHostile` makes exactly one node hostile and keeps the rest valid, so the bad value gets past validation of
 * its siblings and reaches the code behind it.
 */
type Mode = 'valid' | 'full' | 'extreme' | 'many';

const nodeArbitrary = (node: JsonSchema, ctx: Ctx, mode: Mode): fc.Arbitrary<unknown> => {
  const valid = validNode(node, ctx, mode);
  return mode === 'many' ? weighted([4, valid], [1, hostileNode(node, ctx)]) : valid;
};

const typeOf = (node: JsonSchema) => (Array.isArray(node.type) ? node.type[0] : node.type);

const validNode = (node: JsonSchema, ctx: Ctx, mode: Mode): fc.Arbitrary<unknown> => {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return pick(node.enum);
  const branches = node.anyOf ?? node.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((branch) => nodeArbitrary(branch, ctx, mode)));
  if (node.allOf?.[0]) return nodeArbitrary(node.allOf[0], ctx, mode);
  switch (typeOf(node) ?? 'any') {
    case 'object':
      return objectNode(node, ctx, mode);
    case 'array': {
      if (node.prefixItems) return fc.tuple(...node.prefixItems.map((item) => nodeArbitrary(item, ctx, mode)));
      const item = node.items ? nodeArbitrary(node.items, ctx, mode) : fc.jsonValue({ maxDepth: 1 });
      const minLength = node.minItems ?? 0;
      if (mode === 'extreme') {
        const most = Math.max(minLength, Math.min(node.maxItems ?? 50, 50));
        return fc
          .tuple(item, fc.integer({ min: Math.max(minLength, Math.ceil(most / 2)), max: most }))
          .map(([x, n]) => Array.from({ length: n }, () => x));
      }
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(node.maxItems ?? 6, 6)) });
    }
    case 'string':
      if (mode === 'extreme' && !node.format && !node.pattern && ctx.key !== 'cursor') {
        return fc
          .constantFrom('x', 'é', '字', '👍')
          .map((c) => c.repeat(Math.max(node.minLength ?? 0, Math.min(node.maxLength ?? 5_000, 100_000))));
      }
      return stringValid(node, ctx);
    case 'integer':
      if (mode === 'extreme')
        return weighted([3, fc.constant(node.maximum ?? 2_147_483_647)], [1, fc.constant(node.minimum ?? -2_147_483_648)]);
      return integerValid(node);
    case 'number':
      return weighted(
        [3, integerValid(node)],
        [1, fc.double({ min: node.minimum ?? -1e6, max: node.maximum ?? 1e6, noNaN: true })],
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** A hostile value for one node, of the classes that fit its type, or any structure at all. */
const hostileNode = (node: JsonSchema, ctx: Ctx): fc.Arbitrary<unknown> => {
  const type = typeOf(node);
  const typed =
    type === 'string' || node.format || ctx.key === 'cursor'
      ? stringHostile(node, ctx)
      : type === 'integer' || type === 'number'
        ? numberHostile(node)
        : type === 'boolean'
          ? pick(['true', 1, 0, null])
          : null;
  return weighted([6, typed], [1, pick(STRUCTURAL)], [1, pick(STRING_VALUES)]);
};

/** Exactly one hostile node (or one hostile extra key), every other node valid. */
const oneHostile = (node: JsonSchema, ctx: Ctx): fc.Arbitrary<unknown> => {
  const branches = node.anyOf ?? node.oneOf;
  if (branches?.length) {
    // A nullable field: hit the non-null branch.
    const meaningful = branches.filter((b) => typeOf(b) !== 'null');
    return fc.oneof(...(meaningful.length ? meaningful : branches).map((branch) => oneHostile(branch, ctx)));
  }
  if (node.allOf?.[0]) return oneHostile(node.allOf[0], ctx);
  if (typeOf(node) === 'object' && node.properties && Object.keys(node.properties).length) {
    const properties = node.properties;
    const required = node.required ?? [];
    const validModel = (except: string) =>
      Object.fromEntries(
        Object.entries(properties)
          .filter(([key, child]) => key !== except && (Object.keys(child).length > 0 || required.includes(key)))
          .map(([key, child]) => [key, validNode(child, { ...ctx, key }, 'valid')]),
      );
    const hitOneKey = Object.entries(properties).map(([key, child]) =>
      fc
        .tuple(
          fc.record(validModel(key), { requiredKeys: required.filter((k) => k !== key) }),
          Object.keys(child).length ? oneHostile(child, { ...ctx, key }) : pick(STRUCTURAL),
        )
        .map(([rest, bad]) => objectOf([...Object.entries(rest as Record<string, unknown>), [key, bad]])),
    );
    const extraKey = fc
      .tuple(
        fc.record(validModel(''), { requiredKeys: required }),
        pick(EXTRA_KEYS),
        pick<unknown>([...STRUCTURAL, 'admin', true]),
      )
      .map(([rest, key, bad]) => objectOf([...Object.entries(rest as Record<string, unknown>), [key, bad]]));
    const missingKey = required.length
      ? fc
          .tuple(fc.record(validModel(''), { requiredKeys: required }), pick(required))
          .map(([rest, drop]) => objectOf(Object.entries(rest as Record<string, unknown>).filter(([key]) => key !== drop)))
      : null;
    return weighted([8, fc.oneof(...hitOneKey)], [1, extraKey], [1, missingKey]);
  }
  if (typeOf(node) === 'array' && node.items) {
    const items = node.items;
    const minLength = Math.max(1, node.minItems ?? 0);
    const oneBad = fc
      .tuple(
        fc.array(validNode(items, ctx, 'valid'), { minLength: minLength - 1, maxLength: Math.max(minLength - 1, 4) }),
        oneHostile(items, ctx),
        fc.nat(),
      )
      .map(([list, bad, at]) => {
        const copy = [...list];
        copy.splice(at % (copy.length + 1), 0, bad);
        return copy;
      });
    const tooMany =
      node.maxItems === undefined
        ? null
        : fc
            .tuple(validNode(items, ctx, 'valid'), fc.integer({ min: 1, max: 3 }))
            .map(([x, more]) => Array.from({ length: node.maxItems! + more }, () => x));
    return weighted([6, oneBad], [1, tooMany], [2, hostileNode(node, ctx)]);
  }
  return hostileNode(node, ctx);
};

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'userId', 'id', 'departmentId', ''];

const objectNode = (node: JsonSchema, ctx: Ctx, mode: Mode): fc.Arbitrary<unknown> => {
  const required = new Set(node.required ?? []);
  // `{}` is what z.undefined() becomes: a key that must stay absent, so only hostile inputs carry it.
  const keys = Object.entries(node.properties ?? {}).filter(
    ([key, child]) => mode === 'many' || Object.keys(child).length > 0 || required.has(key),
  );
  const model = Object.fromEntries(keys.map(([key, child]) => [key, nodeArbitrary(child, { ...ctx, key }, mode)]));
  const record = fc.record(model, {
    requiredKeys:
      mode === 'extreme' || mode === 'full'
        ? keys.map(([key]) => key)
        : keys.filter(([key]) => required.has(key)).map(([key]) => key),
  });
  if (mode !== 'many') return record;
  const extraKeys = fc.array(fc.tuple(pick(EXTRA_KEYS), pick<unknown>([...STRUCTURAL, 'admin', true])), { maxLength: 2 });
  const dropOne = weighted([7, fc.constant(null)], [1, required.size ? pick([...required]) : null]);
  return fc
    .tuple(record, extraKeys, dropOne)
    .map(([value, extra, drop]) =>
      objectOf([...Object.entries(value as Record<string, unknown>).filter(([key]) => key !== drop), ...extra]),
    );
};

export type InputCase = { input: unknown; forgedToken: string | null };

const FORGED_TOKENS = [
  'x',
  'null',
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJcdTAwMDAifQ.AAAA',
  'a.b.c',
  'x'.repeat(8_000),
];

/**
 * Random inputs for one procedure, from its input schema: valid (real ids and values mixed in), one hostile node
 * among valid siblings, valid at the extremes, hostile values at any node, and hostile structures in place of the
 * whole input. Anonymous callers sometimes send a forged bearer token. `undefined` means "no input sent".
 */
export const inputArbitrary = (
  schema: JsonSchema | null,
  options: { pools: Pools; domain: string; now: number; anonymous: boolean },
): fc.Arbitrary<InputCase> => {
  const ctx: Ctx = { pools: options.pools, domain: options.domain, key: '', now: options.now };
  const input = schema
    ? weighted(
        [3, nodeArbitrary(schema, ctx, 'valid')],
        [6, oneHostile(schema, ctx)],
        [1, nodeArbitrary(schema, ctx, 'extreme')],
        [1, nodeArbitrary(schema, ctx, 'many')],
        [1, pick(STRUCTURAL)],
      )
    : weighted([4, fc.constant(undefined)], [1, pick(STRUCTURAL)], [1, fc.jsonValue({ maxDepth: 2 })]);
  const token = (
    options.anonymous ? weighted([5, fc.constant(null)], [1, pick(FORGED_TOKENS)]) : fc.constant(null)
  ) as fc.Arbitrary<string | null>;
  return fc.record({ input, forgedToken: token });
};

const NONEXISTENT_ID = '00000000-0000-4000-8000-000000000000';

/** The hostile variants of one leaf value, by what it looks like. */
const leafVariants = (value: unknown, key: string, pools: Pools): unknown[] => {
  if (key === 'cursor') {
    const forged = pools.cursorPayloads
      .slice(0, 3)
      .flatMap((payload) => [0, 1, 2, 3].map((how) => base64url(toJsonText(tamper(payload, how, how)))));
    return [
      ...forged,
      base64url(toJsonText(['a\u0000', NONEXISTENT_ID])),
      base64url(toJsonText([HOSTILE_DATES[0], NONEXISTENT_ID])),
    ];
  }
  if (typeof value === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
      return [value.toUpperCase(), NONEXISTENT_ID];
    if (/^\d{4}-\d\d-\d\dT/.test(value)) return [HOSTILE_DATES[0], HOSTILE_DATES[4], HOSTILE_DATES[5], '1999-12-31T23:59:59Z'];
    const middle = Math.floor(value.length / 2);
    return [
      `${value.slice(0, middle)}\u0000${value.slice(middle)}`,
      `${value}\ud800`,
      `\u202e${value}`,
      "' OR '1'='1",
      '<script>alert(1)</script>',
      value.toUpperCase(),
    ];
  }
  if (typeof value === 'number') {
    return [new RawJson('9007199254740993'), new RawJson('NaN'), new RawJson('1e999'), 2_147_483_648, -1];
  }
  if (typeof value === 'boolean') return ['true'];
  return [];
};

/** A copy of `root` with the value at `path` replaced. */
const replaceAt = (root: unknown, path: (string | number)[], replacement: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(root)) return root.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const record = root as Record<string, unknown>;
  return objectOf(
    Object.keys(record).map((key) => [key, key === head ? replaceAt(record[key], rest, replacement) : record[key]]),
  );
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);

/**
 * The systematic part of the fuzz. It takes one valid input, preferably one the server accepted (so a hostile
 * value gets as far as a valid one does), and replaces each leaf in turn with each hostile class that fits it:
 * NUL, lone surrogates, right-to-left text, SQL, script, upper-case and unknown ids, year 0 and far-future dates,
 * 2^53+1, NaN, 1e999, forged cursors, one 1 MB string. Optional fields the accepted input lacks are added from a
 * generated input with every field present. Then the whole input with `__proto__` and `constructor` keys, and a
 * field replaced by deep nesting and by a huge array. Random runs may miss a field; this never does.
 */
export const sweepInputs = (
  schema: JsonSchema | null,
  options: { pools: Pools; domain: string; now: number; seed: number; base?: unknown },
): InputCase[] => {
  if (!schema) return [];
  const ctx: Ctx = { pools: options.pools, domain: options.domain, key: '', now: options.now };
  const [full] = fc.sample(nodeArbitrary(schema, ctx, 'full'), { seed: options.seed, numRuns: 1 });
  const base = options.base ?? full;
  const inputs: unknown[] = [];
  let hasMegabyte = false;
  const visit = (root: unknown, value: unknown, path: (string | number)[], key: string) => {
    if (key !== 'cursor' && Array.isArray(value)) {
      if (value.length > 0) visit(root, value[0], [...path, 0], key);
      return;
    }
    if (key !== 'cursor' && isRecord(value)) {
      for (const [child, item] of Object.entries(value)) visit(root, item, [...path, child], child);
      return;
    }
    for (const variant of leafVariants(value, key, options.pools)) inputs.push(replaceAt(root, path, variant));
    if (!hasMegabyte && typeof value === 'string' && key !== 'cursor') {
      inputs.push(replaceAt(root, path, MEGABYTE));
      hasMegabyte = true;
    }
  };
  visit(base, base, [], '');
  if (isRecord(base) && isRecord(full)) {
    for (const [key, value] of Object.entries(full)) {
      if (!(key in base)) visit(objectOf([...Object.entries(base), [key, value]]), value, [key], key);
    }
  }
  if (isRecord(base)) {
    const entries = Object.entries(base);
    inputs.push(
      objectOf([['__proto__', { role: 'admin', isAdmin: true }], ...entries]),
      objectOf([...entries, ['constructor', { prototype: { role: 'admin' } }]]),
    );
    const [first] = entries;
    if (first) {
      inputs.push(
        replaceAt(base, [first[0]], deep(5_000, '[', ']')),
        replaceAt(base, [first[0]], new RawJson(`[${Array.from({ length: 100_000 }, () => '1').join(',')}]`)),
      );
    }
  }
  return inputs.map((input) => ({ input, forgedToken: null }));
};
