import { describe, expect, it } from 'vitest';
import { readCustomMethods } from '../../src/read/custom-class-reader.js';

const PATH = 'src/infrastructure/persistence/repositories/order.repository.custom.ts';

function custom(members: string): string {
  return `import type { Repository } from 'typeorm';

export abstract class TypeOrmOrderRepositoryCustom {
  constructor(protected readonly orm: Repository<object>) {}
${members}
}
`;
}

describe('readCustomMethods', () => {
  it("tells gen's untouched stub, in any quotes and layout, from a body the user wrote", () => {
    const text = custom(`
  async findDormant(_since: Date): Promise<string[]> {
    throw new Error('not implemented: findDormant');
  }

  findById(_id: string): Promise<string | null> {
    // still to write
    throw new Error(
      "not implemented: findById"
    );
  }

  async countOpen(): Promise<number> {
    throw new Error(\`not implemented: countOpen\`);
  }

  async findByEmail(email: string): Promise<string | null> {
    return this.orm.findOneBy({ email }).then(() => email);
  }

  async findAll(): Promise<string[]> {
    throw new Error('not implemented: findDormant');
  }

  async exists(): Promise<boolean> {
    throw new Error('not implemented: exists');
    return true;
  }`);
    expect(readCustomMethods(text, PATH, 'TypeOrmOrderRepositoryCustom')).toEqual([
      { name: 'findDormant', line: 6, stub: true },
      { name: 'findById', line: 10, stub: true },
      { name: 'countOpen', line: 17, stub: true },
      { name: 'findByEmail', line: 21, stub: false },
      // Another method's message, or more than the throw, is the user's.
      { name: 'findAll', line: 25, stub: false },
      { name: 'exists', line: 29, stub: false },
    ]);
  });

  it('reads a function held by a property as a body, and leaves out declarations without one and static members', () => {
    const text = custom(`
  findById = async (id: string): Promise<string | null> => id;
  abstract countOpen(): Promise<number>;
  static create(): void {}
  findAll(): Promise<string[]>;
  findAll(status?: string): Promise<string[]> {
    return Promise.resolve(status ? [status] : []);
  }`);
    expect(readCustomMethods(text, PATH, 'TypeOrmOrderRepositoryCustom')).toEqual([
      { name: 'findById', line: 6, stub: false },
      { name: 'findAll', line: 10, stub: false },
    ]);
  });

  it('reads nothing from a file without the class gen extends', () => {
    expect(
      readCustomMethods(custom('  async findById(): Promise<null> {\n    return null;\n  }'), PATH, 'InMemoryOrderRepositoryCustom'),
    ).toEqual([]);
  });
});
