import { GenError, type SourceLocation } from '../errors.js';
import { ENTITY_STYLES, isEntityStyle, type EntityStyle } from './entity-style.js';
import {
  LAYOUT_KEYS,
  PRESET_NAMES,
  SHARED_KEYS,
  isPresetName,
  type LayoutKey,
  type LayoutTemplate,
  type PresetName,
} from './layout-presets.js';
import { parseColumnOverride, type ColumnOverride } from './column-overrides.js';
import { parseRename, type ColumnRename } from './column-renames.js';
import { parseOptionConfig, type OptionConfig } from './option-config.js';
import { CONCURRENCY_MODES, type Concurrency } from './concurrency.js';
import { parseDateTypes } from './date-types.js';
import type { LibraryDateRule } from '../read/library-dates.js';

/** Layout keys set in gen.config.json, at the top level or for one feature; `context` picks the `{context}`. */
export type LayoutOverrides = Partial<LayoutTemplate> & { context?: string };

/** The layout as gen.config.json describes it: folders are resolved per feature by the feature locator. */
export interface LayoutConfig {
  /** `"layout"`: the preset the keys start from; undefined when not named. */
  preset: PresetName | undefined;
  /** Keys set at the top level, over the preset. */
  paths: LayoutOverrides;
  /** `"features": { "<name>": { ...keys } }`: keys for one feature, over the rest. */
  features: Record<string, LayoutOverrides>;
  /** The text of gen.config.json, to point at its lines in messages ('' without one). */
  text: string;
}

export interface ProjectConfig {
  layout: LayoutConfig;
  /** Static factories that rebuild a class from storage, tried in this order before `create` and the constructor. */
  rehydrators: string[];
  /** Column renames (`orders.note=comment`), a committed decision instead of a drop + add. */
  renames: ColumnRename[];
  /** Column types the project sets (`"orders.quantity": "integer"`), instead of the type gen derives. */
  columns: ColumnOverride[];
  /** `"entityStyle"`: decorated entity classes or EntitySchemas, instead of what the tsconfig implies. */
  entityStyle?: EntityStyle;
  /** `"framework"`: `"nest"` writes a persistence module per feature; default: nest where package.json has `@nestjs/typeorm`. */
  framework?: Framework;
  /** Write the domain events an aggregate recorded to the `outbox` table when it is saved (same as --outbox). */
  outbox: boolean;
  /** The project's own Option/Maybe wrapper (`"option"`), beside the libraries gen knows. */
  option?: OptionConfig;
  /** `"optimistic"`: each aggregate root gets a version column that rejects stale saves; `"none"`: last write wins. */
  concurrency: Concurrency;
  /** `"planWarnings": false`: the project does not follow the plan method's earlier steps; do not warn about them every run. */
  planWarnings: boolean;
  /** `"samples": { "Money.currency": ["EUR", "USD"] }`: values the generated tests try first for a class's field. */
  samples: SampleConfig;
  /** Modules the team accepts in the domain (`"allowDomainImports": ["pino"]`): never refused as infrastructure. */
  allowDomainImports: string[];
  /** `"ids": { "Staff": "staffCode" }`: the field that is an aggregate's key, where gen finds no id or cannot tell. */
  ids: Record<string, string>;
  /** `"firstPage": 0 | 1`: the number of a page request's first page; undefined: not said (gen reads 0 and warns). */
  firstPage?: FirstPage;
  /** `"dateTypes"`: date classes of libraries gen does not know, and how to build one from a Date (library-dates.ts). */
  dateTypes: LibraryDateRule[];
}

/** The number of the first page in the project's page requests: Spring Data counts from 0, many NestJS codebases from 1. */
export type FirstPage = 0 | 1;

/** Sample values by `Class.field` (or `Class.object.field` for an object with no class of its own), tried before gen's own guesses (src/samples/sample-candidates.ts). */
export type SampleConfig = Record<string, (string | number | boolean)[]>;

export const CONFIG_FILE = 'gen.config.json';

