import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getTestOrm } from '../helpers';
import {
  type Budget,
  type Finding,
  createWorld,
  describeFindings,
  fuzzProcedure,
  listProcedures,
  refreshPools,
  runOrder,
  seedWorld,
} from './harness';

/**
 * Every procedure of the router (found by walking it), as anonymous, employee, manager and admin, over HTTP through
 * the Hono app: random inputs generated from the input schema with the hostile classes of issue 7 mixed in, then a
 * sweep of every field with every hostile class. Never a 500, never database text in a refusal, and a refused
 * mutation writes nothing. See harness.ts and arbitraries.ts.
 *
 * FUZZ_RUNS: random inputs per procedure and caller (default 8: about 25-35 s per database on two cores).
 * FUZZ_SEED: the seed (a number, or `random`); every failure prints the one to run it again with.
 * FUZZ_ONLY: only procedures whose path starts with this (`order.`, `wallet.credit`).
 * FUZZ_REPORT: a file that receives every finding as JSON.
 *
 * One test seeds once and visits every procedure: the suite's per-test schema clear and a fresh seed would cost
 * more than the fuzzing itself.
 */
const DEFAULT_SEED = 20_261_207;
const DEFAULT_RUNS = 8;

const seedText = process.env.FUZZ_SEED;
const budget: Budget = {
  seed: seedText === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedText ? Number.parseInt(seedText, 10) : DEFAULT_SEED,
  runs: Number.parseInt(process.env.FUZZ_RUNS ?? '', 10) || DEFAULT_RUNS,
  shrinkBudget: 150,
  maxCauses: 6,
};
const only = process.env.FUZZ_ONLY;
const report = process.env.FUZZ_REPORT;

const procedures = listProcedures();

describe(`fuzz (FUZZ_SEED=${budget.seed} FUZZ_RUNS=${budget.runs})`, () => {
  it('finds the procedures by walking the router', () => {
    expect(procedures.length).toBeGreaterThan(20);
    expect(procedures.filter((p) => p.type === 'mutation').length).toBeGreaterThan(10);
  });

  it(
    'sends generated and hostile inputs to every procedure as every caller: no 500, no database text, refusals change nothing',
    async () => {
      const world = await createWorld(await getTestOrm());
      const findings: Finding[] = [];
      const timings: [string, number][] = [];
      const started = performance.now();
      try {
        const seeding = performance.now();
        await seedWorld(world);
        world.stats.set('ms seed', Math.round(performance.now() - seeding));
        for (const procedure of runOrder(procedures)) {
          if (only && !procedure.path.startsWith(only)) continue;
          const at = performance.now();
          await refreshPools(world);
          world.stats.set('ms pools', (world.stats.get('ms pools') ?? 0) + Math.round(performance.now() - at));
          findings.push(...(await fuzzProcedure(world, procedure, budget)));
          timings.push([procedure.path, Math.round(performance.now() - at)]);
        }
      } finally {
        await world.dispose();
      }
      const stats = [...world.stats].map(([bucket, count]) => `${bucket} ${count}`).join(', ');
      const slowest = timings
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([path, ms]) => `${path} ${ms} ms`)
        .join(', ');
      console.info(
        `fuzz: seed ${budget.seed}, ${budget.runs} runs, ${Math.round(performance.now() - started)} ms; ${stats}; slowest ${slowest}`,
      );
      if (report) writeFileSync(report, JSON.stringify({ seed: budget.seed, runs: budget.runs, stats, findings }, null, 2));

      const paths = [...new Set(findings.map((f) => f.path))];
      const message = paths.map((path) =>
        describeFindings(
          path,
          findings.filter((f) => f.path === path),
        ),
      );
      if (message.length) expect.fail(message.join('\n\n'));

      // The fuzz must reach the procedures, not stop at the rate limiter or at the sign-in gate.
      const total = [...world.stats].filter(([bucket]) => bucket.endsWith('xx')).reduce((sum, [, count]) => sum + count, 0);
      expect(world.stats.get('429') ?? 0, 'rate-limited responses').toBeLessThan(total * 0.02);
      expect(world.stats.get('2xx') ?? 0, 'successful responses').toBeGreaterThan(total * 0.05);
    },
    180_000 + budget.runs * 15_000,
  );
});
