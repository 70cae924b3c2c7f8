import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialConfig } from '../../src/init-config.js';
import { readDomain, readFeature } from '../../src/read/domain-reader.js';
import { locateFeature } from '../../src/read/feature-locator.js';
import { ORDER_FOUND_BY_CODE } from '../support/discovered-layouts.js';
import { ORDER_IN_LAYOUT, orderDomainIn } from '../support/layouts.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';
import { thrown } from '../support/thrown.js';

describe('a feature found from the code, where no preset names its folders', () => {
  it.each(Object.entries(ORDER_FOUND_BY_CODE))(
    "%s: finds the port, the aggregate through it, and the feature's folders",
    (_case, layout) => {
      const dir = writeProject(layout.files);

      const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, layout.feature);
      const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, layout.feature);

      expect(location).toMatchObject({
        feature: layout.feature,
        source: 'detected',
        paths: { domainDir: layout.domainDir, portDir: layout.portDir, infrastructureDir: layout.infrastructureDir },
      });
      expect(domain.aggregate.name).toBe('Order');
      expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['delete', 'findAll', 'findById', 'findByStatus', 'save']);
    },
  );

  it('reads a port outside the domain, a type alias of a generic base, from its own file', () => {
    const files = orderDomainIn('src/domain/entities', 'src/application/repositories/order.repository.ts');
    files['src/application/repositories/repository.ts'] =
      'export interface Repository<T, Id> {\n  save(entity: T): Promise<void>;\n  findById(id: Id): Promise<T | null>;\n  findAll(): Promise<T[]>;\n}\n';
    files['src/application/repositories/order.repository.ts'] =
      "import type { Order } from '../../domain/entities/order';\nimport type { OrderId } from '../../domain/entities/order-id';\nimport type { Repository } from './repository';\n\nexport type OrderRepository = Repository<Order, OrderId>;\n";
    const dir = writeProject(files);

    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'order');
    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'order');

    expect(location.paths).toMatchObject({
      domainDir: 'src/domain',
      portDir: 'src/application/repositories/order.repository.ts',
      applicationDir: 'src/application',
      infrastructureDir: 'src/infrastructure',
    });
    expect(domain.port.methods.map((m) => m.name).sort()).toEqual(['findAll', 'findById', 'save']);
  });

  it('reads one-method out-ports kept in the application layer from their folder', () => {
    const files = orderDomainIn('src/ordering/domain/model', 'src/ordering/domain/model/order.repository.ts');
    delete files['src/ordering/domain/model/order.repository.ts'];
    const out = 'src/ordering/application/port/out';
    files[`${out}/command/save-order.port.ts`] =
      "import { Order } from '../../../../domain/model/order';\n\nexport interface SaveOrderPort {\n  save(order: Order): Promise<void>;\n}\n";
    files[`${out}/query/load-order.port.ts`] =
      "import { Order } from '../../../../domain/model/order';\nimport { OrderId } from '../../../../domain/model/order-id';\n\nexport interface LoadOrderPort {\n  findById(id: OrderId): Promise<Order | null>;\n}\n";
    const dir = writeProject(files);

    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');
    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(location.paths).toMatchObject({
      domainDir: 'src/ordering/domain',
      portDir: out,
      infrastructureDir: 'src/ordering/infrastructure',
    });
    expect(domain.port.ports.map((p) => p.name)).toEqual(['SaveOrderPort', 'LoadOrderPort']);
  });

  it('takes a collection-style port named otherwise (Orders) where ports are kept, when it writes the aggregate', () => {
    const files = orderDomainIn('src/domain/ordering', 'src/domain/ordering/repositories/orders.ts');
    files['src/domain/ordering/repositories/orders.ts'] = files['src/domain/ordering/repositories/orders.ts'].replace(
      'interface OrderRepository ',
      'interface Orders ',
    );
    files['src/domain/ordering/services/pricing.ts'] =
      "import { Order } from '../order';\n\nexport interface Pricing {\n  save(order: Order): Promise<void>;\n}\n";
    const dir = writeProject(files);

    const location = locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');
    const domain = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering');

    expect(location.foundBy?.map((p) => p.port)).toEqual(['Orders']);
    expect(domain.port).toMatchObject({ name: 'Orders', file: 'src/domain/ordering/repositories/orders.ts' });
  });

  it('picks, in a folder named for the feature, the aggregate the name starts with', () => {
    const files = orderDomainIn('src/domain/ordering', 'src/domain/ordering/order.repository.ts');
    files['src/domain/ordering/order-line.ts'] = 'export class OrderLine {\n  constructor(readonly id: string) {}\n}\n';
    files['src/domain/ordering/order-line.repository.ts'] =
      "import { OrderLine } from './order-line';\n\nexport interface OrderLineRepository {\n  save(line: OrderLine): Promise<void>;\n}\n";
    const dir = writeProject(files);

    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'ordering').foundBy?.map((p) => p.aggregate)).toEqual([
      'Order',
    ]);
  });

  it("writes beside the project's own infra/ folder when it spells it so", () => {
    const dir = writeProject({
      ...ORDER_FOUND_BY_CODE['a flat src/domain/ of two aggregates, the port in a .d.ts'].files,
      'src/infra/main.ts': 'export {};\n',
    });

    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'order').paths).toMatchObject({
      infrastructureDir: 'src/infra',
      databaseDir: 'src/infra',
    });
  });

  it.each([
    ['infraestructure', ['src/infraestructure/main.ts']],
    ['adapters', ['src/adapters/http.ts']],
    ['persistence', ['src/persistence/db.ts']],
    ['infrastructure', ['src/infrastructure/main.ts', 'src/adapters/http.ts']],
  ])("writes into the project's own %s/ folder beside the domain (not a new infrastructure/ beside it)", (folder, existing) => {
    const dir = writeProject({
      ...ORDER_FOUND_BY_CODE['a flat src/domain/ of two aggregates, the port in a .d.ts'].files,
      ...Object.fromEntries(existing.map((f) => [f, 'export {};\n'])),
    });

    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'order').paths).toMatchObject({
      infrastructureDir: `src/${folder}`,
      databaseDir: `src/${folder}`,
    });
  });

  it('tells apart the aggregates of one folder by their ports', () => {
    const dir = writeProject(ORDER_FOUND_BY_CODE['a flat src/domain/ of two aggregates, the port in a .d.ts'].files);

    const customer = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'customer');

    expect(customer.aggregate).toMatchObject({ name: 'Customer', file: 'src/domain/customer.ts' });
    expect(customer.port).toMatchObject({ name: 'CustomerRepository', file: 'src/domain/customer.repository.ts' });
  });

  it('refuses a feature that names two aggregates, with each port at file:line and the entry that picks one', () => {
    const dir = writeProject({
      ...orderDomainIn('src/domain/shop', 'src/domain/shop/order.repository.ts'),
      ...orderDomainIn('src/domain/warehouse', 'src/domain/warehouse/order.repository.ts'),
    });

    const error = thrown(() => locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'order'));

    expect(error.message).toBe(
      "'order' names 2 aggregates, each with a port: Order (OrderRepository at src/domain/shop/order.repository.ts:5); Order (OrderRepository at src/domain/warehouse/order.repository.ts:5)",
    );
    expect(error.hint).toBe(
      'Say which in gen.config.json: "features": { "order": { "domainDir": "src/domain/shop", "portDir": "src/domain/shop/order.repository.ts" } }, or ask for the folder\'s feature (npx --no gen infra shop).',
    );
  });

  it('takes every aggregate whose port is in a folder named for the feature, and one that the feature names alone', () => {
    const aggregate = (name: string) => ({
      [`src/billing/${name.toLowerCase()}.ts`]: `export class ${name} {\n  constructor(\n    readonly id: string,\n    public note: string,\n  ) {}\n}\n`,
      [`src/billing/${name.toLowerCase()}.repository.ts`]: `import { ${name} } from './${name.toLowerCase()}';\n\nexport interface ${name}Repository {\n  save(${name.toLowerCase()}: ${name}): Promise<void>;\n}\n`,
    });
    const dir = writeProject({ ...aggregate('Invoice'), ...aggregate('Payment') });
    const sources = loadProjectContext(dir);

    const billing = readFeature(sources, sources.config, 'billing');
    const invoice = readFeature(sources, sources.config, 'invoice');

    expect(billing.domains.map((d) => d.aggregate.name)).toEqual(['Invoice', 'Payment']);
    expect(billing.location.paths).toMatchObject({
      domainDir: 'src/billing',
      portDir: '{src/billing/invoice.repository.ts,src/billing/payment.repository.ts}',
      infrastructureDir: 'src/infrastructure/billing',
    });
    expect(invoice.domains.map((d) => d.aggregate.name)).toEqual(['Invoice']);
  });

  it('still says where it looked when no port takes or returns a class named for the feature', () => {
    const dir = writeProject(ORDER_FOUND_BY_CODE['nested contexts with one-method out-ports'].files);

    expect(thrown(() => locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'invoicing')).message).toMatch(
      /^feature 'invoicing' has no domain folder: looked for .*; and no port under src\/ takes or returns a class named for it \(ports found: DeleteOrderPort, LoadOrderPort, SaveOrderPort of Order\)$/,
    );
  });
});

