import { loadProjectContext } from '../../src/project-context.js';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import {
  checkClassTarget,
  checkCollectionLibrary,
  checkTypeScriptVersion,
  compareVersions,
  projectTypeScript,
} from '../../src/config/typescript-version.js';
import { GenError, formatError } from '../../src/errors.js';
import { PLAYLIST } from '../fixtures/toolchains.js';
import { removeCopies, runGen, writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

afterAll(removeCopies);

/** A project folder in the system's temp folder, where no node_modules above it holds a typescript. */
function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-typescript-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const installed = (version: string) => project({ 'node_modules/typescript/package.json': { name: 'typescript', version } });

/** The message gen stops with, or undefined when it goes on. */
function refusal(dir: string, line: '0.3' | '1', skipLibCheck: boolean): GenError | undefined {
  try {
    checkTypeScriptVersion(loadProjectContext(dir).typescript, line, skipLibCheck);
    return undefined;
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
}

describe('checkTypeScriptVersion', () => {
  it.each([
    { typescript: '4.4.4', line: '0.3', skipLibCheck: true, needs: '4.5' },
    { typescript: '4.5.5', line: '0.3', skipLibCheck: false, needs: undefined },
    { typescript: '4.9.5', line: '1', skipLibCheck: false, needs: '5.2' },
    { typescript: '4.9.5', line: '1', skipLibCheck: true, needs: undefined },
    { typescript: '4.4.4', line: '1', skipLibCheck: true, needs: '4.5' },
    { typescript: '5.1.6', line: '1', skipLibCheck: false, needs: '5.2' },
    { typescript: '5.2.2', line: '1', skipLibCheck: false, needs: undefined },
    { typescript: '6.0.3', line: '1', skipLibCheck: false, needs: undefined },
  ] as const)(
    'TypeScript $typescript for TypeORM $line (skipLibCheck: $skipLibCheck): needs $needs',
    ({ typescript, line, skipLibCheck, needs }) => {
      const error = refusal(installed(typescript), line, skipLibCheck);
      if (needs === undefined) {
        expect(error).toBeUndefined();
      } else {
        expect(error?.message).toContain(
          `TypeScript ${typescript} (node_modules/typescript) is older than TypeORM ${line === '1' ? '1.x' : '0.3'} needs: TypeScript ${needs} or newer`,
        );
      }
    },
  );

  it('offers what fits: skipLibCheck, or TypeORM 0.3, where the installed TypeScript would do with them', () => {
    expect(refusal(installed('4.9.5'), '1', false)?.hint).toBe(
      'Upgrade it: npm install --save-dev typescript@^5.2, or set "skipLibCheck": true in tsconfig.json, or generate for TypeORM 0.3 (--typeorm 0.3).',
    );
    expect(refusal(installed('4.4.4'), '0.3', false)?.hint).toBe('Upgrade it: npm install --save-dev typescript@^4.5.');
  });

  it('reads the lowest version package.json allows when none is installed, and points at its line', () => {
    const dir = project({ 'package.json': '{\n  "name": "app",\n  "devDependencies": {\n    "typescript": "^4.4.3"\n  }\n}\n' });
    expect(projectTypeScript(loadProjectContext(dir))).toEqual({
      version: '4.4.3',
      from: 'package.json "typescript": "^4.4.3"',
      location: { file: 'package.json', line: 4 },
    });
    expect(refusal(dir, '0.3', true)?.location).toEqual({ file: 'package.json', line: 4 });
  });

  it('checks nothing when it cannot tell the version', () => {
    expect(refusal(project({ 'package.json': { devDependencies: { typescript: 'latest' } } }), '1', false)).toBeUndefined();
    expect(refusal(project({}), '1', false)).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it.each([
    ['4.10.0', '4.9', 1],
    ['4.5', '4.5.0', 0],
    ['5.2.0-beta', '5.2', 0],
    ['4.4.4', '4.5', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('gen infra on a project whose TypeScript is too old', () => {
  it('exits 2 naming both versions, and writes nothing', async () => {
    // The project's own node_modules holds TypeScript 4.4.4; TypeORM 0.3 comes from the folder above.
    const root = writeProject({});
    const files = {
      ...PLAYLIST,
      'package.json': JSON.stringify({ name: 'app', devDependencies: { typescript: '4.4.4' } }),
      'node_modules/typescript/package.json': '{ "name": "typescript", "version": "4.4.4" }',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'app', path)), { recursive: true });
      writeFileSync(join(root, 'app', path), content);
    }
    writeFileSync(join(root, 'app', 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true } }));

    const run = await runGen(['infra', 'playlist', '--cwd', join(root, 'app')]);

    expect(run.code).toBe(2);
    expect(run.err).toContain('TypeScript 4.4.4 (node_modules/typescript) is older than TypeORM 0.3 needs: TypeScript 4.5 or newer');
    expect(existsSync(join(root, 'app', 'src', 'infrastructure'))).toBe(false);
  });
});

describe('checkCollectionLibrary', () => {
  const TSCONFIG = '{\n  "compilerOptions": {\n    "target": "es5",\n    "noLib": true\n  }\n}\n';

  it('refuses noLib, which drops the library gen references for Map and Set, at the line that sets it', () => {
    expect(formatError(thrown(() => checkCollectionLibrary({ target: ts.ScriptTarget.ES5, noLib: true }, TSCONFIG)))).toBe(
      'tsconfig.json:4: tsconfig.json sets noLib, which leaves out the standard library the generated code uses (Map, Set, Promise, Array.from from es2015)\n' +
        '  Remove "noLib" from tsconfig.json (a "lib" list naming what the project allows, e.g. ["es2015"], keeps other library code out).',
    );
  });

  it("judges only noLib: the target is checkClassTarget's", () => {
    expect(() => checkCollectionLibrary({ target: ts.ScriptTarget.ES5 }, TSCONFIG)).not.toThrow();
    expect(() => checkCollectionLibrary({ target: ts.ScriptTarget.ES3, lib: ['lib.es5.d.ts'] }, TSCONFIG)).not.toThrow();
    expect(() => checkCollectionLibrary({ target: ts.ScriptTarget.ES2015 }, TSCONFIG)).not.toThrow();
    expect(() => checkCollectionLibrary({}, undefined)).not.toThrow();
  });
});

describe('checkClassTarget', () => {
  const TSCONFIG = '{\n  "compilerOptions": {\n    "target": "es5",\n    "downlevelIteration": true\n  }\n}\n';

  it('refuses ES5 and ES3, downlevelIteration or not, at the line that sets the target: subclasses of Map and Error break at run time', () => {
    expect(formatError(thrown(() => checkClassTarget({ target: ts.ScriptTarget.ES5, downlevelIteration: true }, TSCONFIG)))).toBe(
      'tsconfig.json:3: tsconfig.json compiles for ES5, where the generated classes that extend Map and Error break at run time (tsc compiles classes to functions: a Map subclass cannot be built, an Error subclass fails instanceof)\n' +
        '  Set "target" to "es2015" or later in tsconfig.json (every Node.js gen supports runs ES2015+ natively).',
    );
    expect(thrown(() => checkClassTarget({ target: ts.ScriptTarget.ES3 }, TSCONFIG)).message).toContain('compiles for ES3');
  });

  it('lets ES2015 and later through, and a tsconfig that names no target', () => {
    expect(() => checkClassTarget({ target: ts.ScriptTarget.ES2015 }, TSCONFIG)).not.toThrow();
    expect(() => checkClassTarget({ target: ts.ScriptTarget.ES2022 }, TSCONFIG)).not.toThrow();
    expect(() => checkClassTarget({}, undefined)).not.toThrow();
  });
});
