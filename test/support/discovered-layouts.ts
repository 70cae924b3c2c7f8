import { orderDomainIn } from './layouts.js';

/** The Order domain with its port renamed (`OrderRepositoryInterface`, `IOrderRepository`). */
function renamedPort(files: Record<string, string>, portFile: string, name: string): Record<string, string> {
  return { ...files, [portFile]: files[portFile].replace('interface OrderRepository ', `interface ${name} `) };
}

/** The port split into one-method out-ports, as hexagonal projects write them (`SaveOrderPort`, `LoadOrderPort`). */
function outPorts(domainDir: string): Record<string, string> {
  const files = orderDomainIn(domainDir, `${domainDir}/order.repository.ts`);
  delete files[`${domainDir}/order.repository.ts`];
  const imports =
    "import { Order } from '../../order';\nimport { OrderId } from '../../order-id';\nimport { OrderStatus } from '../../order-status';\n";
  files[`${domainDir}/ports/out/save-order.port.ts`] =
    "import { Order } from '../../order';\n\nexport interface SaveOrderPort {\n  save(order: Order): Promise<void>;\n}\n";
  files[`${domainDir}/ports/out/load-order.port.ts`] =
    `${imports}\nexport interface LoadOrderPort {\n  findById(id: OrderId): Promise<Order | null>;\n  findAll(): Promise<Order[]>;\n  findByStatus(status: OrderStatus): Promise<Order[]>;\n}\n`;
  files[`${domainDir}/ports/out/delete-order.port.ts`] =
    "import { OrderId } from '../../order-id';\n\nexport interface DeleteOrderPort {\n  delete(id: OrderId): Promise<void>;\n}\n";
  return files;
}

/** A second aggregate beside Order in a flat domain folder, with its own port. */
const CUSTOMER = {
  'customer.ts': 'export class Customer {\n  constructor(\n    readonly id: string,\n    public name: string,\n  ) {}\n}\n',
  'customer.repository.ts':
    "import { Customer } from './customer';\n\nexport interface CustomerRepository {\n  save(customer: Customer): Promise<void>;\n  findById(id: string): Promise<Customer | null>;\n}\n",
};

function flatDomain(portFile: string): Record<string, string> {
  const files = orderDomainIn('src/domain', portFile);
  for (const [name, text] of Object.entries(CUSTOMER)) files[`src/domain/${name}`] = text;
  return files;
}

/**
 * The Order domain in layouts no preset names, each with where gen should find it: the feature to ask for, the
 * domain folder and the port folder (or file) the code says.
 */
export const ORDER_FOUND_BY_CODE = {
  'src/domain/<feature>/ with entity/ and repository/': {
    feature: 'ordering',
    files: renamedPort(
      orderDomainIn('src/domain/ordering/entity', 'src/domain/ordering/repository/order.repository.ts'),
      'src/domain/ordering/repository/order.repository.ts',
      'OrderRepositoryInterface',
    ),
    domainDir: 'src/domain/ordering',
    portDir: 'src/domain/ordering',
    infrastructureDir: 'src/infrastructure/ordering',
  },
  'src/<feature>/domain/ with the port in repositories/, named I…Repository': {
    feature: 'ordering',
    files: renamedPort(
      orderDomainIn('src/ordering/domain', 'src/ordering/domain/repositories/order.repository.ts'),
      'src/ordering/domain/repositories/order.repository.ts',
      'IOrderRepository',
    ),
    domainDir: 'src/ordering/domain',
    portDir: 'src/ordering/domain',
    infrastructureDir: 'src/ordering/infrastructure',
  },
  'nested contexts with one-method out-ports': {
    feature: 'ordering',
    files: outPorts('src/commerce/sales/ordering/domain'),
    domainDir: 'src/commerce/sales/ordering/domain',
    portDir: 'src/commerce/sales/ordering/domain',
    infrastructureDir: 'src/commerce/sales/ordering/infrastructure',
  },
  'a flat src/domain/ of two aggregates, the port in a .d.ts': {
    feature: 'order',
    files: Object.fromEntries(
      Object.entries(flatDomain('src/domain/order.repository.ts')).map(([path, text]) => [
        path === 'src/domain/order.repository.ts' ? 'src/domain/order.repository.d.ts' : path,
        text,
      ]),
    ),
    domainDir: 'src/domain',
    portDir: 'src/domain/order.repository.d.ts',
    infrastructureDir: 'src/infrastructure',
  },
} as const;
