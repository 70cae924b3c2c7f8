import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { addLibraryImport } from '../../generators/domain-imports.js';
import { ImportSet } from '../../src/render/imports.js';
import { DEFAULT_CONFIG, parseProjectConfig } from '../../src/config/project-config.js';
import type { FieldModel, ValueType } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { packageOf, syntheticDefaults } from '../../src/read/library-dates.js';
import { DAYJS, libraryDateMatches } from '../fixtures/library-dates.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

const MATCH = 'src/domain/matches/match.ts';
const REPOSITORY = 'src/domain/matches/match.repository.ts';

function fields(files: Record<string, string>, config = DEFAULT_CONFIG): Map<string, FieldModel> {
  const domain = readDomain(loadProjectContext(writeProject(files)), config, 'matches');
  return new Map(domain.aggregate.fields.map((f) => [f.name, f]));
}

/** A package of the project's own (in a folder named node_modules, mapped by `paths`) whose `Instant` has `toDate(): Date`. */
function withInstant(toDate = 'toDate(): Date;'): Record<string, string> {
  const instant = {
    ...DAYJS,
    imports: "import { Instant } from 'chrono-lite';",
    typeImport: "import { Instant } from 'chrono-lite';",
    type: 'Instant',
    now: 'Instant.now()',
    later: (d: string) => `${d}.plusDays(days)`,
  };
  return {
    ...libraryDateMatches(instant),
    'vendor/node_modules/chrono-lite/index.d.ts': `export declare class Instant {
  static now(): Instant;
  static fromDate(date: Date): Instant;
  plusDays(days: number): Instant;
  ${toDate}
}
`,
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        strict: true,
        lib: ['ES2022'],
        types: [],
        module: 'ESNext',
        moduleResolution: 'bundler',
        experimentalDecorators: true,
        paths: { 'chrono-lite': ['./vendor/node_modules/chrono-lite/index.d.ts'] },
      },
      include: ['src'],
    }),
  };
}

const dayjsDate: ValueType = {
  kind: 'value-object',
  name: 'Dayjs',
  file: 'dayjs',
  valueAccess: '.toDate()',
  primitive: 'date',
  rehydration: { call: { kind: 'function', callee: 'dayjs' }, arguments: [{ kind: 'field', field: 'value' }] },
  library: { module: 'dayjs', binding: 'dayjs', form: 'default' },
};

