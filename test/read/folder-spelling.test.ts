import { describe, expect, it } from 'vitest';
import { initialConfig } from '../../src/init-config.js';
import { detectProjectLayouts, locateFeature } from '../../src/read/feature-locator.js';
import { sameName } from '../../src/read/folder-spelling.js';
import { orderDomainIn } from '../support/layouts.js';
import { read, runGen, writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

/** The contexts layout spelled as CodelyTV's typescript-ddd-example spells it: src/Contexts/<Context>/<Module>/domain. */
const PASCAL = {
  ...orderDomainIn('src/Contexts/Sales/Ordering/domain', 'src/Contexts/Sales/Ordering/domain/OrderRepository.ts'),
  'src/Contexts/Shared/infrastructure/README.md': 'shared\n',
  'tests/Contexts/Sales/README.md': 'tests\n',
};

describe('folders spelled in PascalCase (src/Contexts/Sales/Ordering/domain)', () => {
  it('are the same names as kebab-case ones', () => {
    expect(sameName('CoursesCounter', 'courses-counter')).toBe(true);
    expect(sameName('Courses', 'course')).toBe(false);
  });

  it('hold the feature of the contexts layout, every folder written in the project spelling but the plans', () => {
    const dir = writeProject(PASCAL);
    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(location).toMatchObject({ preset: 'contexts', source: 'detected', context: 'Sales' });
    expect(location.paths).toEqual({
      domainDir: 'src/Contexts/Sales/Ordering/domain',
      portDir: 'src/Contexts/Sales/Ordering/domain',
      applicationDir: 'src/Contexts/Sales/Ordering/application',
      infrastructureDir: 'src/Contexts/Sales/Ordering/infrastructure',
      testsDir: 'tests/Contexts/Sales/Ordering',
      plansDir: 'documentation/plans/ordering',
      databaseDir: 'src/Contexts/Shared/infrastructure',
      sharedTestsDir: 'tests/Contexts/Shared',
    });
    // A context named in any spelling is the folder's.
    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering', { context: 'sales' }).paths.domainDir).toBe(
      'src/Contexts/Sales/Ordering/domain',
    );
  });

  it('are detected by gen init, each feature by its kebab-case name', () => {
    const dir = writeProject({
      ...PASCAL,
      ...orderDomainIn('src/Contexts/Sales/OrderHistory/domain', 'src/Contexts/Sales/OrderHistory/domain/OrderRepository.ts'),
    });

    expect(detectProjectLayouts(loadProjectContext(dir))).toEqual([{ preset: 'contexts', features: ['order-history', 'ordering'] }]);
    expect(initialConfig(dir)).toMatchObject({ preset: 'contexts', features: ['order-history', 'ordering'], detected: true });
  });

  it('may be named in their own spelling on the command line (gen infra Ordering), and get generated code there', async () => {
    const dir = writeProject(PASCAL);
    const run = await runGen(['infra', 'Ordering', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);

    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Layout: contexts (detected');
    expect(read(dir, 'src/Contexts/Sales/Ordering/infrastructure/persistence/repositories/order.repository.ts')).toMatch(
      /implements OrderRepository\b/,
    );
    expect(read(dir, 'tests/Contexts/Shared/migrations.test.ts')).toContain('describe(');
    expect(read(dir, 'documentation/plans/ordering/003-infrastructure-layer.md')).toContain('src/Contexts/Sales/Ordering/domain');
  });
});

/** Bounded contexts at the top of src, a domain folder per aggregate (mapeveri/typescript-ddd-cqrs: src/account/domain/user). */
const CONTEXT_DOMAINS = orderDomainIn('src/sales/domain/ordering', 'src/sales/domain/ordering/orderRepository.ts');

describe('the context-domains layout (src/<context>/domain/<aggregate>)', () => {
  it('is detected for a feature and by gen init, the context infrastructure folder shared by its aggregates', () => {
    const dir = writeProject(CONTEXT_DOMAINS);
    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(location).toMatchObject({ preset: 'context-domains', source: 'detected', context: 'sales' });
    expect(location.paths).toMatchObject({
      domainDir: 'src/sales/domain/ordering',
      applicationDir: 'src/sales/application/ordering',
      infrastructureDir: 'src/sales/infrastructure',
      databaseDir: 'src/shared/infrastructure',
    });
    expect(detectProjectLayouts(loadProjectContext(dir))).toEqual([{ preset: 'context-domains', features: ['ordering'] }]);
  });
});

describe('the context named as the feature, with the context-domains layout gen init wrote', () => {
  it('is located as without a config: the context its feature, as `gen infra sales` finds it with none', () => {
    const bare = writeProject(CONTEXT_DOMAINS);
    const configured = writeProject({ ...CONTEXT_DOMAINS, 'gen.config.json': '{ "layout": "context-domains" }\n' });
    const without = locateFeature(loadProjectContext(bare), loadProjectContext(bare).config, 'sales');
    const withInit = locateFeature(loadProjectContext(configured), loadProjectContext(configured).config, 'sales');

    expect(withInit.paths).toEqual(without.paths);
    expect(withInit.paths.domainDir).toBe('src/sales/domain');
    // The aggregate's own name still follows the preset.
    expect(locateFeature(loadProjectContext(configured), loadProjectContext(configured).config, 'ordering')).toMatchObject({
      preset: 'context-domains',
      source: 'config',
    });
  });

  it('still refuses a name that is neither, from the configured layout', () => {
    const configured = writeProject({ ...CONTEXT_DOMAINS, 'gen.config.json': '{ "layout": "context-domains" }\n' });
    expect(() => locateFeature(loadProjectContext(configured), loadProjectContext(configured).config, 'shipping')).toThrow(
      /feature 'shipping' has no domain folder: looked for src\/\*\/domain\/shipping\//,
    );
  });
});

/** NestJS services: src/<feature>/{domain,application,infrastructure}, the port in a subfolder of the domain. */
const FEATURE_LAYERS = orderDomainIn('src/ordering/domain', 'src/ordering/domain/repositories/order.repository.ts');

describe('the feature-layers layout (src/<feature>/{domain,application,infrastructure})', () => {
  it('is detected by gen init, the domain subfolder holding the port not taken for a context-domains feature', () => {
    const dir = writeProject(FEATURE_LAYERS);

    expect(detectProjectLayouts(loadProjectContext(dir))).toEqual([{ preset: 'feature-layers', features: ['ordering'] }]);
    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');
    expect(location).toMatchObject({ preset: 'feature-layers', source: 'detected' });
    expect(location.paths).toMatchObject({
      domainDir: 'src/ordering/domain',
      applicationDir: 'src/ordering/application',
      infrastructureDir: 'src/ordering/infrastructure',
      testsDir: 'test/ordering',
    });
  });
});

describe('a port exported after its declaration (interface UserRepository {...} export default UserRepository;)', () => {
  it('is found by gen init and by detection', () => {
    const port = 'src/sales/domain/ordering/orderRepository.ts';
    const text = CONTEXT_DOMAINS[port];
    expect(text).toContain('export interface OrderRepository');
    const dir = writeProject({
      ...CONTEXT_DOMAINS,
      [port]: `${text.replace('export interface OrderRepository', 'interface OrderRepository')}\nexport default OrderRepository;\n`,
    });

    expect(detectProjectLayouts(loadProjectContext(dir))).toEqual([{ preset: 'context-domains', features: ['ordering'] }]);
    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering').paths.domainDir).toBe(
      'src/sales/domain/ordering',
    );
  });
});
