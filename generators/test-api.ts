import type { TestRunner } from '../src/config/test-runner.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { Artifact, GeneratorContext } from '../src/render/artifact.js';
import type { ModuleSpecifiers } from '../src/render/module-specifiers.js';

/**
 * Mocha projects: the generated tests are written once, against the vitest/jest API (`describe.each`, `beforeAll`,
 * `expect(…).toStrictEqual`); this one file per project gives exactly that API on mocha's globals and node:assert,
 * so the templates stay single-source and the project needs no new dependency. Nothing for vitest or jest.
 */
export function testApi({ layout, testRunner }: GeneratorContext): Artifact | undefined {
  if (testRunner.name !== 'mocha') return undefined;
  return { path: layout.testApi, template: 'test-api.ejs', source: layout.manifest, data: {} };
}

/** Where a generated test at `from` imports `describe`, `it`, the hooks and `expect` from. */
export function testApiModule(runner: TestRunner, specifiers: ModuleSpecifiers, from: string, layout: ArtifactLayout): string {
  return runner.name === 'mocha' ? specifiers.generated(from, layout.testApi) : runner.module;
}