/** Static factories meant for rebuilding from storage, tried before `create` and the constructor (`rehydrators`). */
export const DEFAULT_REHYDRATORS = [
  'reconstitute',
  'reconstruct',
  'restore',
  'rehydrate',
  'fromPersistence',
  'fromPrimitives',
  'hydrate',
  'load',
  'createFromExisting',
];

/** No gen.config.json: the layout is detected, everything else is gen's default. */
export const DEFAULT_CONFIG: ProjectConfig = {
  layout: { preset: undefined, paths: {}, features: {}, text: '' },
  rehydrators: DEFAULT_REHYDRATORS,
  renames: [],
  columns: [],
  outbox: false,
  concurrency: 'optimistic',
  planWarnings: true,
  samples: {},
  allowDomainImports: [],
  ids: {},
  dateTypes: [],
};

const SETTINGS = [
  '$schema',
  'layout',
  'features',
  'context',
  ...LAYOUT_KEYS,
  'rehydrators',
  'renames',
  'columns',
  'entityStyle',
  'framework',
  'outbox',
  'option',
  'concurrency',
  'planWarnings',
  'samples',
  'allowDomainImports',
  'ids',
  'firstPage',
  'dateTypes',
];

export const FRAMEWORKS = ['nest', 'none'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** gen.config.json's settings from its text (undefined: the project has none). */
export function parseProjectConfig(text: string | undefined): ProjectConfig {
  if (text === undefined) return freshDefault();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new GenError(`${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`, { file: CONFIG_FILE, line: 1 });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GenError(`${CONFIG_FILE} must hold a JSON object`, {
      file: CONFIG_FILE,
      line: 1,
    });
  }
  const config = freshDefault();
  config.layout.text = text;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = { file: CONFIG_FILE, line: keyLine(text, key) };
    if (key === '$schema') continue;
    if (!SETTINGS.includes(key)) {
      throw new GenError(
        `${CONFIG_FILE}: unknown setting '${key}'`,
        at,
        `Known settings: ${SETTINGS.filter((s) => s !== '$schema').join(', ')}.`,
      );
    }
    if (key === 'layout') {
      if (!isPresetName(value)) {
        throw new GenError(
          `${CONFIG_FILE}: 'layout' must be one of ${PRESET_NAMES.map((n) => `"${n}"`).join(', ')}`,
          at,
          'Or leave it out and set the folders one by one (domainDir, portDir, ...).',
        );
      }
      config.layout.preset = value;
      continue;
    }
    if (key === 'features') {
      config.layout.features = parseFeatures(value, text);
      continue;
    }
    if (key === 'rehydrators') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /^[A-Za-z_$][\w$]*$/.test(v))) {
        throw new GenError(
          `${CONFIG_FILE}: 'rehydrators' must be a list of method names`,
          at,
          'For example: "rehydrators": ["reconstitute", "fromSnapshot"].',
        );
      }
      config.rehydrators = value as string[];
      continue;
    }
    if (key === 'renames') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new GenError(`${CONFIG_FILE}: 'renames' must be a list like ["orders.note=comment"]`, at);
      }
      config.renames = (value as string[]).map((v) => parseRename(v, `${CONFIG_FILE}: renames`));
      continue;
    }
    if (key === 'planWarnings') {
      if (typeof value !== 'boolean')
        throw new GenError(
          `${CONFIG_FILE}: 'planWarnings' must be true or false`,
          at,
          "false: no warnings about the plan method's earlier documents and application layer.",
        );
      config.planWarnings = value;
      continue;
    }
    if (key === 'outbox') {
      if (typeof value !== 'boolean') throw new GenError(`${CONFIG_FILE}: 'outbox' must be true or false`, at);
      config.outbox = value;
      continue;
    }
    if (key === 'columns') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new GenError(`${CONFIG_FILE}: 'columns' must be an object like { "orders.quantity": "integer" }`, at);
      }
      config.columns = Object.entries(value).map(([column, type]) =>
        parseColumnOverride(column, type, {
          file: CONFIG_FILE,
          line: keyLine(text, column),
        }),
      );
      continue;
    }
    if (key === 'entityStyle') {
      if (!isEntityStyle(value)) {
        throw new GenError(
          `${CONFIG_FILE}: 'entityStyle' must be ${ENTITY_STYLES.map((s) => `"${s}"`).join(' or ')}`,
          at,
          '"class": decorated entities (needs experimentalDecorators); "schema": EntitySchema definitions, no decorators.',
        );
      }
      config.entityStyle = value;
      continue;
    }
    if (key === 'framework') {
      if (!FRAMEWORKS.includes(value as Framework)) {
        throw new GenError(
          `${CONFIG_FILE}: 'framework' must be ${FRAMEWORKS.map((f) => `"${f}"`).join(' or ')}`,
          at,
          '"nest": a NestJS persistence module per feature; "none": no framework wiring.',
        );
      }
      config.framework = value as Framework;
      continue;
    }
    if (key === 'concurrency') {
      if (!CONCURRENCY_MODES.includes(value as Concurrency)) {
        throw new GenError(
          `${CONFIG_FILE}: 'concurrency' must be ${CONCURRENCY_MODES.map((m) => `"${m}"`).join(' or ')}`,
          at,
          '"optimistic" (the default): a version column rejects a save of a stale aggregate; "none": no version column, the last write wins.',
        );
      }
      config.concurrency = value as Concurrency;
      continue;
    }
    if (key === 'samples') {
      config.samples = parseSamples(value, text, at);
      continue;
    }
    if (key === 'allowDomainImports') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
        throw new GenError(
          `${CONFIG_FILE}: 'allowDomainImports' must be a list of modules`,
          at,
          'Packages or project paths the domain may import, e.g. "allowDomainImports": ["pino", "src/shared/logger"].',
        );
      }
      config.allowDomainImports = (value as string[]).map((v) => v.replace(/^\.\//, ''));
      continue;
    }
    if (key === 'ids') {
      if (
        typeof value !== 'object' ||
        value === null ||
        Array.isArray(value) ||
        !Object.entries(value).every(([k, v]) => /^[A-Za-z_$][\w$]*$/.test(k) && typeof v === 'string' && /^[A-Za-z_$][\w$]*$/.test(v))
      ) {
        throw new GenError(
          `${CONFIG_FILE}: 'ids' must map aggregate names to one of their fields`,
          at,
          'For example: "ids": { "Staff": "staffCode" } (a key of several fields is not supported).',
        );
      }
      config.ids = { ...(value as Record<string, string>) };
      continue;
    }
    if (key === 'firstPage') {
      if (value !== 0 && value !== 1) {
        throw new GenError(
          `${CONFIG_FILE}: 'firstPage' must be 0 or 1`,
          at,
          'The number a page request gives its first page: 0 when `page: 0` asks for the first rows, 1 when `page: 1` does.',
        );
      }
      config.firstPage = value;
      continue;
    }
    if (key === 'option') {
      config.option = parseOptionConfig(value, at);
      continue;
    }
    if (key === 'dateTypes') {
      config.dateTypes = parseDateTypes(value, at);
      continue;
    }
    setLayoutKey(config.layout.paths, key, value, at);
  }
  return config;
}