describe("a library's date class as a stored field (issue 19)", () => {
  it('reads Dayjs fields, required, nullable and optional, of the aggregate and its base, as dates rebuilt by dayjs()', () => {
    const read = fields(libraryDateMatches(DAYJS));
    for (const name of ['startsAt', 'endsAt', 'createdAt', 'updatedAt', 'deletedAt']) expect(read.get(name)?.type, name).toEqual(dayjsDate);
    expect([read.get('deletedAt')?.nullable, read.get('endsAt')?.optional, read.get('createdAt')?.nullable]).toEqual([true, true, false]);
  });

  // The import the mappers get compiles and calls dayjs under the project's own compiler options, whatever a file of
  // the project writes first (here a port, sorted first, that uses `import * as dayjs` for its types only).
  it.each([
    ['commonjs, esModuleInterop unset (on by default since TypeScript 6)', { module: 'commonjs', moduleResolution: 'node10' }, 'default'],
    ['commonjs with esModuleInterop', { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true }, 'default'],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, 'default'],
    [
      'commonjs with no synthetic default imports',
      { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: false, allowSyntheticDefaultImports: false },
      'namespace',
    ],
  ] as const)('imports dayjs so that dayjs(date) type-checks: %s', (_, options, form) => {
    const files = libraryDateMatches({
      ...DAYJS,
      imports: "import * as dayjs from 'dayjs';",
      typeImport: "import * as dayjs from 'dayjs';",
      type: 'dayjs.Dayjs',
      now: 'dayjs.unix(1_700_000_000)',
    });
    files['src/domain/matches/a-clock.port.ts'] = "import * as dayjs from 'dayjs';\n\nexport interface Clock {\n  now(): dayjs.Dayjs;\n}\n";
    files['tsconfig.json'] = JSON.stringify({
      compilerOptions: { target: 'ES2022', strict: true, lib: ['ES2022'], types: [], ignoreDeprecations: '6.0', ...options },
      include: ['src'],
    });
    const dir = writeProject(files);
    const type = readDomain(loadProjectContext(dir), DEFAULT_CONFIG, 'matches').aggregate.fields.find((f) => f.name === 'startsAt')?.type;
    const library = type?.kind === 'value-object' ? type.library : undefined;
    expect(library).toMatchObject({ module: 'dayjs', binding: 'dayjs', form });
    const imports = new ImportSet();
    addLibraryImport(imports, library!);
    const project = new Project({ tsConfigFilePath: join(dir, 'tsconfig.json') });
    const mapper = project.createSourceFile(
      join(dir, 'src/check-mapper.ts'),
      `${imports.lines().join('\n')}\n\nexport const rebuilt: number = dayjs(new Date(0)).toDate().getTime();\n`,
    );
    expect(
      mapper
        .getPreEmitDiagnostics()
        .map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as string | ts.DiagnosticMessageChain, '\n')),
    ).toEqual([]);
  });

  it.each([
    ['allowSyntheticDefaultImports without esModuleInterop', { allowSyntheticDefaultImports: true, esModuleInterop: false }, false],
    ['esModuleInterop', { esModuleInterop: true }, true],
  ] as const)('default-imports dayjs under TypeScript 5 and CommonJS only where dayjs(date) then runs: %s', (_, options, expected) => {
    expect(syntheticDefaults({ module: ts.ModuleKind.CommonJS, ...options }, 5)).toBe(expected);
    // What tsc emits for the mapper's import and call under those options, run against gen's own dayjs (CommonJS).
    const imports = new ImportSet();
    addLibraryImport(imports, { module: 'dayjs', binding: 'dayjs', form: expected ? 'default' : 'namespace' });
    const emitted = ts.transpileModule(`${imports.lines().join('\n')}\nexport const rebuilt = dayjs(new Date(0)).toDate().getTime();\n`, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: options.esModuleInterop },
    }).outputText;
    const exports: { rebuilt?: number } = {};
    runInNewContext(emitted, { require: createRequire(import.meta.url), exports });
    expect(exports.rebuilt).toBe(0);
  });

  it('refuses a date class of a package whose factory from a Date gen does not know, at the field, naming the dateTypes entry', () => {
    const error = thrown(() => fields(withInstant()));
    expect(error.message).toBe(
      "field type 'Instant' is chrono-lite's Instant, a date (it has toDate(): Date), but gen does not know how to build an Instant from a Date",
    );
    expect(error.location?.file).toBe(MATCH);
    expect(error.hint).toContain(
      '"dateTypes": [{ "module": "chrono-lite", "type": "Instant", "fromDate": "Instant.fromDate", "import": "named" }]',
    );
  });

  it('stores that class once gen.config.json says how to build one from a Date', () => {
    const config = parseProjectConfig(
      JSON.stringify({ dateTypes: [{ module: 'chrono-lite', type: 'Instant', fromDate: 'Instant.fromDate' }] }),
    );
    const type = fields(withInstant(), config).get('createdAt')?.type;
    expect(type).toMatchObject({
      kind: 'value-object',
      name: 'Instant',
      valueAccess: '.toDate()',
      primitive: 'date',
      rehydration: { call: { kind: 'function', callee: 'Instant.fromDate' } },
      library: { module: 'chrono-lite', binding: 'Instant', form: 'named' },
    });
  });

  it('refuses a dateTypes entry whose toDate the class does not have, naming the entry, instead of storing through another method', () => {
    const config = parseProjectConfig(
      JSON.stringify({ dateTypes: [{ module: 'chrono-lite', type: 'Instant', fromDate: 'Instant.fromDate', toDate: 'asDate' }] }),
    );
    const error = thrown(() => fields(withInstant(), config));
    expect(error.message).toBe(
      "field type 'Instant' is chrono-lite's Instant, which gen.config.json's dateTypes[0] stores through asDate(), but Instant has no method asDate() that takes nothing and returns a Date",
    );
    expect(error.location?.file).toBe(MATCH);
    expect(error.hint).toContain('dateTypes[0].toDate');
  });

  it('still refuses a package class with no method that returns a Date as an unsupported type', () => {
    const error = thrown(() => fields(withInstant('toEpochMilli(): number;')));
    expect(error.message).toBe("unsupported type 'Instant'");
    expect(error.location?.file).toBe(MATCH);
  });

  it('reads a port method that takes a Dayjs, and imports the type from dayjs for the implementations', () => {
    const domain = readDomain(loadProjectContext(writeProject(libraryDateMatches(DAYJS))), DEFAULT_CONFIG, 'matches');
    const after = domain.port.methods.find((m) => m.name === 'findByStartsAtAfter');
    expect(after?.typeReferences).toEqual([
      { name: 'Dayjs', file: 'dayjs', package: 'named' },
      { name: 'Match', file: 'src/domain/matches/match.ts' },
    ]);
    expect(domain.port.file).toBe(REPOSITORY);
  });
});

describe('packageOf', () => {
  it.each([
    ['/p/node_modules/dayjs/index.d.ts', 'dayjs'],
    ['/p/node_modules/dayjs/plugin/utc.d.ts', 'dayjs'],
    ['/p/node_modules/@types/luxon/src/datetime.d.ts', 'luxon'],
    ['/p/node_modules/@types/scope__dates/index.d.ts', '@scope/dates'],
    ['/p/node_modules/@js-joda/core/dist/js-joda.d.ts', '@js-joda/core'],
    ['/p/node_modules/.pnpm/moment@2.30.1/node_modules/moment/moment.d.ts', 'moment'],
    ['/p/src/dates.ts', undefined],
  ])('%s -> %s', (path, expected) => {
    expect(packageOf(path)).toBe(expected);
  });
});
