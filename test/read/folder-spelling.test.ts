import { describe, expect, it } from 'vitest';
import { initialConfig } from '../../src/config/init-config.js';
import { loadProjectConfig } from '../../src/config/project-config.js';
import { detectProjectLayouts, locateFeature } from '../../src/read/feature-locator.js';
import { kebabName, sameName } from '../../src/read/folder-spelling.js';
import { orderDomainIn } from '../support/layouts.js';
import { read, runGen, writeProject } from '../support/projects.js';

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
    expect(kebabName('CoursesCounter')).toBe('courses-counter');
    expect(kebabName('Courses')).toBe('courses');
  });

  it('hold the feature of the contexts layout, every folder written in the project spelling but the plans', () => {
    const dir = writeProject(PASCAL);
    const location = locateFeature(dir, loadProjectConfig(dir), 'ordering');

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
    expect(locateFeature(dir, loadProjectConfig(dir), 'ordering', { context: 'sales' }).paths.domainDir).toBe('src/Contexts/Sales/Ordering/domain');
  });

  it('are detected by gen init, each feature by its kebab-case name', () => {
    const dir = writeProject({ ...PASCAL, ...orderDomainIn('src/Contexts/Sales/OrderHistory/domain', 'src/Contexts/Sales/OrderHistory/domain/OrderRepository.ts') });

    expect(detectProjectLayouts(dir)).toEqual([{ preset: 'contexts', features: ['order-history', 'ordering'] }]);
    expect(initialConfig(dir)).toMatchObject({ preset: 'contexts', features: ['order-history', 'ordering'], detected: true });
  });

  it('may be named in their own spelling on the command line (gen infra Ordering), and get generated code there', async () => {
    const dir = writeProject(PASCAL);
    const run = await runGen(['infra', 'Ordering', '--cwd', dir, '--now', '2024-06-01T00:00:00Z']);

    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Layout: contexts (detected');
    expect(read(dir, 'src/Contexts/Sales/Ordering/infrastructure/persistence/repositories/order.repository.ts')).toMatch(/implements OrderRepository\b/);
    expect(read(dir, 'tests/Contexts/Shared/migrations.test.ts')).toContain('describe(');
    expect(read(dir, 'documentation/plans/ordering/003-infrastructure-layer.md')).toContain('src/Contexts/Sales/Ordering/domain');
  });
});