function freshDefault(): ProjectConfig {
  return {
    ...DEFAULT_CONFIG,
    layout: { ...DEFAULT_CONFIG.layout, paths: {}, features: {} },
    renames: [],
    columns: [],
    samples: {},
    allowDomainImports: [],
    ids: {},
    dateTypes: [],
  };
}

const SAMPLES_EXAMPLE = '"samples": { "Money.currency": ["EUR", "USD", "GBP", "JPY"] }';

function parseSamples(value: unknown, text: string, at: SourceLocation): SampleConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GenError(`${CONFIG_FILE}: 'samples' must be an object of lists by Class.field`, at, `For example: ${SAMPLES_EXAMPLE}.`);
  }
  const samples: SampleConfig = {};
  for (const [key, values] of Object.entries(value)) {
    const keyAt = { file: CONFIG_FILE, line: keyLine(text, key, at.line) };
    // `Class.field`, or a path into the objects a class holds (`Reservation.customer.email`).
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(key)) {
      throw new GenError(
        `${CONFIG_FILE}: samples key '${key}' must name a class and one of its fields, like "Money.currency" (or a field of an object it holds, like "Reservation.customer.email")`,
        keyAt,
        `For example: ${SAMPLES_EXAMPLE}.`,
      );
    }
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    ) {
      throw new GenError(
        `${CONFIG_FILE}: samples.${key} must be a non-empty list of strings, numbers or booleans`,
        keyAt,
        `For example: ${SAMPLES_EXAMPLE}; dates as ISO strings.`,
      );
    }
    samples[key] = values;
  }
  return samples;
}

