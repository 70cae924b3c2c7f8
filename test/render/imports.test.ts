import { describe, expect, it } from 'vitest';
import { ImportSet } from '../../src/render/imports.js';

describe('ImportSet', () => {
  it('writes a default export as a default import on its own line, before the named imports of its module', () => {
    const lines = new ImportSet()
      .add('./user', 'UserId', { typeOnly: true })
      .add('./user', 'User', { typeOnly: true, defaultExport: true })
      .add('./port', 'UserRepository', { typeOnly: true, defaultExport: true })
      .add('typeorm', 'DataSource', { typeOnly: true })
      .lines();

    expect(lines).toEqual([
      "import type { DataSource } from 'typeorm';",
      "import type UserRepository from './port';",
      "import type User from './user';",
      "import type { UserId } from './user';",
    ]);
  });

  it('imports a default export as a value when any use needs the value', () => {
    const lines = new ImportSet()
      .add('./user', 'User', { typeOnly: true, defaultExport: true })
      .add('./user', 'User', { defaultExport: true })
      .lines();

    expect(lines).toEqual(["import User from './user';"]);
  });
});
