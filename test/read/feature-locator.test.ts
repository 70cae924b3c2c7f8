import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialConfig } from '../../src/init-config.js';
import { presetPaths } from '../../src/config/layout-presets.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { detectProjectLayouts, locateFeature } from '../../src/read/feature-locator.js';
import { ORDER_IN_LAYOUT, orderDomainIn } from '../support/layouts.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';
import { thrown } from '../support/thrown.js';

function locate(files: Record<string, string>, feature = 'ordering') {
  const dir = writeProject(files);
  return locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, feature);
}

const config = (value: object) => ({ 'gen.config.json': `${JSON.stringify(value, null, 2)}\n` });

describe('locateFeature', () => {
  it.each([
    ['plan', undefined],
    ['modules', undefined],
    ['contexts', 'sales'],
    ['repos', undefined],
  ] as const)('detects the %s layout from where the domain and its port are', (preset, context) => {
    const location = locate(ORDER_IN_LAYOUT[preset]);

    expect(location).toEqual({
      feature: 'ordering',
      preset,
      source: 'detected',
      paths: presetPaths(preset, 'ordering', context),
      ...(context ? { context } : {}),
    });
  });

  it('finds a module whose port is in neither of the layouts that share its domain folder from the code', () => {
    const location = locate(orderDomainIn('src/modules/ordering/domain', 'src/modules/ordering/domain/order.repository.port.ts'));

    expect(location).toMatchObject({
      source: 'detected',
      paths: {
        domainDir: 'src/modules/ordering/domain',
        portDir: 'src/modules/ordering/domain',
        infrastructureDir: 'src/modules/ordering/infrastructure',
      },
    });
    expect(location.foundBy).toEqual([
      { port: 'OrderRepository', file: 'src/modules/ordering/domain/order.repository.port.ts', line: 5, aggregate: 'Order' },
    ]);
  });

  it('takes the layout gen.config.json names, without detecting', () => {
    const location = locate({
      ...ORDER_IN_LAYOUT.repos,
      ...config({ layout: 'repos', features: { ordering: { testsDir: 'src/modules/ordering/tests' } } }),
    });

    expect(location).toMatchObject({ preset: 'repos', source: 'config' });
    expect(location.paths).toEqual({ ...presetPaths('repos', 'ordering'), testsDir: 'src/modules/ordering/tests' });
  });

  it('finds the context by its folder, and takes it from the config when two contexts have the feature', () => {
    const both = {
      ...ORDER_IN_LAYOUT.contexts,
      ...orderDomainIn('src/contexts/backoffice/ordering/domain', 'src/contexts/backoffice/ordering/domain/OrderRepository.ts'),
    };

    const error = thrown(() => locate(both));
    const chosen = locate({ ...both, ...config({ features: { ordering: { context: 'sales' } } }) });

    expect(error.message).toBe(
      "feature 'ordering' is in 2 contexts: src/contexts/backoffice/ordering/domain/, src/contexts/sales/ordering/domain/",
    );
    expect(error.hint).toBe(
      'Pick one with --context backoffice (npx --no gen infra ordering --context backoffice), or say which in gen.config.json: "features": { "ordering": { "context": "backoffice" } }.',
    );
    expect(chosen).toMatchObject({
      preset: 'contexts',
      source: 'detected',
      context: 'sales',
      paths: { domainDir: 'src/contexts/sales/ordering/domain' },
    });
  });

  it.each([
    [
      'no domain folder in any layout',
      { 'src/index.ts': 'export {};\n' },
      "feature 'ordering' has no domain folder: looked for src/domain/aggregates/ordering/ (layout plan), src/modules/ordering/domain/ (layouts modules, repos), src/contexts/*/ordering/domain/ (layout contexts), src/*/domain/ordering/ (layout context-domains), src/ordering/domain/ (layout feature-layers); and no port under src/ takes or returns a class of the project",
      /Complete the domain layer first .* \{ "layout": "modules" \}/,
      undefined,
    ],
    [
      'two layouts that both hold a port',
      { ...ORDER_IN_LAYOUT.modules, ...ORDER_IN_LAYOUT.repos },
      "2 layouts fit feature 'ordering': modules (port in src/modules/ordering/database/order.repository.port.ts); repos (port in src/modules/ordering/repos/order-repo.ts)",
      /Name the project's layout in gen.config.json: \{ "layout": "modules" \} \(npx --no gen init --layout modules writes it\)/,
      undefined,
    ],
    [
      'a configured domain folder that does not exist',
      {
        ...ORDER_IN_LAYOUT.plan,
        'gen.config.json': '{\n  "features": {\n    "ordering": {\n      "domainDir": "src/ordering/domain"\n    }\n  }\n}\n',
      },
      'feature \'ordering\' has no domain folder: looked for src/ordering/domain/ ("domainDir" in gen.config.json)',
      /set where it is: "features": \{ "ordering": \{ "domainDir": "\.\.\." \} \}/,
      { file: 'gen.config.json', line: 4 },
    ],
    [
      "a preset's port folder that does not exist",
      {
        ...orderDomainIn('src/modules/ordering/domain', 'src/modules/ordering/domain/order.repository.port.ts'),
        'gen.config.json': '{\n  "layout": "modules"\n}\n',
      },
      "feature 'ordering' has no port folder: looked for src/modules/ordering/database/ (the modules layout)",
      /"features": \{ "ordering": \{ "portDir": "src\/modules\/ordering\/domain" \} \}/,
      { file: 'gen.config.json', line: 2 },
    ],
  ])('stops on %s, saying what it looked for, where, and the fix', (_case, files, message, hint, location) => {
    const error = thrown(() => locate(files));

    expect(error.message).toBe(message);
    expect(error.hint).toMatch(hint);
    expect(error.location).toEqual(location);
  });

  it('reads a port named by a glob, and the aggregate it saves from wherever the port imports it', () => {
    const files = {
      ...orderDomainIn('src/shared-kernel/ordering', 'src/modules/ordering/ports/order.repository.port.ts'),
      'src/modules/ordering/domain/README.ts': 'export const about = "the aggregate lives in the shared kernel";\n',
      ...config({ layout: 'modules', features: { ordering: { portDir: 'src/modules/ordering/**/*.port.ts' } } }),
    };

    const dir = writeProject(files);
    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(domain.port).toMatchObject({ name: 'OrderRepository', file: 'src/modules/ordering/ports/order.repository.port.ts' });
    expect(domain.aggregate).toMatchObject({ name: 'Order', file: 'src/shared-kernel/ordering/order.ts' });
  });

  it('implements ports found in two places together, the one with save first', () => {
    const files = {
      ...ORDER_IN_LAYOUT.modules,
      'src/modules/ordering/database/legacy/order.repository.port.ts':
        "import { Order } from '../../domain/order';\n\nexport interface LegacyOrderRepository {\n  findAll(): Promise<Order[]>;\n}\n",
    };
    const dir = writeProject(files);

    const { port } = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(port.ports.map((p) => `${p.name} ${p.file}`)).toEqual([
      'OrderRepository src/modules/ordering/database/order.repository.port.ts',
      'LegacyOrderRepository src/modules/ordering/database/legacy/order.repository.port.ts',
    ]);
    expect(port.name).toBe('OrderRepository');
  });
});

