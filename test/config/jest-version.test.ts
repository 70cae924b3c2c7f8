import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJestVersion, projectJest, projectTypeorm } from '../../src/config/jest-version.js';
import { GenError } from '../../src/errors.js';
import { loadProjectContext } from '../../src/project-context.js';
import { PLAYLIST } from '../fixtures/toolchains.js';
import { removeCopies, runGen, writeProject } from '../support/projects.js';

afterAll(removeCopies);

/** A project folder in the system's temp folder, where no node_modules above it holds jest or typeorm. */
function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-jest-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const NEST_8 = '{\n  "name": "app",\n  "devDependencies": {\n    "jest": "27.0.6",\n    "ts-jest": "^27.0.3"\n  }\n}\n';

function refusal(dir: string, runner: 'jest' | 'vitest' = 'jest'): GenError | undefined {
  const context = loadProjectContext(dir);
  try {
    checkJestVersion(runner, projectJest(context), projectTypeorm(context), context.typescript);
    return undefined;
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
}

describe('checkJestVersion', () => {
  it.each([
    { jest: '27.0.6', typeorm: '0.3.31', refused: true },
    { jest: '27.5.1', typeorm: '1.1.1', refused: true },
    { jest: '27.5.1', typeorm: undefined, refused: true },
    { jest: '27.5.1', typeorm: '0.3.27', refused: false },
    { jest: '28.1.3', typeorm: '0.3.31', refused: false },
    { jest: '29.7.0', typeorm: '1.1.1', refused: false },
  ])('jest $jest with typeorm $typeorm installed: refused $refused', ({ jest, typeorm, refused }) => {
    const dir = project({
      'package.json': NEST_8,
      'node_modules/jest/package.json': { name: 'jest', version: jest },
      ...(typeorm && { 'node_modules/typeorm/package.json': { name: 'typeorm', version: typeorm } }),
    });

    const error = refusal(dir);

    expect(error !== undefined).toBe(refused);
    if (!error) return;
    expect(error.message).toContain(`jest ${jest} (node_modules/jest) cannot run the generated tests: it cannot load TypeORM`);
    expect(error.location).toEqual({ file: 'package.json', line: 4 });
    expect(error.hint).toBe('Upgrade jest: npm install --save-dev jest@^29 ts-jest@^29 @types/jest@^29.');
  });

  it.each([
    { typescript: '4.9.5', upgraded: true },
    { typescript: '5.0.4', upgraded: true },
    { typescript: '5.1.6', upgraded: false },
  ])(
    'names the TypeScript upgrade too under TypeScript $typescript: jest 29 brings types it cannot parse below 5.1',
    ({ typescript, upgraded }) => {
      const dir = project({
        'package.json': NEST_8,
        'node_modules/jest/package.json': { name: 'jest', version: '27.0.6' },
        'node_modules/typescript/package.json': { name: 'typescript', version: typescript },
      });

      expect(refusal(dir)?.hint).toBe(
        upgraded
          ? `Upgrade jest and TypeScript together: npm install --save-dev jest@^29 ts-jest@^29 @types/jest@^29 typescript@^5.1 (jest 29 installs @types/babel__traverse, whose declarations need TypeScript 5.1: tsc ${typescript}, node_modules/typescript, would fail on them).`
          : 'Upgrade jest: npm install --save-dev jest@^29 ts-jest@^29 @types/jest@^29.',
      );
    },
  );

  it('reads the lowest version package.json allows when jest is not installed, and leaves other runners alone', () => {
    const dir = project({ 'package.json': NEST_8 });

    expect(projectJest(loadProjectContext(dir))).toEqual({
      version: '27.0.6',
      from: 'package.json "jest": "27.0.6"',
      location: { file: 'package.json', line: 4 },
    });
    expect(refusal(dir)?.message).toContain('jest 27.0.6 (package.json "jest": "27.0.6") cannot run the generated tests');
    expect(refusal(dir, 'vitest')).toBeUndefined();
    expect(refusal(project({ 'package.json': { devDependencies: { jest: 'latest' } } }))).toBeUndefined();
  });
  it.each([
    { pinned: '0.3.20', refused: false },
    { pinned: '^0.3.20', refused: true },
    { pinned: '~0.3.20', refused: true },
    { pinned: '0.3.31', refused: true },
  ])('reads typeorm $pinned from package.json when it is not installed: refused $refused', ({ pinned, refused }) => {
    const manifest = { name: 'app', dependencies: { typeorm: pinned }, devDependencies: { jest: '27.0.6' } };

    expect(refusal(project({ 'package.json': manifest })) !== undefined).toBe(refused);
  });
});

describe('gen infra on a jest 27 project', () => {
  it('exits 2 naming the jest version and the upgrade, and writes nothing', async () => {
    // The project's own node_modules holds jest 27.0.6; TypeORM (0.3.28 or newer) and TypeScript come from the folder above.
    const root = writeProject({});
    const files = {
      ...PLAYLIST,
      'package.json': NEST_8,
      'node_modules/jest/package.json': '{ "name": "jest", "version": "27.0.6" }',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'app', path)), { recursive: true });
      writeFileSync(join(root, 'app', path), content);
    }
    writeFileSync(join(root, 'app', 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true } }));

    const run = await runGen(['infra', 'playlist', '--cwd', join(root, 'app')]);

    expect(run.code).toBe(2);
    expect(run.err).toContain('package.json:4: jest 27.0.6 (node_modules/jest) cannot run the generated tests');
    expect(existsSync(join(root, 'app', 'src', 'infrastructure'))).toBe(false);
  });
});

describe('gen infra on a project whose TypeScript and jest are both too old, and whose domain gen would refuse too', () => {
  it('names both upgrades in one run, before any refusal of the domain', async () => {
    const root = writeProject({});
    const files = {
      ...PLAYLIST,
      'src/domain/aggregates/playlist/playlist.ts': 'export class Playlist {}\n',
      'package.json': NEST_8,
      'node_modules/jest/package.json': '{ "name": "jest", "version": "27.0.6" }',
      'node_modules/typescript/package.json': '{ "name": "typescript", "version": "4.4.3" }',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, 'app', path)), { recursive: true });
      writeFileSync(join(root, 'app', path), content);
    }
    writeFileSync(join(root, 'app', 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true } }));

    const run = await runGen(['infra', 'playlist', '--cwd', join(root, 'app')]);

    expect(run.code).toBe(2);
    expect(run.err).toContain("the project's toolchain cannot compile or run the generated code (2 problems)");
    expect(run.err).toContain('TypeScript 4.4.3 (node_modules/typescript) is older than TypeORM 0.3 needs');
    expect(run.err).toContain('package.json:4: jest 27.0.6 (node_modules/jest) cannot run the generated tests');
    expect(run.err).not.toContain('no state to store');
    expect(existsSync(join(root, 'app', 'src', 'infrastructure'))).toBe(false);
  });
});
