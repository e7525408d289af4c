// Bundles the API (and the workspace packages it imports as TS source) into dist/; npm dependencies stay external.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const own = new Set(Object.keys(pkg('./package.json').dependencies));
const external = new Set([...own].filter((name) => !name.startsWith('@canteen/')));
// Workspace packages are bundled from source, but their npm dependencies stay external and must therefore be
// resolvable from apps/api: fail here rather than at start-up.
for (const path of ['../../packages/db/package.json', '../../packages/shared/package.json']) {
  for (const name of Object.keys(pkg(path).dependencies ?? {})) {
    if (!name.startsWith('@canteen/') && !own.has(name)) {
      throw new Error(`${name} (a dependency of ${path}) must also be a dependency of @canteen/api`);
    }
  }
}

await build({
  entryPoints: ['src/main.ts', 'src/cli.ts', 'src/worker.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  external: [...external].flatMap((name) => [name, `${name}/*`]),
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
