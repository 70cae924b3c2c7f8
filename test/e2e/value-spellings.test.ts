import { describe, expect, it } from 'vitest';
import { ACCOUNTS, inventoryWithNestedPrice } from '../fixtures/value-spellings.js';
import { generateAndRun, read } from '../support/projects.js';

const INFRA = 'src/infrastructure/persistence';

describe('values and methods as projects spell them (issue 19)', () => {
  it('stores Email and Password as one column each, rebuilt through create().getValue() and fromHashed; leaves countUnreadByUser and saveReadStatus to the user; the suite passes', async () => {
    const { dir } = await generateAndRun(ACCOUNTS, 'accounts');

    const model = read(dir, `${INFRA}/models/account.model.ts`);
    expect(model).toContain("name: 'email'");
    expect(model).toContain("name: 'password'");
    const mapper = read(dir, `${INFRA}/mappers/account.mapper.ts`);
    expect(mapper).toContain('Email.create(');
    expect(mapper).toContain('.getValue()');
    expect(mapper).toContain('Password.fromHashed(');
    const custom = read(dir, `${INFRA}/repositories/account.repository.custom.ts`);
    expect(custom.match(/async \w+/g)).toEqual(['async countUnreadByUser', 'async saveReadStatus']);
    expect(read(dir, 'documentation/plans/accounts/003-infrastructure-layer.md')).toContain(
      "hand-written (its name reads as a derived query, but no field 'user' for 'countUnreadByUser'",
    );
  });

  it('stores an object inside an object of toPrimitives() as prefixed columns; the suite passes', async () => {
    const { dir } = await generateAndRun(inventoryWithNestedPrice(), 'inventory');

    expect(read(dir, `${INFRA}/models/product.model.ts`)).toContain("name: 'price_currency_code'");
  });
});
