import { describe, expect, it } from 'vitest';
import { validationChecklist, type ChecklistInput } from '../../generators/validation-checklist.js';
import { presetPaths } from '../../src/config/layout-presets.js';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { artifactLayout } from '../../src/layout.js';
import { mapFeature } from '../../src/map/map-feature.js';
import type { ApplicationModel } from '../../src/model/application-model.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const model = mapFeature(readDomain(loadProjectContext(writeProject(ORDER_DOMAIN)), DEFAULT_CONFIG, 'ordering'));
const layout = artifactLayout(presetPaths('plan', 'ordering'), model.names);
const PLANS = ['documentation/plans/ordering/001-domain-layer.md', 'documentation/plans/ordering/002-application-layer.md'];
const USE_CASE = 'src/application/ordering/pay-order.use-case.ts';

function call(method: string, line: number) {
  return { method, location: { file: USE_CASE, line }, inLoop: false };
}

const everyMethodCalled: ApplicationModel = {
  dir: 'src/application',
  dirExists: true,
  useCases: [
    {
      name: 'PayOrderUseCase',
      file: USE_CASE,
      location: { file: USE_CASE, line: 3 },
      calls: ['save', 'findById', 'findAll', 'delete', 'findByStatus'].map((m, i) => call(m, 5 + i)),
    },
  ],
};

function checklist(overrides: Partial<ChecklistInput> = {}) {
  const input: ChecklistInput = {
    model,
    layout,
    application: everyMethodCalled,
    domainImports: {
      files: ['src/domain/aggregates/ordering/order.ts'],
      imports: [
        {
          file: 'src/domain/aggregates/ordering/order.ts',
          line: 1,
          specifier: './order-id',
          target: 'src/domain/aggregates/ordering/order-id.ts',
        },
      ],
    },
    documents: Object.fromEntries(PLANS.map((p) => [p, '# Plan\n'])),
    priorPlans: PLANS,
    testCommand: 'npx vitest run',
    ...overrides,
  };
  return Object.fromEntries(validationChecklist(input).map((item) => [item.text, { checked: item.checked, how: item.how }]));
}

describe('validationChecklist', () => {
  it('ticks what gen checked and leaves what only the generated tests or tsc check unticked, saying why', () => {
    const items = checklist();

    expect(Object.entries(items).map(([text, item]) => [text, item.checked])).toEqual([
      ['Domain layer has no knowledge of infrastructure', true],
      ['Repository implements ALL methods from domain port `OrderRepository`', true],
      ['The application layer uses `OrderRepository`', true],
      ['Every port method is called by a use case', true],
      ['Domain and application layer plans exist', true],
      ['Migrations and entities agree', false],
      ['The TypeORM and in-memory repositories pass the same contract suite', false],
      ["The generated code type-checks under the project's tsconfig", false],
    ]);
    expect(items['Domain layer has no knowledge of infrastructure'].how).toBe(
      'gen scanned the imports and re-exports of 1 domain file(s): none imports `typeorm` or `src/infrastructure/`',
    );
    expect(items['Migrations and entities agree'].how).toBe(
      'not checked by gen: the schema test in `tests/integration/infrastructure/order.repository.test.ts` checks it when it runs',
    );
  });

  it('unticks the domain item with the place of an infrastructure import', () => {
    const items = checklist({
      domainImports: {
        files: ['src/domain/aggregates/ordering/order.ts'],
        imports: [{ file: 'src/domain/aggregates/ordering/order.ts', line: 3, specifier: 'typeorm' }],
      },
    });

    expect(items['Domain layer has no knowledge of infrastructure']).toEqual({
      checked: false,
      how: 'imported at src/domain/aggregates/ordering/order.ts:3',
    });
  });

  it('unticks the application items when use cases are missing or leave methods uncalled', () => {
    const partly = checklist({
      application: { ...everyMethodCalled, useCases: [{ ...everyMethodCalled.useCases[0], calls: [call('save', 5)] }] },
    });
    const none = checklist({ application: { dir: 'src/application', dirExists: false, useCases: [] } });

    expect(partly['Every port method is called by a use case']).toEqual({
      checked: false,
      how: 'not called: `findById`, `findAll`, `delete`, `findByStatus`; generated and tested anyway because the port declares them',
    });
    expect(none['The application layer uses `OrderRepository`']).toEqual({
      checked: false,
      how: 'no use case in `src/application/` refers to the port',
    });
    expect(none['Every port method is called by a use case']).toEqual({ checked: false, how: 'no use case found' });
  });

  it('unticks the plans item naming the missing plan', () => {
    const items = checklist({ documents: { [PLANS[0]]: '# Domain\n' } });

    expect(items['Domain and application layer plans exist']).toEqual({
      checked: false,
      how: 'missing: `documentation/plans/ordering/002-application-layer.md`',
    });
  });
});
