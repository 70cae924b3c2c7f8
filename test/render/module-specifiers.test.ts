import { describe, expect, it } from 'vitest';
import { DEFAULT_MODULE_SETTINGS, type ModuleSettings } from '../../src/model/module-settings.js';
import { ModuleSpecifiers } from '../../src/render/module-specifiers.js';

const MAPPER = 'src/modules/wallet/infrastructure/persistence/mappers/wallet.mapper.ts';
const MODEL = 'src/modules/wallet/infrastructure/persistence/models/wallet.model.ts';
const DOMAIN = 'src/modules/wallet/domain/wallet.ts';

function settings(overrides: Partial<ModuleSettings>): ModuleSettings {
  return { ...DEFAULT_MODULE_SETTINGS, ...overrides };
}

const MODULES_ALIAS = { pattern: '@modules/*', targets: ['src/modules/*'] };

describe('ModuleSpecifiers', () => {
  it.each([
    { name: 'bundler, no aliases', settings: settings({}), generated: '../models/wallet.model', source: '../../../domain/wallet' },
    {
      name: 'ESM NodeNext',
      settings: settings({ extension: '.js' }),
      generated: '../models/wallet.model.js',
      source: '../../../domain/wallet.js',
    },
    {
      name: 'an alias declared but not used by the project',
      settings: settings({ aliases: [MODULES_ALIAS] }),
      generated: '../models/wallet.model',
      source: '../../../domain/wallet',
    },
    {
      name: 'a wildcard alias the project uses',
      settings: settings({ aliases: [MODULES_ALIAS], usedAliases: ['@modules/*'] }),
      generated: '../models/wallet.model',
      source: '@modules/wallet/domain/wallet',
    },
    {
      name: 'an alias under ESM NodeNext',
      settings: settings({ extension: '.js', aliases: [MODULES_ALIAS], usedAliases: ['@modules/*'] }),
      generated: '../models/wallet.model.js',
      source: '@modules/wallet/domain/wallet.js',
    },
    {
      name: 'the most used alias that covers the file',
      settings: settings({
        aliases: [
          { pattern: '@/*', targets: ['src/*'] },
          { pattern: '@wallet/*', targets: ['src/modules/wallet/*'] },
        ],
        usedAliases: ['@wallet/*', '@/*'],
      }),
      generated: '../models/wallet.model',
      source: '@wallet/domain/wallet',
    },
    {
      name: 'a used alias that does not cover the file: relative',
      settings: settings({ aliases: [{ pattern: '@shared/*', targets: ['src/shared/*'] }], usedAliases: ['@shared/*'] }),
      generated: '../models/wallet.model',
      source: '../../../domain/wallet',
    },
    {
      name: 'an alias with a later target that covers the file',
      settings: settings({ aliases: [{ pattern: '~/*', targets: ['lib/*', 'src/*'] }], usedAliases: ['~/*'] }),
      generated: '../models/wallet.model',
      source: '~/modules/wallet/domain/wallet',
    },
    {
      name: 'an exact alias of an index file',
      settings: settings({
        extension: '.js',
        aliases: [{ pattern: '@wallet', targets: ['src/modules/wallet/domain'] }],
        usedAliases: ['@wallet'],
      }),
      generated: '../models/wallet.model.js',
      source: '@wallet',
      to: 'src/modules/wallet/domain/index.ts',
    },
  ])('$name', ({ settings, generated, source, to }) => {
    const specifiers = new ModuleSpecifiers(settings);
    expect(specifiers.generated(MAPPER, MODEL)).toBe(generated);
    expect(specifiers.source(MAPPER, to ?? DOMAIN)).toBe(source);
  });

  it('imports a file in the same folder with ./', () => {
    expect(new ModuleSpecifiers(settings({ extension: '.js' })).generated('src/a/x.ts', 'src/a/y.ts')).toBe('./y.js');
  });
});
