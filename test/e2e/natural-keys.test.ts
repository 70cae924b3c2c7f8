import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, PRODUCTS, STAFF } from '../fixtures/natural-keys.js';
import { databaseServers } from '../support/databases.js';
import { ProjectBatch, read } from '../support/projects.js';

const batch = new ProjectBatch();
const servers = await databaseServers();

describe('aggregates with no id, keyed by a natural key', () => {
  it('stores the key the port goes by as the primary key, in a record, a class and a value object, and the suites pass', async () => {
    const staff = await batch.generate('staff', STAFF, 'staff');
    const departments = await batch.generate('departments', DEPARTMENTS, 'departments');
    const products = await batch.generate('products', PRODUCTS, 'products');

    const staffEntity = read(staff, 'src/infrastructure/staff/persistence/models/staff.model.ts');
    expect(staffEntity).toMatch(/@PrimaryColumn\([^)]*\)\s*staffCode!: string;/);
    expect(read(departments, 'src/infrastructure/departments/persistence/models/department.model.ts')).toMatch(
      /@PrimaryColumn\([^)]*\)\s*departmentNo!: string;/,
    );
    expect(read(products, 'src/infrastructure/products/persistence/models/product.model.ts')).toMatch(
      /@PrimaryColumn\([^)]*\)\s*sku!: string;/,
    );

    // Lookups by the key alone are find-by-id: the round trip, the replacing save and the missing key are tested.
    for (const [dir, feature, name] of [
      [staff, 'staff', 'staff'],
      [departments, 'departments', 'department'],
      [products, 'products', 'product'],
    ]) {
      const suite = read(dir, `tests/${feature}/${name}.repository.test.ts`);
      expect(suite).toContain('and finds each by id with every field intact');
      expect(suite).toContain('when one with the same id is saved');
    }

    batch.typecheck();
    const suites = batch.runSuites();
    for (const name of ['staff', 'departments', 'products']) expect(suites.get(name)!.passed, name).toBeGreaterThan(10);
  }, 600_000);

  for (const server of servers) {
    it.skipIf(!server.run)(
      `passes them on ${server.name} too (a local run without GEN_TEST_DATABASES=1 skips it)`,
      () => {
        expect(server.reachable, `${server.name} is not reachable at ${server.url}, and GEN_REQUIRE_DATABASES is set`).toBe(true);
        batch.runSuites({ GEN_TEST_DATABASE_URL: server.url });
      },
      600_000,
    );
  }
});
