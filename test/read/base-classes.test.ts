import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { MEMBERSHIP } from '../fixtures/base-classes.js';
import { BANKING } from '../fixtures/domain-styles.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const ENTITY = 'src/domain/aggregates/membership/user.entity.ts';

function read(files: Record<string, string>) {
  // Its shared kernel imports node:crypto: the tsconfig with @types/node.
  return readDomain(loadProjectContext(writeProject(files, { compiled: true })), DEFAULT_CONFIG, 'membership');
}

describe('readDomain on aggregates whose state lives partly in shared-kernel base classes', () => {
  it('stores the inherited id and timestamps beside the props, read through getters or getProps()', () => {
    const { aggregate } = read(MEMBERSHIP);

    expect(aggregate.style).toBe('props-object');
    expect(aggregate.fields.map((f) => `${f.name}:${f.access}`)).toEqual([
      'id:.id',
      'email:.getProps().email',
      'role:.role',
      'address:.getProps().address',
      'nickname:.getProps().nickname',
      'createdAt:.createdAt',
      'updatedAt:.updatedAt',
    ]);
    expect(aggregate.fields.find((f) => f.name === 'createdAt')?.type).toEqual({ kind: 'primitive', primitive: 'date' });
  });

  it('never stores the domain events the base class collects', () => {
    const { aggregate } = read(MEMBERSHIP);

    expect(aggregate.fields.map((f) => f.name)).not.toContain('domainEvents');
  });

  it('rebuilds through the inherited constructor, props nested, not through the create() that applies defaults', () => {
    const { aggregate } = read(MEMBERSHIP);

    expect(aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [
        {
          kind: 'object',
          fields: [
            'id',
            { member: 'props', object: { kind: 'object', fields: ['email', 'role', 'address', 'nickname'], omittable: ['nickname'] } },
            'createdAt',
            'updatedAt',
          ],
          omittable: ['createdAt', 'updatedAt'],
        },
      ],
    });
  });

  it('rebuilds a value object through the constructor its base class declares', () => {
    const { aggregate } = read(MEMBERSHIP);
    const address = aggregate.fields.find((f) => f.name === 'address')!.type;

    expect(address.kind === 'composite' && address.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [{ kind: 'object', fields: ['country', 'street', 'postalCode'] }],
    });
  });

  it('reads the port methods inherited from the shared kernel RepositoryPort<Entity>', () => {
    const { port } = read(MEMBERSHIP);

    expect(port.methods.map((m) => m.name)).toEqual([
      'save',
      'findById',
      'findAll',
      'delete',
      'findOneByEmail',
      'findByRoleOrderByCreatedAtDesc',
      'existsByEmail',
    ]);
  });

  it('stores a version the base class keeps', () => {
    const files = {
      ...MEMBERSHIP,
      'src/libs/ddd/entity.base.ts': MEMBERSHIP['src/libs/ddd/entity.base.ts']
        .replace('  updatedAt?: Date;\n}', '  updatedAt?: Date;\n  version?: number;\n}')
        .replace(
          'constructor({ id, props, createdAt, updatedAt }',
          'readonly version: number;\n\n  constructor({ id, props, createdAt, updatedAt, version }',
        )
        .replace('this.props = props;', 'this.props = props;\n    this.version = version ?? 0;'),
    };
    const { aggregate } = read(files);

    expect(aggregate.fields.map((f) => f.name)).toEqual([
      'id',
      'email',
      'role',
      'address',
      'nickname',
      'createdAt',
      'updatedAt',
      'version',
    ]);
  });

  it('leaves the event list of a private-fields aggregate out', () => {
    const account = BANKING['src/domain/aggregates/banking/account.ts'];
    const files = {
      ...BANKING,
      'src/domain/aggregates/banking/account-closed.ts': 'export class AccountClosedEvent {\n  constructor(readonly id: number) {}\n}\n',
      'src/domain/aggregates/banking/account.ts': `import { AccountClosedEvent } from './account-closed';\n${account.replace('  private closedAt!: Date | null;\n', '  private closedAt!: Date | null;\n  #events: AccountClosedEvent[] = [];\n  private _domainEvents: AccountClosedEvent[] = [];\n')}`,
    };
    const { aggregate } = readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, 'banking');

    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'email', 'balance', 'closedAt']);
  });

  it('says what to add when no way of rebuilding takes the inherited timestamps', () => {
    const files = {
      ...MEMBERSHIP,
      'src/libs/ddd/entity.base.ts': MEMBERSHIP['src/libs/ddd/entity.base.ts']
        .replace('  createdAt?: Date;\n  updatedAt?: Date;\n', '')
        .replace('{ id, props, createdAt, updatedAt }', '{ id, props }')
        .replace('createdAt ?? now', 'now')
        .replace('updatedAt ?? now', 'now'),
    };
    let error: unknown;
    try {
      read(files);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toContain(
      'cannot rebuild UserEntity from its stored fields (id, email, role, address, nickname, createdAt, updatedAt)',
    );
    expect((error as GenError).location).toEqual({ file: ENTITY, line: 6 });
  });
});
