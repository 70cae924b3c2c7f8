import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_HASHING, CUSTOMERS, ORDERS } from '../fixtures/partial-rebuilds.js';
import { ProjectBatch, read, runTool } from '../support/projects.js';

const CUSTOMER_MAPPER = 'src/infrastructure/customers/persistence/mappers/customer.mapper.ts';
const ACCOUNT_MAPPER = 'src/infrastructure/accounts/persistence/mappers/account.mapper.ts';

describe('aggregates rebuilt through a constructor or factory that takes some of their fields, the rest written directly', () => {
  const batch = new ProjectBatch();

  it('round-trips every field through both repositories; the suites fail when the members are not written back', async () => {
    const customers = await batch.generate('customers', CUSTOMERS, 'customers');
    const orders = await batch.generate('orders', ORDERS, 'orders');
    // create() hashes the password it takes: the stored hash is written back over the one it hashed again.
    const accounts = await batch.generate('accounts', ACCOUNTS_HASHING, 'accounts');

    const mapper = read(customers, CUSTOMER_MAPPER);
    expect(mapper).toContain('return Object.assign<Customer, object>(new Customer(model.id, model.name), {\n      _address:');
    expect(mapper).toMatch(
      /_active: model\.active,\n\s+_rewardPoints: model\.rewardPoints,\n\s+_id: model\.id,\n\s+_name: model\.name,\n\s+\}\);/,
    );
    const accountMapper = read(accounts, ACCOUNT_MAPPER);
    expect(accountMapper).toContain('{ _active: model.active, _id: model.id, _email: model.email, _password: model.password }');
    expect(read(orders, 'src/infrastructure/orders/persistence/mappers/order.mapper.ts')).toMatch(
      /Object\.assign<Order, object>\(\s*Order\.create\(\{ id: model\.id, sellerId: model\.sellerId, quantities: model\.quantities \}\),\s*\{\s*_total: model\.total,\s*_createdAt: model\.createdAt,/,
    );
    expect(read(customers, 'documentation/plans/customers/003-infrastructure-layer.md')).toContain(
      'rebuilds the `Customer` aggregate through its constructor, then writing `_address`, `_active`, `_rewardPoints` straight onto the instance (bypassing its methods, as an ORM rehydrates), and writing `_id`, `_name` back as stored over what it made of them',
    );

    batch.typecheck();
    const suites = batch.runSuites();
    expect(suites.get('customers')!.passed).toBeGreaterThan(10);
    expect(suites.get('orders')!.passed).toBeGreaterThan(10);
    expect(suites.get('accounts')!.passed).toBeGreaterThan(10);

    // Rebuilt through the constructor alone, a loaded Customer is inactive, with no address or points: the round trip fails.
    const start = mapper.indexOf('return Object.assign<Customer, object>(');
    const end = mapper.indexOf('\n    });', start) + '\n    });'.length;
    writeFileSync(
      join(customers, CUSTOMER_MAPPER),
      `${mapper.slice(0, start)}return new Customer(model.id, model.name);${mapper.slice(end)}`,
    );
    expect(read(customers, CUSTOMER_MAPPER)).toContain('return new Customer(model.id, model.name);');
    const dropped = runTool('vitest', ['run', 'tests'], customers);
    expect(dropped.status).not.toBe(0);
    expect(dropped.output).toMatch(/× .*saves Customers and finds each by id with every field intact/);

    // Without the stored password written back, every load hashes the stored hash again: the round trip fails.
    writeFileSync(
      join(accounts, ACCOUNT_MAPPER),
      accountMapper.replace(', _id: model.id, _email: model.email, _password: model.password', ''),
    );
    const rehashed = runTool('vitest', ['run', 'tests'], accounts);
    expect(rehashed.status).not.toBe(0);
    expect(rehashed.output).toMatch(/× .*saves Accounts and finds each by id with every field intact/);
  });
});