describe('gen init where no preset fits', () => {
  it('writes each feature found from its ports with its folders, after which gen infra reads them from the config', () => {
    const dir = writeProject(ORDER_FOUND_BY_CODE['a flat src/domain/ of two aggregates, the port in a .d.ts'].files);

    const written = initialConfig(dir);
    writeFileSync(join(dir, written.path), written.content);

    expect(written).toMatchObject({ features: ['customer', 'order'], detected: true });
    expect(JSON.parse(written.content)).toEqual({
      databaseDir: 'src/infrastructure',
      sharedTestsDir: 'tests',
      features: {
        customer: {
          domainDir: 'src/domain',
          portDir: 'src/domain/customer.repository.ts',
          applicationDir: 'src/application',
          infrastructureDir: 'src/infrastructure',
          testsDir: 'tests/customer',
          plansDir: 'documentation/plans/customer',
        },
        order: {
          domainDir: 'src/domain',
          portDir: 'src/domain/order.repository.d.ts',
          applicationDir: 'src/application',
          infrastructureDir: 'src/infrastructure',
          testsDir: 'tests/order',
          plansDir: 'documentation/plans/order',
        },
      },
    });
    expect(locateFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'order')).toMatchObject({
      source: 'config',
      paths: { domainDir: 'src/domain', portDir: 'src/domain/order.repository.d.ts', databaseDir: 'src/infrastructure' },
    });
    expect(readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'order').port.file).toBe('src/domain/order.repository.d.ts');
  });
});

