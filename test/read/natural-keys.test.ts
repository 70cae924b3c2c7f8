import { describe, expect, it } from 'vitest';
import { parseProjectConfig, DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import type { FieldModel, PortMethod, TypeUse, ValueType } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { naturalKey, naturalKeyWarning } from '../../src/read/natural-key.js';
import { writeProject } from '../support/projects.js';

const at = { file: 'x.ts', line: 1 };
const string: ValueType = { kind: 'primitive', primitive: 'string' };
const staff: ValueType = { kind: 'aggregate', name: 'Staff', file: 'staff.ts' };

function field(name: string): FieldModel {
  return {
    name,
    type: string,
    optional: false,
    nullable: false,
    list: false,
    mutable: true,
    access: `.${name}`,
    location: at,
  };
}

function use(type: ValueType, text: string, list = false): TypeUse {
  return { type, list, absent: 'none', text };
}

/** `name(p1, p2): returns`, each parameter a string (`Staff['x']` typed where written so). */
function method(name: string, parameters: string[], returns: 'one' | 'many' | 'void' | 'number' | 'boolean' = 'one'): PortMethod {
  const returned =
    returns === 'one'
      ? { ...use(staff, 'Staff | null'), absent: 'null' as const }
      : returns === 'many'
        ? use(staff, 'Staff[]', true)
        : returns === 'void'
          ? use({ kind: 'void' }, 'void')
          : use({ kind: 'primitive', primitive: returns }, returns);
  return {
    name,
    location: at,
    parameters: parameters.map((p) => {
      const [parameter, text] = p.split(':');
      return {
        name: parameter,
        use: use(string, text ?? 'string'),
        optional: false,
      };
    }),
    returns: returned,
    async: true,
    signatureText: { parameters: [], returns: '' },
    typeReferences: [],
  };
}

const STAFF_FIELDS = ['staffCode', 'staffName', 'email', 'grade'].map(field);

describe('the natural key of an aggregate with no id', () => {
  it.each([
    ['findBy<X>(x) returning one', [method('findByEmail', ['email'])], { field: 'email' }],
    ['getBy<X>(x) returning one', [method('getByStaffName', ['staffName'])], { field: 'staffName' }],
    ['findOneBy<X>', [method('findOneByEmail', ['email'])], { field: 'email' }],
    // Usually bulk (`deleteByCartId` on CartItem): says nothing of uniqueness.
    ['deleteBy<X>(x) is not a key', [method('deleteByEmail', ['email'], 'void')], { field: 'staffCode' }],
    ['delete(x) named like a field', [method('delete', ['staffCode'], 'boolean')], { field: 'staffCode' }],
    // A count of deleted rows: it deletes many.
    ['delete(x) returning a count is not a key', [method('delete', ['email'], 'number')], { field: 'staffCode' }],
    ['get<Aggregate>(x)', [method('getStaff', ['email'])], { field: 'email' }],
    ['find(x) typed Staff[x]', [method('find', ["code:Staff['staffName']"])], { field: 'staffName' }],
    [
      'a parameter typed Staff[x] elsewhere is not a key',
      [method('rename', ["code:Staff['staffName']", 'to'], 'void')],
      { field: 'staffCode' },
    ],
    ['Staff[x] in a list-returning method is not a key', [method('findAllByGrade', ["g:Staff['grade']"], 'many')], { field: 'staffCode' }],
    ['get<Aggregate>(x) returning a list is not a key', [method('getStaff', ['grade'], 'many')], { field: 'staffCode' }],
    ['findBy<X> returning a list is a query, not a lookup', [method('findByGrade', ['grade'], 'many')], { field: 'staffCode' }],
    [
      'a lookup beats a field-named first parameter',
      [method('updateGrade', ['grade', 'to'], 'void'), method('findByEmail', ['email'])],
      { field: 'email' },
    ],
    [
      'the first parameter, named like a field, of a method addressing one, decides nothing',
      [method('updateAlert', ['email', 'to'], 'boolean')],
      { field: 'staffCode' },
    ],
    [
      'counts and tests address none',
      [method('countByGrade', ['grade'], 'number'), method('existsByEmail', ['email'], 'boolean')],
      { field: 'staffCode' },
    ],
    ['<aggregate>Code when the port says nothing', [method('getAll', [], 'many')], { field: 'staffCode' }],
    [
      'two lookups by two fields: undecided',
      [method('findByEmail', ['email']), method('findByStaffName', ['staffName'])],
      { undecided: ['email', 'staffName'] },
    ],
  ])('%s', (_, methods, expected) => {
    expect(naturalKey('Staff', STAFF_FIELDS, methods)).toMatchObject(expected);
  });

  it.each([
    ['<aggregate>No', ['departmentNo', 'name'], { field: 'departmentNo' }],
    ['code', ['name', 'code'], { field: 'code' }],
    ['key', ['key', 'value'], { field: 'key' }],
    ['slug before sku', ['sku', 'slug'], { field: 'slug' }],
    // A lone currencyCode or countryCode repeats across rows: suggested in the refusal, never taken.
    ['the one *Code field, a candidate only', ['shopCode', 'shopName'], { none: true, candidate: 'shopCode' }],
    ['two *Code fields: none', ['janCode', 'supplierCode'], { none: true }],
    ['nothing like a key', ['name', 'version'], { none: true }],
  ])('by name: %s', (_, names, expected) => {
    expect(naturalKey('Department', names.map(field), [])).toEqual(expect.objectContaining(expected));
  });
});

const SETTING = 'export interface Setting {\n  key: string;\n  label: string;\n  value: string;\n}\n';

function read(files: Record<string, string>, config = DEFAULT_CONFIG) {
  return readDomain(loadProjectContext(writeProject(files)), config, 'settings');
}

function readError(files: Record<string, string>, config = DEFAULT_CONFIG): GenError {
  try {
    read(files, config);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function port(methods: string): string {
  return `import type { Setting } from './setting';\n\nexport interface SettingRepository {\n  save(setting: Setting): Promise<void>;\n${methods}}\n`;
}

describe('reading an aggregate keyed by a natural key', () => {
  it('takes the field the port gets one by as the id', () => {
    const domain = read({
      'src/domain/settings/setting.ts': SETTING.replace('key:', 'name:'),
      'src/domain/settings/setting.repository.ts': port('  getSetting(name: string): Promise<Setting | null>;\n'),
    });
    expect(domain.aggregate.idField).toBe('name');
    expect(domain.aggregate.generatedId).toBeUndefined();
  });

  it('warns which lookup made the key, with its file:line', () => {
    const domain = read({
      'src/domain/settings/setting.ts': SETTING.replace('key:', 'name:'),
      'src/domain/settings/setting.repository.ts': port('  getSetting(name: string): Promise<Setting | null>;\n'),
    });
    expect(naturalKeyWarning(domain.aggregate)).toBe(
      `src/domain/settings/setting.repository.ts:5: Setting has no id, so gen takes 'name' as its primary key (the port looks Setting up by it (getSetting)): save replaces the row with the same name. If it is not unique, add an id or name the key in gen.config.json: "ids": { "Setting": "<field>" }.`,
    );
    // Named by the user: nothing to warn of.
    const config = parseProjectConfig('{\n  "ids": {\n    "Setting": "label"\n  }\n}\n');
    const configured = read({ 'src/domain/settings/setting.ts': SETTING, 'src/domain/settings/setting.repository.ts': port('') }, config);
    expect(naturalKeyWarning(configured.aggregate)).toBeUndefined();
  });

  it('takes no key from a bulk delete or a method that marks many, suggesting the field in the refusal', () => {
    const error = readError({
      'src/domain/settings/setting.ts': SETTING.replace('key:', 'name:'),
      'src/domain/settings/setting.repository.ts': port(
        '  deleteByLabel(label: string): Promise<void>;\n  markAllRead(label: string): Promise<void>;\n',
      ),
    });
    expect(error.message).toContain('aggregate Setting has no id');
    expect(error.message).toContain("'label' may be its key, but nothing says it is unique");
    expect(error.hint).toContain('"ids": { "Setting": "label" } if that field is unique');
  });

  it('takes the record the port is named for as the aggregate, not a DTO written before it', () => {
    const domain = read({
      'src/domain/settings/setting.ts': `${SETTING}\nexport interface CreateSettingDto {\n  key: string;\n  value: string;\n}\n`,
      'src/domain/settings/setting.repository.ts':
        "import type { CreateSettingDto, Setting } from './setting';\n\nexport interface SettingRepository {\n  create(dto: CreateSettingDto): Promise<void>;\n  save(setting: Setting): Promise<void>;\n  delete(key: string): Promise<void>;\n}\n",
    });
    expect(domain.aggregate.name).toBe('Setting');
    expect(domain.aggregate.idField).toBe('key');
  });

  it('takes the key gen.config.json names, over what the port says', () => {
    const config = parseProjectConfig('{\n  "ids": {\n    "Setting": "label"\n  }\n}\n');
    const files = {
      'src/domain/settings/setting.ts': SETTING,
      'src/domain/settings/setting.repository.ts': port(''),
    };
    expect(read(files, config).aggregate.idField).toBe('label');
    const error = readError(files, parseProjectConfig('{\n  "ids": {\n    "Setting": "title"\n  }\n}\n'));
    expect(error.message).toBe("gen.config.json names 'title' as the key of Setting, which has no such field");
    expect(error.location).toEqual({ file: 'gen.config.json', line: 3 });
  });

  it('refuses two lookups by two fields, naming them and the config entry', () => {
    const error = readError({
      'src/domain/settings/setting.ts': SETTING,
      'src/domain/settings/setting.repository.ts': port(
        '  findByLabel(label: string): Promise<Setting | null>;\n  findByValue(value: string): Promise<Setting | null>;\n',
      ),
    });
    expect(error.message).toBe(
      "aggregate Setting has no id, and gen cannot tell which field is its key: the port looks Setting up by 'label' and 'value'",
    );
    expect(error.location).toEqual({
      file: 'src/domain/settings/setting.ts',
      line: 1,
    });
    expect(error.hint).toContain('"ids": { "Setting": "label" }');
  });

  it('refuses a key that may be absent', () => {
    const error = readError({
      'src/domain/settings/setting.ts': SETTING.replace('key: string', 'key?: string'),
      'src/domain/settings/setting.repository.ts': port(''),
    });
    expect(error.message).toBe(
      "the key 'key' of aggregate Setting must be a required string, number or single-value object to be its primary key",
    );
    expect(error.location).toEqual({
      file: 'src/domain/settings/setting.ts',
      line: 2,
    });
  });

  it('refuses a key of one literal value, which keys one row at most', () => {
    const error = readError({
      'src/domain/settings/setting.ts': `export type SettingKey = 'FILE_IMPORT_PATH';\n${SETTING.replace('key: string', 'key: SettingKey')}`,
      'src/domain/settings/setting.repository.ts': port('  getSetting(key: SettingKey): Promise<Setting | null>;\n').replace(
        "import type { Setting } from './setting';",
        "import type { Setting, SettingKey } from './setting';",
      ),
    });
    expect(error.message).toBe(
      `the key 'key' of aggregate Setting can hold one value only ("FILE_IMPORT_PATH"), so at most one Setting could be stored`,
    );
    expect(error.location).toEqual({ file: 'src/domain/settings/setting.ts', line: 3 });
  });

  it('refuses an aggregate with nothing like a key, naming the decision', () => {
    const error = readError({
      'src/domain/settings/setting.ts': SETTING.replace('key:', 'title:'),
      'src/domain/settings/setting.repository.ts': port(''),
    });
    expect(error.message).toContain('aggregate Setting has no id');
    expect(error.hint).toContain('"ids": { "Setting": "title" }');
  });

  it("refuses an 'ids' entry naming no aggregate, with its line and the aggregates there are, closest first", () => {
    const files = {
      'src/domain/settings/setting.ts': SETTING,
      'src/domain/settings/setting.repository.ts': port(''),
      'src/domain/staff/staff.ts': 'export interface Staff {\n  staffCode: string;\n}\n',
      'src/domain/staff/staff.repository.ts':
        "import type { Staff } from './staff';\n\nexport interface StaffRepository {\n  save(staff: Staff): Promise<void>;\n}\n",
    };
    const error = readError(files, parseProjectConfig('{\n  "ids": {\n    "Settings": "label"\n  }\n}\n'));
    expect(error.message).toBe(
      `gen.config.json: "ids" names 'Settings', which is no aggregate of the project (aggregates its ports store: Setting, Staff)`,
    );
    expect(error.location).toEqual({ file: 'gen.config.json', line: 3 });
    expect(error.hint).toBe('Name the aggregate as its class is spelled (did you mean "Setting"?), or remove the entry.');
    // Another feature's aggregate is no mistake: it applies when that feature is generated.
    expect(read(files, parseProjectConfig('{ "ids": { "Staff": "staffCode" } }')).aggregate.name).toBe('Setting');
  });

  it("refuses a config 'ids' that is not a map of names", () => {
    expect(() => parseProjectConfig('{ "ids": { "Setting": ["a", "b"] } }')).toThrow(
      "'ids' must map aggregate names to one of their fields",
    );
  });
});
