import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UNIT_OF_WORK } from '../fixtures/unit-of-work.js';
import { copyExample, read, removeCopies, runGen, runTool, writeProject } from '../support/projects.js';

/**
 * Files the project owns (support code, config, persistence index, test database) are written by every feature's
 * run that needs them, and deleted only when no feature does: one feature dropping its children keeps the
 * support code another feature's repository still imports.
 */
const SHELVING = 'src/domain/aggregates/shelving';
const AGGREGATE_ROWS = 'src/infrastructure/persistence/support/aggregate-rows.ts';
const CATALOG_REPOSITORY = 'src/infrastructure/persistence/repositories/product.repository.ts';

// Plain classes, so the feature compiles beside any example's domain.
const id = (name: string) => `import { DomainError } from '../../shared/domain-error';

export class ${name} {
  constructor(readonly value: string) {
    if (value.trim().length === 0) throw new DomainError('${name} must not be empty');
  }

  equals(other: ${name}): boolean {
    return this.value === other.value;
  }
}
`;

const SLOT = `import { SlotId } from './slot-id';

export class Slot {
  constructor(
    readonly id: SlotId,
    public position: number,
  ) {}
}
`;

/** A shelf, with or without its list of child slots. */
const shelf = (withSlots: boolean) => `import { ShelfId } from './shelf-id';
${withSlots ? "import { Slot } from './slot';\n" : ''}
export class Shelf {
  constructor(
    readonly id: ShelfId,
    public label: string,
${withSlots ? '    public slots: Slot[],\n' : ''}  ) {}
}
`;

const PORT = `import { Shelf } from './shelf';
import { ShelfId } from './shelf-id';

export interface ShelfRepository {
  save(shelf: Shelf): Promise<void>;
  findById(id: ShelfId): Promise<Shelf | null>;
}
`;

function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A copy of an example with a second feature, `shelving`, whose shelves have slots, generated. */
async function withShelving(example: string): Promise<string> {
  const dir = copyExample(example);
  write(dir, {
    [`${SHELVING}/shelf-id.ts`]: id('ShelfId'),
    [`${SHELVING}/slot-id.ts`]: id('SlotId'),
    [`${SHELVING}/slot.ts`]: SLOT,
    [`${SHELVING}/shelf.ts`]: shelf(true),
    [`${SHELVING}/shelf.repository.ts`]: PORT,
  });
  const run = await runGen(['infra', 'shelving', '--cwd', dir, '--now', '2030-01-01T00:00:00Z']);
  expect(run.code, run.err).toBe(0);
  expect(existsSync(join(dir, AGGREGATE_ROWS))).toBe(true);
  return dir;
}

/** Shelves lose their slots, and `shelving` is regenerated (dropping the slots' table loses data). */
async function dropSlots(dir: string) {
  write(dir, { [`${SHELVING}/shelf.ts`]: shelf(false) });
  return runGen(['infra', 'shelving', '--cwd', dir, '--now', '2030-01-02T00:00:00Z', '--allow-data-loss']);
}

afterAll(removeCopies);

it('keeps support code another feature still imports when one feature drops its children', async () => {
  const dir = await withShelving('catalog');
  expect(read(dir, CATALOG_REPOSITORY)).toContain('/support/aggregate-rows');

  const again = await dropSlots(dir);

  expect(again.code, again.err).toBe(0);
  expect(again.out).not.toContain(`DELETE    ${AGGREGATE_ROWS}`);
  expect(existsSync(join(dir, AGGREGATE_ROWS))).toBe(true);
  const manifest = JSON.parse(read(dir, '.gen/manifest.json')) as { files: Record<string, string> };
  expect(Object.keys(manifest.files)).toContain(AGGREGATE_ROWS);
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');
  // The catalog's own run still finds everything as it wrote it.
  expect((await runGen(['infra', 'catalog', '--cwd', dir, '--check'])).code).toBe(0);
});

it('deletes support code when the last feature that needed it no longer does', async () => {
  // The shop's one feature, ordering, has no children: only shelving needs aggregate-rows.ts.
  const dir = await withShelving('shop');

  const again = await dropSlots(dir);

  expect(again.code, again.err).toBe(0);
  expect(again.out).toContain(`DELETE    ${AGGREGATE_ROWS} (no longer generated)`);
  expect(existsSync(join(dir, AGGREGATE_ROWS))).toBe(false);
  const manifest = JSON.parse(read(dir, '.gen/manifest.json')) as { files: Record<string, string> };
  expect(Object.keys(manifest.files)).not.toContain(AGGREGATE_ROWS);
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');
  expect((await runGen(['infra', 'ordering', '--cwd', dir, '--check'])).code).toBe(0);
});

it('keeps the outbox entity while the outbox is registered, after every feature is regenerated without --outbox', async () => {
  const OUTBOX = 'src/infrastructure/persistence/support/outbox.ts';
  const dir = writeProject(UNIT_OF_WORK, { compiled: true });
  for (const feature of ['ordering', 'stock'])
    expect((await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-01T00:00:00Z', '--outbox'])).code).toBe(0);

  for (const feature of ['ordering', 'stock']) {
    const run = await runGen(['infra', feature, '--cwd', dir, '--now', '2024-06-02T00:00:00Z']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).not.toContain(`DELETE    ${OUTBOX}`);
  }

  // The persistence index still registers the outbox's entity and migration.
  expect(read(dir, 'src/infrastructure/persistence/index.ts')).toContain('OutboxModel');
  expect(existsSync(join(dir, OUTBOX))).toBe(true);
  const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
  expect(tsc.output).toBe('');
});
