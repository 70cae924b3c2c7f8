import { describe, expect, it } from 'vitest';
import { ORDER_FOUND_BY_CODE } from '../support/discovered-layouts.js';
import { ProjectBatch, read } from '../support/projects.js';

/** One of each family no preset names: found from the ports, generated, type-checked and its suite run. */
const CASES = [
  'src/domain/<feature>/ with entity/ and repository/',
  'nested contexts with one-method out-ports',
  'a flat src/domain/ of two aggregates, the port in a .d.ts',
] as const;

// The projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

describe('a feature found from the code', () => {
  it.each(CASES)('%s: gets an infrastructure layer, with no config', async (name) => {
    const layout = ORDER_FOUND_BY_CODE[name];

    const dir = await batch.generate(name, layout.files, layout.feature);

    expect(read(dir, `${layout.infrastructureDir}/persistence/repositories/order.repository.ts`)).toContain(
      'export class TypeOrmOrderRepository',
    );
  });

  it('each layout type-checks and passes its own tests', () => {
    batch.typecheck();
    const suites = batch.runSuites();
    for (const name of CASES) {
      expect(suites.get(name)!.files, name).toContain(`tests/${ORDER_FOUND_BY_CODE[name].feature}/order.repository.test.ts`);
    }
  }, 600_000);
});
