import { manifestFields, type PackageManifest } from './package-manifest.js';

/**
 * What the project tells mocha, as far as it says so in plain literals: the options of its .mocharc.* (the first
 * in mocha's own order), of package.json's `mocha` section and of the mocha commands in package.json's scripts.
 * Mocha combines the arrays of all three, so each option here is their union.
 */
export interface MochaOptions {
  /** Where the options were read, for messages: `.mocharc.json`, `package.json (mocha)`, `package.json (scripts.test)`. */
  sources: string[];
  /** Spec files, folders or globs; undefined when nothing names one (mocha then runs `./test`). */
  spec?: string[];
  /** File extensions mocha looks for in a spec folder. */
  extension: string[];
  recursive: boolean;
  /** What mocha loads before the specs: `require`, `import`, `loader` and `node-option` values, and wrappers such as ts-mocha. */
  loaders: string[];
}

/** Mocha's config files, in the order it looks for them (lib/cli/config.js). */
const CONFIG_FILES = ['.mocharc.cjs', '.mocharc.js', '.mocharc.mjs', '.mocharc.yaml', '.mocharc.yml', '.mocharc.jsonc', '.mocharc.json'];

/** Loaders that let mocha run TypeScript specs. */
const TYPESCRIPT_LOADERS =
  /(^|[\s/=@'"])(ts-node|tsx|@swc-node|@swc\/register|esbuild-register|@esbuild-kit|@babel\/register|sucrase|ts-mocha)\b/;

/** Options that take a value on mocha's command line (everything else starting with `-` is a flag). */
const VALUE_OPTIONS = new Set([
  '--config',
  '--extension',
  '--file',
  '--fgrep',
  '-f',
  '--grep',
  '-g',
  '--ignore',
  '--exclude',
  '--import',
  '--jobs',
  '-j',
  '--loader',
  '--node-option',
  '-n',
  '--package',
  '--reporter',
  '-R',
  '--reporter-option',
  '--reporter-options',
  '-O',
  '--require',
  '-r',
  '--retries',
  '--slow',
  '-s',
  '--spec',
  '--timeout',
  '-t',
  '--ui',
  '-u',
]);

type Raw = Record<string, string[] | boolean>;

/**
 * `configs`: the project's root config files by name, and the files its scripts name with `--config` (see
 * mochaConfigPaths) by project-relative path.
 */
export function mochaOptions(packageManifest: PackageManifest | undefined, configs: ReadonlyMap<string, string>): MochaOptions {
  const raws: { from: string; raw: Raw }[] = [];
  const scripts = mochaScripts(packageManifest);
  const root = CONFIG_FILES.find((name) => configs.has(name));
  for (const file of new Set([...(root ? [root] : []), ...mochaConfigPaths(packageManifest)])) {
    const text = configs.get(file);
    if (text !== undefined) raws.push({ from: file, raw: configFile(file, text) });
  }
  const section = manifestFields(packageManifest)['mocha'];
  if (section && typeof section === 'object')
    raws.push({ from: 'package.json (mocha)', raw: fromObject(section as Record<string, unknown>) });
  raws.push(...scripts);
  const all = (key: string) => raws.flatMap(({ raw }) => (Array.isArray(raw[key]) ? raw[key] : []));
  const spec = all('spec');
  const extension = all('extension').map((ext) => ext.replace(/^\./, ''));
  return {
    sources: raws.map((r) => r.from),
    ...(spec.length > 0 && { spec }),
    extension: extension.length > 0 ? extension : ['js', 'cjs', 'mjs'],
    recursive: raws.some(({ raw }) => raw['recursive'] === true),
    loaders: ['require', 'import', 'loader', 'node-option', 'wrapper'].flatMap(all),
  };
}

/** The config files package.json's mocha scripts name with `--config` (project-relative), read besides the root's .mocharc.*. */
export function mochaConfigPaths(packageManifest: PackageManifest | undefined): string[] {
  const named = mochaScripts(packageManifest).flatMap(({ raw }) => (Array.isArray(raw['config']) ? raw['config'] : []));
  return [...new Set(named.map((path) => path.replace(/^\.\//, '')))];
}

function mochaScripts(packageManifest: PackageManifest | undefined): { from: string; raw: Raw }[] {
  const scripts = manifestFields(packageManifest)['scripts'];
  if (!scripts || typeof scripts !== 'object') return [];
  return Object.entries(scripts as Record<string, unknown>).flatMap(([name, command]) => {
    const raw = typeof command === 'string' ? fromCommand(command) : undefined;
    return raw ? [{ from: `package.json (scripts.${name})`, raw }] : [];
  });
}

/** Whether mocha, as configured, loads a TypeScript compiler or loader before the specs. */
export function loadsTypeScript(options: MochaOptions): boolean {
  return options.loaders.some((loader) => TYPESCRIPT_LOADERS.test(loader));
}

function configFile(name: string, text: string): Raw {
  if (name.endsWith('.json') || name.endsWith('.jsonc')) {
    try {
      const parsed = JSON.parse(withoutComments(text)) as unknown;
      if (parsed && typeof parsed === 'object') return fromObject(parsed as Record<string, unknown>);
    } catch {
      // Read its literals as for a .js config below.
    }
  }
  if (name.endsWith('.yml') || name.endsWith('.yaml')) return fromYaml(text);
  return fromScript(text);
}

function fromObject(config: Record<string, unknown>): Raw {
  const raw: Raw = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string') raw[key] = [value];
    else if (Array.isArray(value)) raw[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'boolean') raw[key] = value;
  }
  return raw;
}

/** `key: value`, `key: [a, b]` and `key:` followed by `- item` lines: what a .mocharc.yml holds. */
function fromYaml(text: string): Raw {
  const raw: Raw = {};
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const entry = /^(['"]?)([\w-]+)\1\s*:\s*(.*?)(?:\s+#.*)?\s*$/.exec(line);
    if (!entry) return;
    const [, , key, value] = entry;
    if (value === 'true' || value === 'false') raw[key] = value === 'true';
    else if (value.startsWith('[')) raw[key] = splitList(value.slice(1, value.lastIndexOf(']')));
    else if (value !== '') raw[key] = [unquote(value)];
    else {
      const items: string[] = [];
      for (const next of lines.slice(index + 1)) {
        const item = /^\s+-\s+(.*?)(?:\s+#.*)?\s*$/.exec(next);
        if (!item) break;
        items.push(unquote(item[1]));
      }
      raw[key] = items;
    }
  });
  return raw;
}

/** The literals of a .mocharc.js: `key: 'value'`, `'key': ['a', "b"]`, `key: true`. */
function fromScript(text: string): Raw {
  const raw: Raw = {};
  const entries = /(['"]?)([\w-]+)\1\s*:\s*(\[[^\]]*\]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`$]*`|true|false)/g;
  for (const [, , key, value] of text.matchAll(entries)) {
    if (value === 'true' || value === 'false') raw[key] = value === 'true';
    else if (value.startsWith('[')) raw[key] = splitList(value.slice(1, -1));
    else raw[key] = [unquote(value)];
  }
  return raw;
}

/** The options of the mocha (or ts-mocha, nyc/c8 mocha) commands in one npm script; undefined when it runs no mocha. */
function fromCommand(command: string): Raw | undefined {
  const raw: Raw = {};
  let found = false;
  for (const part of command.split(/&&|\|\||;|\|/)) {
    const words = (part.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).map(unquote);
    const start = words.findIndex((word) => /(^|\/)(_?mocha|ts-mocha)$/.test(word));
    if (start < 0) continue;
    found = true;
    const add = (key: string, value: string) => {
      const list = raw[key];
      raw[key] = [...(Array.isArray(list) ? list : []), value];
    };
    if (words[start].endsWith('ts-mocha')) add('wrapper', 'ts-mocha');
    for (let i = start + 1; i < words.length; i++) {
      const word = words[i];
      const [flag, inline] =
        word.startsWith('--') && word.includes('=')
          ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
          : [word, undefined];
      if (flag === '--recursive') raw['recursive'] = true;
      else if (VALUE_OPTIONS.has(flag)) {
        const value = inline ?? words[++i];
        if (value === undefined) break;
        const key = { '-r': 'require', '-n': 'node-option' }[flag] ?? flag.replace(/^-+/, '');
        for (const item of key === 'extension' || key === 'spec' || key === 'require' ? value.split(',') : [value]) add(key, item);
      } else if (!flag.startsWith('-') && !word.includes('$')) add('spec', word); // ${VARS} are the shell's
    }
  }
  return found ? raw : undefined;
}

function splitList(items: string): string[] {
  return items
    .split(',')
    .map((item) => unquote(item.trim()))
    .filter((item) => item !== '');
}

function unquote(value: string): string {
  const quoted = /^(['"`])(.*)\1$/.exec(value);
  return quoted ? quoted[2].replace(/\\(.)/g, '$1') : value;
}

/** A .jsonc's text without its comments (outside strings). */
function withoutComments(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_match, string: string | undefined) => string ?? '');
}
