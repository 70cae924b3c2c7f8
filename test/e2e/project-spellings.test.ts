import { describe, expect, it } from 'vitest';
import { BLOCKS } from '../fixtures/project-spellings.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('ids and port methods as projects spell them (issue 19)', () => {
  it('implements store, find(Block[id]), Nullable/Maybe lookups, all/list, updateBlock and exists(blockId: string) on an inherited id; the suite passes', async () => {
    const { dir, output } = await generateAndRun(BLOCKS, 'blocks');

    const repository = read(dir, `${INFRA}/repositories/block.repository.ts`);
    for (const method of [
      'store(block: Block)',
      "find(id: Block['id'])",
      'getBlockByBlockId(blockId: string)',
      'all()',
      'list(page:',
      'updateBlock(block: Block)',
      'exists(blockId: string)',
    ]) {
      expect(repository).toContain(`async ${method}`);
    }
    // The AggregateStore member steps aside for the port's store().
    expect(repository).toContain('private readonly aggregateStore: AggregateStore<Block, BlockModel>;');
    expect(read(dir, `${INFRA}/mappers/block.mapper.ts`)).toContain('Block.reconstitute(');
    // Only the generic method is left to the user, and its stub imports its constraint.
    const custom = read(dir, `${INFRA}/repositories/block.repository.custom.ts`);
    expect(custom.match(/async \w+/g)).toEqual(['async getAllBlocks']);
    expect(custom).toContain("import type { PaginatedQueryParams } from '../../../domain/aggregates/blocks/paginated-query-params';");
    // The round trip goes through store and find; exists and updateBlock have their own tests.
    expect(output).toMatch(/Tests:?\s+\d+ passed/);
    const suite = read(dir, 'tests/integration/infrastructure/block.repository.test.ts');
    expect(suite).toContain('await subject.repository.store(');
    expect(suite).toContain('await subject.repository.find(');
    expect(suite).toContain('subject.repository.exists(');
    expect(suite).toContain('subject.repository.updateBlock(');
  });
});
