import { describe, expect, it } from 'vitest';
import { need } from '../../src/errors.js';
import { featureContext, loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { locateFeature } from '../../src/read/feature-locator.js';
import { packageFolder, tsconfigFolder, tsconfigPathFor, workspacePackages } from '../../src/read/package-scope.js';
import { discoverPorts } from '../../src/read/port-discovery.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';
import { ORDERING_PACKAGE, WORKSPACE_PORT, workspaceProject } from '../support/workspaces.js';

/** Quick to read: no DOM lib, no @types (see READ_ONLY_TSCONFIG in projects.ts). */
const ROOT_OPTIONS = { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, lib: ['ES2022'], types: [] };

describe('a feature in a workspace package', () => {
  it("is read with the package's tsconfig.json: its alias to the shared kernel resolves, and the folders are the package's", () => {
    const dir = writeProject(workspaceProject(ROOT_OPTIONS));
    const context = loadProjectContext(dir);

    const location = locateFeature(context, context.config, 'order');
    const domain = readDomain(context, context.config, 'order');

    expect(context.packages).toEqual(['packages/kernel', ORDERING_PACKAGE]);
    expect(tsconfigFolder(context, location.paths.domainDir)).toBe(ORDERING_PACKAGE);
    expect(packageFolder(context, WORKSPACE_PORT)).toBe(ORDERING_PACKAGE);
    expect(location.paths).toMatchObject({
      domainDir: `${ORDERING_PACKAGE}/src/domain`,
      infrastructureDir: `${ORDERING_PACKAGE}/src/infrastructure`,
      databaseDir: `${ORDERING_PACKAGE}/src/infrastructure`,
      testsDir: `${ORDERING_PACKAGE}/tests/order`,
      sharedTestsDir: `${ORDERING_PACKAGE}/tests`,
    });
    expect(domain.aggregate.name).toBe('Order');
    // save, findById and delete come from the kernel's Repository<T, Id>, through the alias.
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['delete', 'findById', 'findByStatus', 'save']);
  });

  it('names the import that does not resolve and the tsconfig.json gen read, not a method the port lacks', () => {
    const dir = writeProject(workspaceProject(ROOT_OPTIONS, { extends: '../../tsconfig.json', include: ['src', 'tests'] }));
    const context = loadProjectContext(dir);

    const error = thrown(() => readDomain(context, context.config, 'order'));

    expect(error.message).toBe(
      `'@acme/kernel/repository' does not resolve under ${ORDERING_PACKAGE}/tsconfig.json, so the types the ports name are unknown`,
    );
    expect(error.location).toEqual({ file: WORKSPACE_PORT, line: 1 });
    expect(error.hint).toContain(`map '@acme/kernel/repository' in its "paths"`);
  });

  it('names the unresolved import when it leaves the port without an aggregate, not that the port has no save', () => {
    const files = workspaceProject(ROOT_OPTIONS);
    // Imported through an alias that the package's tsconfig does not map: Order is an error type, so no method takes a class.
    files[WORKSPACE_PORT] = `import { Order } from '@acme/ordering/domain/order';

export interface OrderRepository {
  create(order: Order): Promise<void>;
  update(order: Order): Promise<void>;
}
`;
    const context = loadProjectContext(writeProject(files));

    const error = thrown(() => readDomain(context, context.config, 'order'));

    expect(error.message).toBe(
      `'@acme/ordering/domain/order' does not resolve under ${ORDERING_PACKAGE}/tsconfig.json, so the types the ports name are unknown`,
    );
    expect(error.location).toEqual({ file: WORKSPACE_PORT, line: 1 });
  });

  it("tells two packages' classes of one name apart by the alias the port imports through", () => {
    const files = workspaceProject(ROOT_OPTIONS, {
      extends: '../../tsconfig.json',
      compilerOptions: { paths: { '@acme/kernel/*': ['../kernel/src/*'], '@acme/ordering/*': ['./src/*'] } },
      include: ['src', 'tests'],
    });
    // The kernel's own Order (a read model, say): by name alone the port's Order is either.
    files['packages/kernel/src/order.ts'] = 'export class Order {\n  constructor(readonly total: number) {}\n}\n';
    files[WORKSPACE_PORT] = files[WORKSPACE_PORT].replace("from './order'", "from '@acme/ordering/domain/order'");
    const context = loadProjectContext(writeProject(files));

    const ports = discoverPorts(context);

    expect(ports.map((p) => [p.name, p.aggregateFile])).toEqual([['OrderRepository', `${ORDERING_PACKAGE}/src/domain/order.ts`]]);
  });

  it('finds the packages pnpm-workspace.yaml lists, leaving out what a `!` pattern excludes', () => {
    const files = workspaceProject(ROOT_OPTIONS);
    files['package.json'] = JSON.stringify({ name: 'acme', private: true });
    files['pnpm-workspace.yaml'] = 'packages:\n  - \'packages/*\' # every package\n  - "!packages/kernel"\n';
    const context = loadProjectContext(writeProject(files));

    expect(context.packages).toEqual([ORDERING_PACKAGE]);
    expect(packageFolder(context, 'packages/kernel/src/repository.ts')).toBe('packages/kernel');
  });
});

