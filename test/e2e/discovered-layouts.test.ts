import { describe, expect, it } from 'vitest';
import { ORDER_FOUND_BY_CODE } from '../support/discovered-layouts.js';
import { generateAndRun, read } from '../support/projects.js';

/** One of each family no preset names: found from the ports, generated, type-checked and its suite run. */
const CASES = [
  'src/domain/<feature>/ with entity/ and repository/',
  'nested contexts with one-method out-ports',
  'a flat src/domain/ of two aggregates, the port in a .d.ts',
] as const;

describe('a feature found from the code', () => {
  it.each(CASES)('%s: gets an infrastructure layer that type-checks and passes its own tests, with no config', async (name) => {
    const layout = ORDER_FOUND_BY_CODE[name];

    const { dir, output } = await generateAndRun(layout.files, layout.feature);

    expect(read(dir, `${layout.infrastructureDir}/persistence/repositories/order.repository.ts`)).toContain(
      'export class TypeOrmOrderRepository',
    );
    expect(output).toContain(`tests/${layout.feature}/order.repository.test.ts`);
  });
});