describe('gen init', () => {
  it.each(['plan', 'modules', 'contexts', 'repos'] as const)('detects the %s layout across the project', (preset) => {
    const dir = writeProject(ORDER_IN_LAYOUT[preset]);

    expect(detectProjectLayouts(loadProjectContext(dir))).toEqual([{ preset, features: ['ordering'] }]);
    expect(initialConfig(dir)).toEqual({
      path: 'gen.config.json',
      content: `{\n  "layout": "${preset}"\n}\n`,
      preset,
      features: ['ordering'],
      detected: true,
    });
  });

  it.each([
    [
      'an existing gen.config.json',
      { ...ORDER_IN_LAYOUT.plan, 'gen.config.json': '{}\n' },
      /gen.config.json already exists; gen init does not overwrite it/,
    ],
    [
      'no feature in any layout',
      { 'src/index.ts': 'export {};\n' },
      /no layout detected: no feature of the project fits a preset; looked for plan \(src\/domain\/aggregates\/\{feature\}\/ with a port in/,
    ],
    [
      'features in two layouts',
      { ...ORDER_IN_LAYOUT.plan, ...ORDER_IN_LAYOUT.repos },
      /2 layouts fit features of the project: plan \(ordering\); repos \(ordering\)/,
    ],
  ])('stops on %s', (_case, files, message) => {
    expect(thrown(() => initialConfig(writeProject(files))).message).toMatch(message);
  });

  it('writes the layout named with --layout, whatever it detects', () => {
    const dir = writeProject({ 'src/index.ts': 'export {};\n' });

    expect(initialConfig(dir, 'modules')).toMatchObject({ content: '{\n  "layout": "modules"\n}\n', features: [], detected: false });
    writeFileSync(join(dir, 'gen.config.json'), '{}\n');
    expect(thrown(() => initialConfig(dir, 'modules')).message).toMatch(/already exists/);
  });
});

describe('one domain folder of several aggregates with its ports in ports/outbound/ (issue 19)', () => {
  const files = (customerPort: string): Record<string, string> => ({
    'src/core/domain/customer.ts': 'export class Customer {\n  constructor(readonly id: string, public name: string) {}\n}\n',
    'src/core/domain/order.ts': 'export class Order {\n  constructor(readonly id: number, public total: number) {}\n}\n',
    'src/core/domain/ports/outbound/order-repository.ts': `import { Order } from '../../order';

export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: number): Promise<Order | null>;
}
`,
    'src/core/domain/ports/outbound/customer-repository.ts': `import { Customer } from '../../customer';

export interface CustomerRepository {
${customerPort}
}
`,
  });

  it('takes src/core/domain/ as the module and picks the aggregate the feature names, not ports/ as a module', () => {
    const project = files('  save(customer: Customer): Promise<void>;\n  findById(id: string): Promise<Customer | null>;');
    const location = locate(project, 'customer');
    expect(location.paths.domainDir).toBe('src/core/domain');

    const dir = writeProject(project);
    const { aggregate, port } = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'customer');
    expect([aggregate.name, port.name]).toEqual(['Customer', 'CustomerRepository']);
  });

  it("reads a feature whose port only reads it, not taking the other aggregates' ports for its writer", () => {
    const dir = writeProject(files('  findById(id: string): Promise<Customer | null>;'));
    const { aggregate, port } = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'customer');
    expect([aggregate.name, port.name, port.methods.map((m) => m.name)]).toEqual(['Customer', 'CustomerRepository', ['findById']]);
  });
});