describe("a workspace package's own package.json", () => {
  const NODENEXT = { ...ROOT_OPTIONS, module: 'NodeNext', moduleResolution: 'NodeNext' };

  it('gives the package\'s "type": a "module" package under a root without one imports with .js', () => {
    const files = workspaceProject(NODENEXT);
    files[`${ORDERING_PACKAGE}/package.json`] = JSON.stringify({ name: '@acme/ordering', version: '1.0.0', type: 'module' });
    const context = loadProjectContext(writeProject(files));

    const scoped = featureContext(context, `${ORDERING_PACKAGE}/src/domain`);

    expect(context.packageType).toBe('commonjs');
    expect(scoped.packageType).toBe('module');
    expect(need(scoped.moduleSettings)).toMatchObject({ extension: '.js', tsconfig: `${ORDERING_PACKAGE}/tsconfig.json` });
  });

  it('is CommonJS for a package whose package.json has no "type", under a "module" root too, as Node takes it', () => {
    const files = workspaceProject(NODENEXT);
    files['package.json'] = JSON.stringify({ name: 'acme', private: true, type: 'module', workspaces: ['packages/*'] });
    const context = loadProjectContext(writeProject(files));

    const scoped = featureContext(context, `${ORDERING_PACKAGE}/src/domain`);

    expect(context.packageType).toBe('module');
    expect(scoped.packageType).toBe('commonjs');
    expect(need(scoped.moduleSettings).extension).toBe('');
  });
});

describe('the tsconfig.json a feature is read with', () => {
  it("is a nested one only in a package's folder: beside a package.json, not one a single package keeps in src/modules", () => {
    const files = [
      'package.json',
      'tsconfig.json',
      'src/modules/tsconfig.json',
      'src/modules/ordering/domain/order.ts',
      'tools/billing/package.json',
      'tools/billing/tsconfig.json',
      'tools/billing/src/domain/invoice.ts',
    ];

    expect(tsconfigFolder({ files }, 'src/modules/ordering/domain')).toBe('');
    expect(tsconfigPathFor({ files }, 'src/modules/ordering/domain')).toBe('tsconfig.json');
    expect(tsconfigFolder({ files }, 'tools/billing/src/domain')).toBe('tools/billing');
  });
});

describe("pnpm-workspace.yaml's packages", () => {
  const listing = {
    root: '/project',
    files: [
      'pnpm-workspace.yaml',
      'apps/api/package.json',
      'packages/kernel/package.json',
      'packages/ordering/package.json',
      'tools/package.json',
    ],
    folders: new Set(['apps', 'apps/api', 'packages', 'packages/kernel', 'packages/ordering', 'tools']),
  };
  const packagesOf = (yaml: string) => workspacePackages(listing, (path) => (path === '/project/pnpm-workspace.yaml' ? yaml : undefined));

  it('are read from a block list whose items are not indented under the key, full-line comments between them', () => {
    expect(packagesOf("packages:\n- 'packages/*'\n# the apps\n- apps/*\n- '!packages/kernel'\ncatalog:\n  - tools\n")).toEqual([
      'apps/api',
      'packages/ordering',
    ]);
  });

  it('are read from an indented block list and from a flow one', () => {
    expect(packagesOf('packages:\n  - "packages/*"\n')).toEqual(['packages/kernel', 'packages/ordering']);
    expect(packagesOf("packages: ['apps/*', tools]\n")).toEqual(['apps/api', 'tools']);
  });
});
