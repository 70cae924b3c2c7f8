import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN, PORT_FILE, withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';

function map(files: Record<string, string>) {
  return mapFeature(readDomain(writeProject(files), DEFAULT_CONFIG, 'ordering'));
}

describe('mapFeature', () => {
  it('maps the aggregate to one table with named, typed columns and an index per queried column', () => {
    const model = map(ORDER_DOMAIN);

    expect(model.names).toMatchObject({ modelClass: 'OrderModel', mapperClass: 'OrderMapper', typeOrmRepositoryClass: 'TypeOrmOrderRepository', migrationName: 'CreateOrders' });
    expect(model.table.name).toBe('orders');
    expect(model.table.primaryKey).toEqual(['id']);
    expect(model.table.columns.map((c) => [c.name, c.property, c.kind, c.length, c.nullable, c.primary])).toEqual([
      ['id', 'id', 'string', 255, false, true],
      ['status', 'status', 'enum', undefined, false, false],
      ['customer_email', 'customerEmail', 'string', 255, false, false],
      ['placed_at', 'placedAt', 'timestamp', undefined, false, false],
      ['total', 'total', 'double', undefined, false, false],
      ['paid', 'paid', 'boolean', undefined, false, false],
      ['note', 'note', 'string', 255, true, false],
    ]);
    expect(model.table.columns[1]!.enumValues).toEqual(['PLACED', 'PAID']);
    expect(model.table.indexes).toEqual([{ name: 'idx_orders_status', columns: ['status'], unique: false }]);
    expect(model.fields[0]!.conversion).toEqual({ kind: 'value-object', className: 'OrderId', valueProperty: 'value', construction: { kind: 'constructor' } });
  });

  it('decides how each port method is implemented', () => {
    const model = map(
      withPortMethods(`  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | undefined>;
  findAll(): Promise<Order[]>;
  delete(order: Order): Promise<void>;
  findByCustomerEmail(email: string): Promise<Order | null>;
  getByStatusOrPaid(status: OrderStatus, paid: boolean): Promise<ReadonlyArray<Order>>;`),
    );

    expect(model.methods.map((m) => ({ ...m, method: m.method.name }))).toEqual([
      { kind: 'save', method: 'save' },
      { kind: 'find-by-id', method: 'findById', absent: 'undefined' },
      { kind: 'find-all', method: 'findAll' },
      { kind: 'delete-by-id', method: 'delete', argument: 'aggregate' },
      { kind: 'derived', method: 'findByCustomerEmail', query: { action: 'find', result: 'one', absent: 'null', where: [[{ field: 'customerEmail', operator: 'equals', parameter: 0 }]] } },
      {
        kind: 'derived',
        method: 'getByStatusOrPaid',
        query: { action: 'find', result: 'many', absent: 'null', where: [[{ field: 'status', operator: 'equals', parameter: 0 }], [{ field: 'paid', operator: 'equals', parameter: 1 }]] },
      },
    ]);
  });

  it.each([
    ['findByColour(colour: string): Promise<Order[]>;', /cannot implement OrderRepository.findByColour: no field 'colour'/, /Fields: id, status, customerEmail, placedAt, total, paid, note\. Did you mean/],
    ['findByStatus(status: string): Promise<Order[]>;', /parameter 'status' is 'string', but field 'status' is OrderStatus/, /Declare it as status: OrderStatus/],
    ['findByStatus(): Promise<Order[]>;', /the condition on 'status' has no parameter/, /Add a parameter of type OrderStatus/],
    ['findByPaid(paid: boolean, extra: string): Promise<Order[]>;', /it has 2 parameters but its name binds 1/, /one parameter, in order/],
    ['findByPaid(paid: boolean): Promise<Order>;', /cannot say "not found"/, /Promise<Order \| null>/],
    ['findById(id: OrderId): Order | null;', /but a database can only answer asynchronously/, /Return a Promise/],
    ['findDormant(since: Date): Promise<Order[]>;', /neither a repository method gen knows .* nor a derived query/, /Rename it/],
    ['delete(id: string): Promise<void>;', /expected delete\(id: OrderId\): Promise<void>/, undefined],
  ])('stops on `%s` at its line', (method, message, hint) => {
    let error: unknown;
    try {
      map(withPortMethods(`  save(order: Order): Promise<void>;\n  ${method}`));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    const genError = error as GenError;
    expect(genError.message).toMatch(message);
    expect(genError.location).toEqual({ file: PORT_FILE, line: 7 });
    if (hint) expect(genError.hint).toMatch(hint);
  });
});
