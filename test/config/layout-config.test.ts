import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_KEYS, LAYOUT_PRESETS, PRESET_NAMES, SHARED_KEYS, presetPaths } from '../../src/config/layout-presets.js';
import { type LayoutOverrides } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { layoutTemplate } from '../../src/read/feature-locator.js';
import { loadProjectContext } from '../../src/project-context.js';

function load(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-config-'));
  writeFileSync(join(dir, 'gen.config.json'), text);
  return loadProjectContext(dir).config;
}

function loadError(text: string): GenError {
  try {
    load(text);
  } catch (error) {
    if (error instanceof GenError) return error;
    throw error;
  }
  throw new Error('expected a GenError');
}

describe('layout presets', () => {
  it('give every key, and keep the shared folders free of placeholders', () => {
    for (const preset of PRESET_NAMES) {
      expect(Object.keys(LAYOUT_PRESETS[preset]).sort()).toEqual([...LAYOUT_KEYS].sort());
      for (const key of SHARED_KEYS) expect(LAYOUT_PRESETS[preset][key]).not.toMatch(/\{(feature|context)\}/);
    }
  });

  it.each([
    [
      'plan',
      undefined,
      'src/domain/aggregates/ordering',
      'src/domain/aggregates/ordering',
      'src/application',
      'src/infrastructure',
      'tests/integration/infrastructure',
    ],
    [
      'modules',
      undefined,
      'src/modules/ordering/domain',
      'src/modules/ordering/database',
      'src/modules/ordering/commands',
      'src/modules/ordering/infrastructure',
      'tests/ordering',
    ],
    [
      'contexts',
      'sales',
      'src/contexts/sales/ordering/domain',
      'src/contexts/sales/ordering/domain',
      'src/contexts/sales/ordering/application',
      'src/contexts/sales/ordering/infrastructure',
      'tests/contexts/sales/ordering',
    ],
    [
      'repos',
      undefined,
      'src/modules/ordering/domain',
      'src/modules/ordering/repos',
      'src/modules/ordering/useCases',
      'src/modules/ordering/infra',
      'tests/ordering',
    ],
  ] as const)(
    '%s puts the feature where such projects have it',
    (preset, context, domainDir, portDir, applicationDir, infrastructureDir, testsDir) => {
      expect(presetPaths(preset, 'ordering', context)).toMatchObject({
        domainDir,
        portDir,
        applicationDir,
        infrastructureDir,
        testsDir,
        plansDir: 'documentation/plans/ordering',
      });
    },
  );
});

describe('gen.config.json layout', () => {
  it('reads the preset, the project keys and the per-feature keys', () => {
    const config = load(`{
  "layout": "modules",
  "testsDir": "test/{feature}",
  "features": {
    "billing": { "domainDir": "src/billing/core", "context": "money" }
  }
}
`);

    expect(config.layout.preset).toBe('modules');
    expect(config.layout.paths).toEqual({ testsDir: 'test/{feature}' });
    expect(config.layout.features).toEqual({ billing: { domainDir: 'src/billing/core', context: 'money' } });
  });

  it.each([
    ['an unknown preset', '{\n  "layout": "hexagon"\n}', /'layout' must be one of "plan", "modules", "contexts", "repos"/, 2],
    ['an unknown key', '{\n  "layout": "repos",\n  "portFolder": "src/ports"\n}', /unknown setting 'portFolder'/, 3],
    [
      'an unknown key of a feature',
      '{\n  "features": {\n    "billing": {\n      "domainDir": "src/billing",\n      "portDirectory": "x"\n    }\n  }\n}',
      /unknown setting 'portDirectory' for feature 'billing'/,
      5,
    ],
    [
      'a shared folder set for one feature',
      '{\n  "features": {\n    "billing": { "databaseDir": "src/db" }\n  }\n}',
      /'databaseDir' is shared by every feature: set it at the top level/,
      3,
    ],
    [
      'a shared folder that depends on the feature',
      '{\n  "databaseDir": "src/{feature}/db"\n}',
      /'databaseDir' is shared by every feature, so it cannot hold \{feature\} or \{context\}/,
      2,
    ],
    [
      'an unknown placeholder',
      '{\n  "domainDir": "src/{module}/domain"\n}',
      /holds the placeholder \{module\}, which gen does not know/,
      2,
    ],
    ['a folder outside the project', '{\n  "infrastructureDir": "../elsewhere"\n}', /must be a folder inside the project/, 2],
    ['a folder that is not a string', '{\n  "testsDir": 3\n}', /'testsDir' must be a non-empty folder path/, 2],
    ['features that are not an object', '{\n  "features": ["billing"]\n}', /'features' must be an object/, 2],
  ])('rejects %s, with its line', (_case, text, message, line) => {
    const error = loadError(text);

    expect(error.message).toMatch(message);
    expect(error.location).toEqual({ file: 'gen.config.json', line });
  });
});

describe('layoutTemplate', () => {
  const keys = (overrides: LayoutOverrides) => overrides;

  it.each([
    ['the preset as it is', 'modules', keys({}), {}, LAYOUT_PRESETS.modules],
    // The plan preset keeps the port in the domain folder, and shared files with the feature's: they follow a moved folder.
    [
      'a moved domain folder, the port following it',
      'plan',
      keys({ domainDir: 'src/{feature}/domain' }),
      {},
      { domainDir: 'src/{feature}/domain', portDir: 'src/{feature}/domain' },
    ],
    [
      'a moved infrastructure folder, shared files following it',
      'plan',
      keys({ infrastructureDir: 'src/infra' }),
      {},
      { infrastructureDir: 'src/infra', databaseDir: 'src/infra' },
    ],
    [
      'a tests folder per feature, shared tests staying put',
      'plan',
      keys({ testsDir: 'test/{feature}' }),
      {},
      { testsDir: 'test/{feature}', sharedTestsDir: 'tests/integration/infrastructure' },
    ],
    [
      'a port folder kept apart from a moved domain',
      'modules',
      keys({ domainDir: 'src/modules/{feature}/core' }),
      {},
      { domainDir: 'src/modules/{feature}/core', portDir: 'src/modules/{feature}/database' },
    ],
    [
      'a feature key over a project key',
      'repos',
      keys({ applicationDir: 'src/app' }),
      keys({ applicationDir: 'src/modules/{feature}/application' }),
      { applicationDir: 'src/modules/{feature}/application' },
    ],
  ] as const)('%s', (_case, preset, project, feature, expected) => {
    expect(layoutTemplate(preset, project, feature)).toMatchObject(expected);
  });
});