const FEATURE_KEYS = ['context', ...LAYOUT_KEYS.filter((k) => !SHARED_KEYS.includes(k))];

function parseFeatures(value: unknown, text: string): Record<string, LayoutOverrides> {
  const at = { file: CONFIG_FILE, line: keyLine(text, 'features') };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GenError(`${CONFIG_FILE}: 'features' must be an object like { "billing": { "domainDir": "src/billing/domain" } }`, at);
  }
  const features: Record<string, LayoutOverrides> = {};
  for (const [feature, keys] of Object.entries(value as Record<string, unknown>)) {
    const featureAt = {
      file: CONFIG_FILE,
      line: keyLine(text, feature, at.line),
    };
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new GenError(
        `${CONFIG_FILE}: features.${feature} must be an object of folders, like { "domainDir": "src/${feature}/domain" }`,
        featureAt,
      );
    }
    const overrides: LayoutOverrides = {};
    for (const [key, folder] of Object.entries(keys as Record<string, unknown>)) {
      const keyAt = {
        file: CONFIG_FILE,
        line: keyLine(text, key, featureAt.line),
      };
      if (!FEATURE_KEYS.includes(key)) {
        const shared = SHARED_KEYS.includes(key as LayoutKey) ? ` ('${key}' is shared by every feature: set it at the top level)` : '';
        throw new GenError(
          `${CONFIG_FILE}: unknown setting '${key}' for feature '${feature}'${shared}`,
          keyAt,
          `Known settings of a feature: ${FEATURE_KEYS.join(', ')}.`,
        );
      }
      setLayoutKey(overrides, key, folder, keyAt);
    }
    features[feature] = overrides;
  }
  return features;
}

function setLayoutKey(target: LayoutOverrides, key: string, value: unknown, at: SourceLocation): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new GenError(`${CONFIG_FILE}: '${key}' must be a non-empty ${key === 'context' ? 'context name' : 'folder path'}`, at);
  }
  const path = value.replace(/\/+$/, '').replace(/^\.\//, '');
  if (key === 'context') {
    if (path.includes('/') || path.includes('{')) throw new GenError(`${CONFIG_FILE}: 'context' must be one folder name, like "mooc"`, at);
    target.context = path;
    return;
  }
  if (path.startsWith('/') || path.split('/').includes('..')) {
    throw new GenError(`${CONFIG_FILE}: '${key}' must be a folder inside the project, relative to its root: '${value}' is not`, at);
  }
  if (SHARED_KEYS.includes(key as LayoutKey) && /\{(feature|context)\}/.test(path)) {
    throw new GenError(
      `${CONFIG_FILE}: '${key}' is shared by every feature, so it cannot hold {feature} or {context}: '${value}'`,
      at,
      'Name one folder for the whole project, e.g. "src/infrastructure".',
    );
  }
  const unknown = path.match(/\{(?!feature\}|context\})[A-Za-z]+\}/);
  if (unknown) {
    throw new GenError(
      `${CONFIG_FILE}: '${key}' holds the placeholder ${unknown[0]}, which gen does not know`,
      at,
      'The placeholders are {feature} and {context}.',
    );
  }
  target[key as LayoutKey] = path;
}

/** The line of a key in the config's text, for messages (1 if it cannot be found as written); the first at or after line `from`. */
export function keyLine(text: string, key: string, from = 1): number {
  const start = text
    .split('\n')
    .slice(0, from - 1)
    .reduce((length, line) => length + line.length + 1, 0);
  const at = text.indexOf(JSON.stringify(key), start);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
