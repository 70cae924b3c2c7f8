import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

describe('readDomainImports', () => {
  it('records every import of the domain files, following project files outside the feature folder', () => {
    const { domainImports } = readFeature(
      loadProjectContext(
        writeProject({
          ...ORDER_DOMAIN,
          'src/domain/aggregates/ordering/order-id.ts': `import { assertNonEmpty } from '../../shared/guards';

export class OrderId {
  constructor(readonly value: string) {
    assertNonEmpty(value);
  }
}
`,
          'src/domain/shared/guards.ts': `import { Column } from 'typeorm';
export { Column };
export function assertNonEmpty(value: string): void {
  if (value === '') throw new Error('empty');
}
`,
        }),
      ),
      DEFAULT_CONFIG,
      'ordering',
    );

    expect(domainImports.files).toEqual([
      'src/domain/aggregates/ordering/order-id.ts',
      'src/domain/aggregates/ordering/order-status.ts',
      'src/domain/aggregates/ordering/order.repository.ts',
      'src/domain/aggregates/ordering/order.ts',
      'src/domain/shared/guards.ts',
    ]);
    expect(domainImports.imports.filter((i) => !i.file.endsWith('order.repository.ts') && !i.file.endsWith('/order.ts'))).toEqual([
      {
        file: 'src/domain/aggregates/ordering/order-id.ts',
        line: 1,
        specifier: '../../shared/guards',
        target: 'src/domain/shared/guards.ts',
      },
      { file: 'src/domain/shared/guards.ts', line: 1, specifier: 'typeorm' },
    ]);
  });

  it('gives a relative import of a file that does not exist yet its path, so it can be checked too', () => {
    const { domainImports } = readFeature(
      loadProjectContext(
        writeProject({
          ...ORDER_DOMAIN,
          'src/domain/aggregates/ordering/order-status.ts': `export type { OrderModel } from '../../../infrastructure/persistence/models/order.model';
export enum OrderStatus {
  Placed = 'PLACED',
}
`,
        }),
      ),
      DEFAULT_CONFIG,
      'ordering',
    );

    expect(domainImports.imports.find((i) => i.file.endsWith('order-status.ts'))).toEqual({
      file: 'src/domain/aggregates/ordering/order-status.ts',
      line: 1,
      specifier: '../../../infrastructure/persistence/models/order.model',
      target: 'src/infrastructure/persistence/models/order.model',
    });
  });
});
