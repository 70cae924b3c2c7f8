import { describe, expect, it } from 'vitest';
import { checkDomainIsolation, infrastructureImports } from '../../src/check/domain-isolation.js';
import { GenError } from '../../src/errors.js';
import type { DomainImports, ModuleImport } from '../../src/model/domain-imports.js';

const FILE = 'src/domain/aggregates/ordering/order.ts';

function scan(...imports: Omit<ModuleImport, 'file'>[]): DomainImports {
  return { files: [FILE], imports: imports.map((i) => ({ file: FILE, ...i })) };
}

describe('infrastructureImports', () => {
  it.each([
    [{ line: 1, specifier: 'typeorm' }, true],
    [{ line: 1, specifier: 'typeorm/decorator/columns/Column' }, true],
    [{ line: 1, specifier: '@nestjs/typeorm' }, true],
    [{ line: 1, specifier: '../../../infrastructure/persistence/models/order.model', target: 'src/infrastructure/persistence/models/order.model' }, true],
    [{ line: 1, specifier: '@infra/config', target: 'src/infrastructure/config/database.ts' }, true],
    [{ line: 1, specifier: 'typeorm-naming-strategies' }, false],
    [{ line: 1, specifier: './order-id', target: 'src/domain/aggregates/ordering/order-id.ts' }, false],
    [{ line: 1, specifier: '../../infrastructure-free/x', target: 'src/infrastructure-free/x' }, false],
    [{ line: 1, specifier: 'node:crypto' }, false],
  ])('%j is infrastructure: %s', (found, expected) => {
    expect(infrastructureImports(scan(found), 'src/infrastructure').length > 0).toBe(expected);
  });
});

describe('checkDomainIsolation', () => {
  it('passes a domain that imports only itself and plain packages', () => {
    expect(() => checkDomainIsolation(scan({ line: 1, specifier: './order-id', target: 'src/domain/aggregates/ordering/order-id.ts' }, { line: 2, specifier: 'node:crypto' }), 'src/infrastructure')).not.toThrow();
  });

  it('fails at the first infrastructure import, naming the others', () => {
    let error: unknown;
    try {
      checkDomainIsolation(scan({ line: 1, specifier: './order-id' }, { line: 2, specifier: 'typeorm' }, { line: 5, specifier: '../../../infrastructure/x', target: 'src/infrastructure/x' }), 'src/infrastructure');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).location).toEqual({ file: FILE, line: 2 });
    expect((error as GenError).message).toBe(`the domain layer imports 'typeorm', which is infrastructure (also at ${FILE}:5)`);
  });
});
