import { describe, expect, it } from 'vitest';
import { GIFTS, MEMBERS, PRODUCTS, TODOS } from '../fixtures/rebuild-factories.js';
import { ProjectBatch, read } from '../support/projects.js';

describe('aggregates rebuilt through the factory the project spells, found without configuration', () => {
  const batch = new ProjectBatch();

  it('stores a toPrimitives() snapshot of flattened value objects and rebuilds through reconstruct/reconstitute, from and from({ price: number }); the code type-checks and the suites pass on SQLite', async () => {
    const gifts = await batch.generate('gifts', GIFTS, 'gifts');
    const members = await batch.generate('members', MEMBERS, 'members');
    const todos = await batch.generate('todos', TODOS, 'todos');
    const products = await batch.generate('products', PRODUCTS, 'products');

    const giftMapper = read(gifts, 'src/infrastructure/gifts/persistence/mappers/gift.mapper.ts');
    expect(giftMapper).toContain('Gift.reconstruct({');
    expect(giftMapper).toContain('const primitives = gift.toPrimitives();');
    expect(read(gifts, 'src/infrastructure/gifts/persistence/models/gift.model.ts')).toContain("name: 'image_key'");
    expect(read(members, 'src/infrastructure/members/persistence/mappers/member.mapper.ts')).toContain('Member.reconstitute({');
    expect(read(todos, 'src/infrastructure/todos/persistence/mappers/todo.mapper.ts')).toContain('Todo.from({');
    expect(read(products, 'src/infrastructure/products/persistence/mappers/product.mapper.ts')).toContain(
      'price: Money.create(model.price).value,',
    );

    batch.typecheck();
    const suites = batch.runSuites();
    for (const feature of ['gifts', 'members', 'todos', 'products']) expect(suites.get(feature)!.passed).toBeGreaterThan(5);
  });
});
