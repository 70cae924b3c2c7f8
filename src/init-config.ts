import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GenError } from './errors.js';
import { detectProjectLayouts } from './read/feature-locator.js';
import { discoverFeatures } from './read/code-layout.js';
import { LAYOUT_PRESETS, SHARED_KEYS, type LayoutTemplate, type PresetName } from './config/layout-presets.js';
import { CONFIG_FILE } from './config/project-config.js';
import { GEN } from './gen-command.js';
import { loadProjectContext } from './project-context.js';

// `gen init` is a command of its own beside generate.ts: it reads the project (read/) to fill gen.config.json (config/).

/** What `gen init` writes: gen.config.json naming the project's layout. */
export interface InitialConfig {
  path: string;
  content: string;
  /** None when the features were found from their ports and no preset names their folders. */
  preset?: PresetName;
  /** The features that fit the preset (none when it was named with --layout and nothing fits yet). */
  features: string[];
  detected: boolean;
}

/** gen.config.json for the layout the project's features are in, or for `preset` when one is named. */
export function initialConfig(projectRoot: string, preset?: PresetName): InitialConfig {
  if (existsSync(join(projectRoot, CONFIG_FILE))) {
    throw new GenError(
      `${CONFIG_FILE} already exists; gen init does not overwrite it`,
      { file: CONFIG_FILE, line: 1 },
      `Edit it by hand (set "layout" to one of ${Object.keys(LAYOUT_PRESETS).join(', ')}), or delete it and run gen init again.`,
    );
  }
  const project = loadProjectContext(projectRoot);
  const found = detectProjectLayouts(project);
  const content = (name: PresetName) => `${JSON.stringify({ layout: name }, null, 2)}\n`;
  if (preset !== undefined) {
    return {
      path: CONFIG_FILE,
      content: content(preset),
      preset,
      features: found.find((f) => f.preset === preset)?.features ?? [],
      detected: false,
    };
  }
  const only = found[0];
  if (only && found.length === 1)
    return { path: CONFIG_FILE, content: content(only.preset), preset: only.preset, features: only.features, detected: true };
  const looked = Object.entries(LAYOUT_PRESETS)
    .map(([name, t]) => `${name} (${t.domainDir}/ with a port in ${t.portDir}/)`)
    .join(', ');
  if (found.length === 0) {
    // No preset fits: the folders each aggregate's ports were found in, written down feature by feature.
    const inCode = discoverFeatures(project);
    if (inCode.length > 0)
      return { path: CONFIG_FILE, content: featuresConfig(inCode), features: inCode.map((f) => f.feature), detected: true };
    throw new GenError(
      `no layout detected: no feature of the project fits a preset; looked for ${looked}`,
      undefined,
      `Write the domain layer and its repository port first, or name the layout: ${GEN} init --layout modules (then set the folders that differ in gen.config.json).`,
    );
  }
  const list = found.map((f) => `${f.preset} (${f.features.join(', ')})`).join('; ');
  throw new GenError(
    `${found.length} layouts fit features of the project: ${list}`,
    undefined,
    `Name one with: ${GEN} init --layout ${found[0].preset}, then set the folders of the other features under "features" in ${CONFIG_FILE}.`,
  );
}

/** The shared folders once at the top (every feature agrees on them), each feature's own folders under "features". */
function featuresConfig(features: { feature: string; paths: LayoutTemplate }[]): string {
  const shared = Object.fromEntries(SHARED_KEYS.map((key) => [key, features[0].paths[key]]));
  const own = Object.fromEntries(
    features.map(({ feature, paths }) => [
      feature,
      Object.fromEntries(Object.entries(paths).filter(([key]) => !(SHARED_KEYS as readonly string[]).includes(key))),
    ]),
  );
  return `${JSON.stringify({ ...shared, features: own }, null, 2)}\n`;
}
