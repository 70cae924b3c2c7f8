import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readFeature } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';
import { checkDomainIsolation } from '../../src/check/domain-isolation.js';
import { GenError } from '../../src/errors.js';

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

  it('scans the feature’s import closure only, as the type check does: a domain file no port nor aggregate imports is not the feature’s', () => {
    const { domainImports } = readFeature(
      loadProjectContext(
        writeProject({
          ...ORDER_DOMAIN,
          // A left-over model in the domain folder, and another feature's file in a shared folder: neither is imported.
          'src/domain/aggregates/ordering/legacy-order.model.ts': `import { Entity } from 'typeorm';
@Entity()
export class LegacyOrderModel {}
`,
          'src/domain/shared/audit.ts': `export { AuditModel } from '../../infrastructure/audit.model';
`,
        }),
      ),
      DEFAULT_CONFIG,
      'ordering',
    );

    // Where a chain starts: the ports, the aggregates and the domain folder's files they import.
    expect(domainImports.roots).toEqual([
      'src/domain/aggregates/ordering/order-id.ts',
      'src/domain/aggregates/ordering/order-status.ts',
      'src/domain/aggregates/ordering/order.repository.ts',
      'src/domain/aggregates/ordering/order.ts',
    ]);
    expect(domainImports.files).toEqual([
      'src/domain/aggregates/ordering/order-id.ts',
      'src/domain/aggregates/ordering/order-status.ts',
      'src/domain/aggregates/ordering/order.repository.ts',
      'src/domain/aggregates/ordering/order.ts',
    ]);
    expect(() => checkDomainIsolation(domainImports, 'src/infrastructure')).not.toThrow();
  });

  it('still refuses an import the feature reaches, naming the chain from the file of its domain folder', () => {
    const { domainImports } = readFeature(
      loadProjectContext(
        writeProject({
          ...ORDER_DOMAIN,
          'src/domain/aggregates/ordering/order-status.ts': `import { guard } from '../../shared/guards';
export enum OrderStatus {
  Placed = 'PLACED',
}
guard();
`,
          'src/domain/shared/guards.ts': `import { DataSource } from 'typeorm';
export function guard(source?: DataSource): void {
  void source;
}
`,
        }),
      ),
      DEFAULT_CONFIG,
      'ordering',
    );

    let error: unknown;
    try {
      checkDomainIsolation(domainImports, 'src/infrastructure');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).location).toEqual({ file: 'src/domain/shared/guards.ts', line: 1 });
    expect((error as GenError).message).toBe(
      `the domain layer imports 'typeorm', which is infrastructure, through src/domain/aggregates/ordering/order-status.ts:1 -> src/domain/shared/guards.ts:1`,
    );
  });
});