/** Rocketseat's layout: a context's layers under the domain (forum/{enterprise,application}), the project's own src/infra/. */
const ROCKETSEAT = {
  'src/core/entities/entity.ts':
    'export abstract class Entity<Props> {\n  protected constructor(\n    protected props: Props,\n    readonly id: string,\n  ) {}\n}\n',
  'src/domain/forum/enterprise/entities/question.ts': `import { Entity } from '../../../../core/entities/entity';

interface QuestionProps {
  title: string;
}

export class Question extends Entity<QuestionProps> {
  get title(): string {
    return this.props.title;
  }

  static create(props: QuestionProps, id: string): Question {
    return new Question(props, id);
  }
}
`,
  'src/domain/forum/application/repositories/questions-repository.ts': `import { Question } from '../../enterprise/entities/question';

export abstract class QuestionsRepository {
  abstract findById(id: string): Promise<Question | null>;
  abstract create(question: Question): Promise<void>;
}
`,
  'src/domain/forum/application/use-cases/create-question.ts': `import { Question } from '../../enterprise/entities/question';
import { QuestionsRepository } from '../repositories/questions-repository';

export class CreateQuestionUseCase {
  constructor(private questionsRepository: QuestionsRepository) {}

  async execute(title: string, id: string): Promise<Question> {
    const question = Question.create({ title }, id);
    await this.questionsRepository.create(question);
    return question;
  }
}
`,
  'src/infra/app.module.ts': 'export class AppModule {}\n',
};

describe("gen init on Rocketseat's layout (src/domain/forum/{enterprise,application}, src/infra/)", () => {
  it("names folders that exist, or the feature's under the project's infra/: none after the enterprise layer", () => {
    const dir = writeProject(ROCKETSEAT);

    const written = initialConfig(dir);
    writeFileSync(join(dir, written.path), written.content);

    expect(JSON.parse(written.content)).toEqual({
      databaseDir: 'src/infra',
      sharedTestsDir: 'tests',
      features: {
        question: {
          domainDir: 'src/domain/forum/enterprise',
          portDir: 'src/domain/forum/application/repositories/questions-repository.ts',
          applicationDir: 'src/domain/forum/application',
          infrastructureDir: 'src/infra/question',
          testsDir: 'tests/question',
          plansDir: 'documentation/plans/question',
        },
      },
    });
    // The use case is found where init said the application layer is.
    expect(
      readFeature(loadProjectContext(dir), loadProjectContext(dir).config, 'question').application.useCases.map((u) => u.file),
    ).toEqual(['src/domain/forum/application/use-cases/create-question.ts']);
  });
});

describe('a port found where ports are kept, named otherwise (issue 19)', () => {
  it('is still the port once gen init has written its folder down', () => {
    const dir = writeProject({
      'src/domain/user.ts': 'export class User {\n  constructor(\n    readonly id: string,\n    public name: string,\n  ) {}\n}\n',
      'src/domain/repositories/user.command.ts':
        "import { User } from '../user';\n\nexport interface IUserCommand {\n  save(user: User): Promise<void>;\n  findById(id: string): Promise<User | null>;\n}\n",
    });
    const detected = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'user');
    const written = initialConfig(dir);
    writeFileSync(join(dir, written.path), written.content);

    const configured = readDomain(loadProjectContext(dir), loadProjectContext(dir).config, 'user');

    expect(detected.port.name).toBe('IUserCommand');
    expect(configured.port.name).toBe('IUserCommand');
    expect(configured.port.methods.map((m) => m.name)).toEqual(['save', 'findById']);
  });
});

