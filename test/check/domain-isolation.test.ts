import { describe, expect, it } from 'vitest';
import { checkDomainIsolation, importChain, infrastructureImports, withoutAllowed } from '../../src/check/domain-isolation.js';
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
    [
      {
        line: 1,
        specifier: '../../../infrastructure/persistence/models/order.model',
        target: 'src/infrastructure/persistence/models/order.model',
      },
      true,
    ],
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
    expect(() =>
      checkDomainIsolation(
        scan(
          { line: 1, specifier: './order-id', target: 'src/domain/aggregates/ordering/order-id.ts' },
          { line: 2, specifier: 'node:crypto' },
        ),
        'src/infrastructure',
      ),
    ).not.toThrow();
  });

  it('fails at the first infrastructure import, naming the others', () => {
    let error: unknown;
    try {
      checkDomainIsolation(
        scan(
          { line: 1, specifier: './order-id' },
          { line: 2, specifier: 'typeorm' },
          { line: 5, specifier: '../../../infrastructure/x', target: 'src/infrastructure/x' },
        ),
        'src/infrastructure',
      );
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).location).toEqual({ file: FILE, line: 2 });
    expect((error as GenError).message).toBe(`the domain layer imports 'typeorm', which is infrastructure (also at ${FILE}:5)`);
  });
});

/** A feature file that reaches the infrastructure through a shared barrel, whose logger imports the ORM itself. */
const THROUGH_BARREL: DomainImports = {
  files: [FILE, 'src/infrastructure/logger.ts', 'src/shared/index.ts'],
  roots: [FILE],
  imports: [
    { file: FILE, line: 3, specifier: '../../../shared', target: 'src/shared/index.ts' },
    { file: 'src/infrastructure/logger.ts', line: 1, specifier: 'typeorm' },
    { file: 'src/shared/index.ts', line: 2, specifier: '../infrastructure/logger', target: 'src/infrastructure/logger.ts' },
  ],
};

describe('the refusal of an import through other files (issue 19)', () => {
  it('shows the chain from the feature file, and not the infrastructure file’s own imports', () => {
    let error: unknown;
    try {
      checkDomainIsolation(THROUGH_BARREL, 'src/infrastructure');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).location).toEqual({ file: 'src/shared/index.ts', line: 2 });
    expect((error as GenError).message).toBe(
      `the domain layer imports '../infrastructure/logger', which is infrastructure, through ${FILE}:3 -> src/shared/index.ts:2`,
    );
    expect((error as GenError).hint).toContain('"allowDomainImports": ["src/infrastructure/logger"]');
  });

  it('names the chain step by step', () => {
    expect(importChain(THROUGH_BARREL, 'src/infrastructure/logger.ts')).toEqual([
      `${FILE}:3`,
      'src/shared/index.ts:2',
      'src/infrastructure/logger.ts',
    ]);
    expect(importChain(THROUGH_BARREL, FILE)).toEqual([FILE]);
  });

  it.each([['src/infrastructure/logger'], ['src/infrastructure/logger.ts'], ['src/infrastructure']])(
    'accepts what allowDomainImports names: %s',
    (entry) => {
      expect(() => checkDomainIsolation(withoutAllowed(THROUGH_BARREL, [entry]), 'src/infrastructure')).not.toThrow();
    },
  );

  it('accepts a package and its subpaths by name, and nothing else', () => {
    const pino = scan({ line: 1, specifier: 'typeorm' }, { line: 2, specifier: 'pino' });
    expect(withoutAllowed(pino, ['pino']).imports.map((i) => i.specifier)).toEqual(['typeorm']);
    expect(withoutAllowed(scan({ line: 1, specifier: 'typeorm/browser' }), ['typeorm']).imports).toEqual([]);
    expect(withoutAllowed(scan({ line: 1, specifier: 'typeorm-extension' }), ['typeorm']).imports).toHaveLength(1);
  });
});
