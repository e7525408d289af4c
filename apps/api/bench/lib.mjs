// Helpers for `pnpm bench` and `pnpm chaos`: child processes, CPU time from /proc, load runs with autocannon,
// percentiles, and the table.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** Starts a child and resolves with it and the first JSON line it prints on stdout. */
export const startJsonChild = (command, args, options) =>
  new Promise((resolveChild, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
    const lines = createInterface({ input: child.stdout });
    const onExit = (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it was ready`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      child.off('exit', onExit);
      lines.removeAllListeners('line');
      child.stdout.resume();
      resolveChild({ child, info: JSON.parse(line) });
    });
  });

/** Stops a child and waits for it to exit. */
export const stopChild = (child, signal = 'SIGTERM') =>
  new Promise((resolveStop) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolveStop();
    child.once('exit', () => resolveStop());
    child.kill(signal);
  });

export const waitUntil = async (what, check, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
};

const CLOCK_TICKS = 100;

/**
 * CPU seconds (user + system) used so far by `pid` and every process below it (workers, database backends), ended
 * and reaped children included.
 */
export const treeCpuSeconds = (pid) => {
  if (!pid) return null;
  const byParent = new Map();
  const ticks = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command may contain spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      // utime + stime, and cutime + cstime: the time of children it has reaped (a database's ended backends).
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop();
    total += ticks.get(next) ?? 0;
    stack.push(...(byParent.get(next) ?? []));
  }
  return total / CLOCK_TICKS;
};

export const percentile = (sorted, p) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/**
 * One load run with autocannon: requests per second, latency percentiles of the answers counted as success,
 * errors (other statuses, timeouts, socket errors), and the CPU the watched processes used per request.
 */
export const load = ({ url, connections, seconds, ok = [200], watch = {}, ...options }) =>
  new Promise((resolveRun, reject) => {
    const latencies = [];
    const statuses = new Map();
    const before = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, treeCpuSeconds(pid)]));
    const instance = autocannon({ url, connections, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      const after = Object.fromEntries(Object.entries(watch).map(([name, pid]) => [name, treeCpuSeconds(pid)]));
      latencies.sort((a, b) => a - b);
      const answered = latencies.length;
      const failed = [...statuses].filter(([status]) => !ok.includes(status)).reduce((sum, [, n]) => sum + n, 0);
      const cpuMsPerRequest = Object.fromEntries(
        Object.keys(watch).map((name) => [
          name,
          before[name] === null || answered === 0 ? null : round(((after[name] - before[name]) * 1000) / answered, 3),
        ]),
      );
      resolveRun({
        rps: round(answered / result.duration),
        p50: round(percentile(latencies, 50), 2),
        p95: round(percentile(latencies, 95), 2),
        p99: round(percentile(latencies, 99), 2),
        errors: failed + result.errors + result.timeouts,
        statuses: Object.fromEntries(statuses),
        cpuMsPerRequest,
      });
    });
    instance.on('response', (_client, status, _bytes, responseTime) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (ok.includes(status)) latencies.push(responseTime);
    });
  });

export const median = (values) => {
  const present = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const mid = Math.floor(present.length / 2);
  return present.length % 2 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
};

/** Median and spread ((max - min) / median) of one figure over the rounds. */
export const summarise = (values) => {
  const present = values.filter((v) => v !== null && v !== undefined);
  const mid = median(present);
  if (mid === null) return { median: null, min: null, max: null, spread: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  return { median: round(mid, 2), min, max, spread: mid === 0 ? null : round((max - min) / mid, 3) };
};
