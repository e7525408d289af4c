// Adds up vitest and Playwright JSON reports into the one plain line CI reads: `N passed, N failed, N skipped`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const countReport = (file) => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    // Playwright
    const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = report.stats;
    return { passed: expected + flaky, failed: unexpected, skipped };
  }
  // vitest: a file that failed to load counts as a failure even when it ran no test.
  const failedSuites = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + failedSuites,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
};

/** The names of the tests a report says failed, each with its file, so a log's tail says what broke. */
const failedNames = (file) => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats && 'expected' in report.stats) {
    const names = [];
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === 'unexpected') names.push(`${spec.file ?? suite.file}: ${[...trail, spec.title].join(' > ')}`);
        }
      }
      for (const child of suite.suites ?? [])
        walk(child, child.title && !child.title.endsWith('.ts') ? [...trail, child.title] : trail);
    };
    for (const suite of report.suites ?? []) walk(suite, []);
    return names;
  }
  return (report.testResults ?? []).flatMap((result) => {
    const where = String(result.name ?? '').replace(/^.*?\/(apps|packages)\//, '$1/');
    const failed = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (result.status === 'failed' && failed.length === 0) return [`${where}: the file failed to load or run`];
    return failed.map((a) => `${where}: ${a.fullName ?? a.title}`);
  });
};

const jsonFiles = (path) => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return path.endsWith('.json') ? [path] : [];
  return readdirSync(path).flatMap((name) => jsonFiles(join(path, name)));
};

/** Totals over every JSON report under the given paths. */
export const summarize = (paths) => {
  const total = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const file of paths.flatMap(jsonFiles)) {
    const counts = countReport(file);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    total.files += 1;
  }
  return total;
};

/** Every failed test under the given paths, one line each. */
export const failures = (paths) => paths.flatMap(jsonFiles).flatMap(failedNames);

export const summaryLine = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const extraFailed = Number(process.env.EXTRA_FAILED ?? 0);
  const total = summarize(process.argv.slice(2));
  for (const name of failures(process.argv.slice(2))) process.stdout.write(`failed: ${name}\n`);
  total.failed += extraFailed;
  process.stdout.write(`${summaryLine(total)}\n`);
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}
