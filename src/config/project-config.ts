import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenError } from '../errors.js';
import { DEFAULT_REHYDRATORS } from '../read/class-state-reader.js';
import { parseColumnOverride, type ColumnOverride } from '../map/column-overrides.js';
import { parseRename } from '../migrate/migration-plan.js';
import type { ColumnRename } from '../migrate/schema-diff.js';

/** Folders of a project, relative to its root; `{feature}` is replaced by the feature name. */
export interface ProjectConfig {
  domainDir: string;
  applicationDir: string;
  plansDir: string;
  infrastructureDir: string;
  testsDir: string;
  /** Static factories that rebuild a class from storage, tried in this order before `create` and the constructor. */
  rehydrators: string[];
  /** Column renames (`orders.note=comment`), a committed decision instead of a drop + add. */
  renames: ColumnRename[];
  /** Column types the project sets (`"orders.quantity": "integer"`), instead of the type gen derives. */
  columns: ColumnOverride[];
}

export const CONFIG_FILE = 'gen.config.json';

/** The plan method's layout. */
export const DEFAULT_CONFIG: ProjectConfig = {
  domainDir: 'src/domain/aggregates/{feature}',
  applicationDir: 'src/application',
  plansDir: 'documentation/plans/{feature}',
  infrastructureDir: 'src/infrastructure',
  testsDir: 'tests/integration/infrastructure',
  rehydrators: DEFAULT_REHYDRATORS,
  renames: [],
  columns: [],
};

export function loadProjectConfig(projectRoot: string): ProjectConfig {
  const path = join(projectRoot, CONFIG_FILE);
  if (!existsSync(path)) return { ...DEFAULT_CONFIG, renames: [], columns: [] };
  let raw: unknown;
  const text = readFileSync(path, 'utf8');
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new GenError(`${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`, { file: CONFIG_FILE, line: 1 });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GenError(`${CONFIG_FILE} must hold a JSON object`, { file: CONFIG_FILE, line: 1 });
  }
  const config: ProjectConfig = { ...DEFAULT_CONFIG, renames: [], columns: [] };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (!(key in DEFAULT_CONFIG)) {
      throw new GenError(`${CONFIG_FILE}: unknown setting '${key}'`, { file: CONFIG_FILE, line: 1 }, `Known settings: ${Object.keys(DEFAULT_CONFIG).join(', ')}.`);
    }
    if (key === 'rehydrators') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && /^[A-Za-z_$][\w$]*$/.test(v))) {
        throw new GenError(`${CONFIG_FILE}: 'rehydrators' must be a list of method names`, { file: CONFIG_FILE, line: 1 }, 'For example: "rehydrators": ["reconstitute", "fromSnapshot"].');
      }
      config.rehydrators = value as string[];
      continue;
    }
    if (key === 'renames') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new GenError(`${CONFIG_FILE}: 'renames' must be a list like ["orders.note=comment"]`, { file: CONFIG_FILE, line: 1 });
      }
      config.renames = (value as string[]).map((v) => parseRename(v, `${CONFIG_FILE}: renames`));
      continue;
    }
    if (key === 'columns') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new GenError(`${CONFIG_FILE}: 'columns' must be an object like { "orders.quantity": "integer" }`, { file: CONFIG_FILE, line: keyLine(text, key) });
      }
      config.columns = Object.entries(value).map(([column, type]) => parseColumnOverride(column, type, { file: CONFIG_FILE, line: keyLine(text, column) }));
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new GenError(`${CONFIG_FILE}: '${key}' must be a non-empty folder path`, { file: CONFIG_FILE, line: 1 });
    }
    config[key as Exclude<keyof ProjectConfig, 'rehydrators' | 'renames' | 'columns'>] = value.replace(/\/+$/, '');
  }
  return config;
}

/** The line of a key in the config's text, for messages (1 if it cannot be found as written). */
function keyLine(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

export function featureDir(template: string, feature: string): string {
  return template.split('{feature}').join(feature);
}
