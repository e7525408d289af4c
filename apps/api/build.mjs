// Bundles the API (and the workspace packages it imports as TS source) into dist/; npm dependencies stay external.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const external = new Set();
for (const path of ['./package.json', '../../packages/db/package.json', '../../packages/shared/package.json']) {
  for (const name of Object.keys(pkg(path).dependencies ?? {})) if (!name.startsWith('@canteen/')) external.add(name);
}

await build({
  entryPoints: ['src/main.ts', 'src/cli.ts'],
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