/** A folder of generic base classes and a generic base port that the features' ports extend (app-chat-ddd's src/core). */
const GENERIC_CORE = {
  'src/core/domain/Entity.ts':
    'export abstract class Entity<Props> {\n  protected constructor(\n    protected props: Props,\n    protected readonly _id: string,\n  ) {}\n\n  get id(): string {\n    return this._id;\n  }\n}\n',
  'src/core/domain/Aggregate.ts':
    "import { Entity } from './Entity';\n\nexport abstract class AggregateRoot<Props> extends Entity<Props> {}\n",
  'src/core/domain/repositories/Repository.ts':
    'export interface IRepository<T> {\n  exists(obj: T): Promise<boolean>;\n  delete(obj: T): Promise<void>;\n  save(obj: T): Promise<void>;\n}\n',
};

function chatIn(domainDir: string, core: string): Record<string, string> {
  return {
    [`${domainDir}/Chat.ts`]: `import { AggregateRoot } from '${core}/Aggregate';

interface ChatProps {
  name: string;
}

export class Chat extends AggregateRoot<ChatProps> {
  get name(): string {
    return this.props.name;
  }

  static create(props: ChatProps, id: string): Chat {
    return new Chat(props, id);
  }
}
`,
    [`${domainDir}/repositories/ChatRepository.ts`]: `import { IRepository } from '${core}/repositories/Repository';
import { Chat } from '../Chat';

export interface IChatRepository extends IRepository<Chat> {
  findById(id: string): Promise<Chat | null>;
}
`,
  };
}

describe('gen init and a folder of generic bases (issue 19, app-chat-ddd src/core)', () => {
  it('lists the features of concrete aggregates found from their ports, not the folder of bases', () => {
    const dir = writeProject({ ...GENERIC_CORE, ...chatIn('src/domain', '../core/domain') });

    const written = initialConfig(dir);

    expect(written).toMatchObject({ features: ['chat'], detected: true });
    expect(written.preset).toBeUndefined();
    expect((JSON.parse(written.content) as { features: Record<string, unknown> }).features.chat).toMatchObject({
      domainDir: 'src/domain',
      portDir: 'src/domain',
    });
  });

  it('keeps a preset whose folders hold a feature, without the bases beside it', () => {
    const base = {
      'src/shared/domain/aggregate-root.ts': 'export abstract class AggregateRoot {\n  abstract get id(): string;\n}\n',
      'src/shared/domain/base.repository.ts':
        "import { AggregateRoot } from './aggregate-root';\n\nexport abstract class BaseRepository<T extends AggregateRoot> {\n  abstract save(entity: T): Promise<void>;\n  abstract findById(id: string): Promise<T | null>;\n}\n",
    };
    const dir = writeProject({ ...base, ...chatIn('src/messaging/domain', '../../../core/domain'), ...GENERIC_CORE });

    const written = initialConfig(dir);

    expect(written).toMatchObject({ preset: 'feature-layers', features: ['messaging'], detected: true });
  });

  it('takes no folder for a feature whose only port is a base over an abstract aggregate root', () => {
    const dir = writeProject({
      ...chatIn('src/domain', '../core/domain'),
      'src/core/domain/Aggregate.ts': 'export abstract class AggregateRoot {\n  abstract get id(): string;\n}\n',
      'src/core/domain/repositories/Repository.ts':
        "import { AggregateRoot } from '../Aggregate';\n\nexport interface BaseRepository {\n  save(root: AggregateRoot): Promise<void>;\n}\n",
      'src/core/domain/repositories/IRepository.ts': 'export interface IRepository<T> {\n  save(obj: T): Promise<void>;\n}\n',
    });
    // chatIn's Chat extends the generic AggregateRoot<Props>: here a plain one, so the Chat class is given its own.
    writeFileSync(
      join(dir, 'src/domain/Chat.ts'),
      "import { AggregateRoot } from '../core/domain/Aggregate';\n\nexport class Chat extends AggregateRoot {\n  constructor(readonly id: string, public name: string) {\n    super();\n  }\n}\n",
    );
    writeFileSync(
      join(dir, 'src/domain/repositories/ChatRepository.ts'),
      "import { IRepository } from '../../core/domain/repositories/IRepository';\nimport { Chat } from '../Chat';\n\nexport interface IChatRepository extends IRepository<Chat> {\n  findById(id: string): Promise<Chat | null>;\n}\n",
    );

    expect(initialConfig(dir)).toMatchObject({ features: ['chat'], detected: true });
  });

  it('still finds a feature through its non-generic port in a folder discovery leaves to infrastructure (modules: database/)', () => {
    const dir = writeProject({ ...GENERIC_CORE, ...ORDER_IN_LAYOUT.modules });

    expect(initialConfig(dir)).toMatchObject({ preset: 'modules', features: ['ordering'] });
  });
});
