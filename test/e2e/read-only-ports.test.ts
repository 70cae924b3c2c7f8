import { describe, expect, it } from 'vitest';
import { generateAndRun, read } from '../support/projects.js';

const DOMAIN = 'src/domain/aggregates';
const INFRA = 'src/infrastructure/persistence';

/** A customer directory the application only reads: reference data, stored elsewhere. */
const CUSTOMERS: Record<string, string> = {
  [`${DOMAIN}/customers/customer.ts`]: `export class Customer {
  constructor(
    readonly id: number,
    readonly name: string,
    readonly email: string,
    readonly since: Date,
  ) {}
}
`,
  [`${DOMAIN}/customers/customer.repository.ts`]: `import { Customer } from './customer';

export interface CustomerRepository {
  findById(id: number): Promise<Customer>;
  findByEmail(email: string): Promise<Customer | null>;
  findAll(): Promise<Customer[]>;
  countBySinceBefore(date: Date): Promise<number>;
}
`,
};

/** A catalogue whose products are created elsewhere: the port only updates them, and their stock by hand. */
const PRODUCTS: Record<string, string> = {
  [`${DOMAIN}/products/product.ts`]: `export class Product {
  constructor(
    readonly id: number,
    public name: string,
    public unitsInStock: number,
    public unitsOnOrder: number,
  ) {}
}
`,
  [`${DOMAIN}/products/product.repository.ts`]: `import { Product } from './product';

export interface ProductRepository {
  findById(id: number): Promise<Product>;
  update(product: Product): Promise<Product>;
  updateStock(productId: number, unitsInStock: number, unitsOnOrder: number): Promise<void>;
}
`,
};

/** Currencies as reference data, behind an abstract-class port (as NestJS injects one) of a lookup and a derived query. */
const CURRENCIES: Record<string, string> = {
  [`${DOMAIN}/currencies/currency.ts`]: `export class Currency {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly decimals: number,
  ) {}
}
`,
  [`${DOMAIN}/currencies/currency.repository.ts`]: `import { Currency } from './currency';

export abstract class CurrencyRepository {
  abstract findById(id: string): Promise<Currency | null>;
  abstract findByDecimalsGreaterThan(decimals: number): Promise<Currency[]>;
}
`,
};

describe('a port with no writer that stores a new aggregate', () => {
  it('gives both repositories their own save outside the read-only port, which the generated suite stores its samples with', async () => {
    const { dir, output } = await generateAndRun(CUSTOMERS, 'customers');

    const repository = read(dir, `${INFRA}/repositories/customer.repository.ts`);
    const memory = read(dir, `${INFRA}/in-memory/customer.repository.ts`);
    for (const implementation of [repository, memory]) {
      expect(implementation).toMatch(/implements CustomerRepository \{/);
      expect(implementation).toMatch(
        /\/\*\* Not in the port: stores samples for the tests[^\n]*\*\/\n\s+(async )?save\(customer: Customer\): Promise<void> \{/,
      );
    }
    // The tests hold the repositories as the port plus the class's save: the port's type alone has no save.
    const suite = read(dir, 'tests/integration/infrastructure/customer.repository.test.ts');
    expect(suite).toContain("repository: CustomerRepository & Pick<TypeOrmCustomerRepository, 'save'>;");
    expect(suite).toContain('await subject.repository.save(');
    // Finders are tested against samples stored that way, and concurrent saves are still refused.
    expect(output).not.toMatch(/\bfailed\b/);
    expect(suite).toContain('findByEmail');
    expect(suite).toContain('ConcurrencyError');

    const plan = read(dir, 'documentation/plans/customers/003-infrastructure-layer.md');
    expect(plan).toMatch(/\| `save\(customer: Customer\): Promise<void>` +\| Not in the port: stores samples for the tests\. CRUD: /);
    expect(plan).toContain('gen mapped each of the 4 port methods to an implementation');
  });

  it('gives a port whose only writer is update(x) its own save too, and tests the update against samples stored with it', async () => {
    const { dir } = await generateAndRun(PRODUCTS, 'products');

    const repository = read(dir, `${INFRA}/repositories/product.repository.ts`);
    expect(repository).toMatch(/async update\(product: Product\): Promise<Product> \{/);
    expect(repository).toMatch(/Not in the port[^\n]*\n\s+async save\(product: Product\): Promise<void> \{/);
    const suite = read(dir, 'tests/integration/infrastructure/product.repository.test.ts');
    expect(suite).toContain("repository: ProductRepository & Pick<TypeOrmProductRepository, 'save'>;");
    expect(suite).toMatch(/subject\.repository\.update\(/);
    // updateStock takes no Product: the user's to write, in the custom class gen creates once.
    expect(read(dir, `${INFRA}/repositories/product.repository.custom.ts`)).toContain('updateStock(');
  });

  it('gives a read-only abstract-class port its own save too', async () => {
    const { dir } = await generateAndRun(CURRENCIES, 'currencies');

    expect(read(dir, `${INFRA}/repositories/currency.repository.ts`)).toMatch(
      /Not in the port[^\n]*\n\s+async save\(currency: Currency\): Promise<void> \{/,
    );
    expect(read(dir, 'tests/integration/infrastructure/currency.repository.test.ts')).toContain(
      "repository: CurrencyRepository & Pick<TypeOrmCurrencyRepository, 'save'>;",
    );
  });
});
