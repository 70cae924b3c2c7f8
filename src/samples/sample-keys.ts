import { distance } from 'fastest-levenshtein';
import { compareText } from '../compare.js';
import { CONFIG_FILE, keyLine, type ProjectConfig } from '../config/project-config.js';
import { GenError } from '../errors.js';
import type { PersistenceModel } from '../map/persistence-model.js';
import type { ProjectSources } from '../read/project-sources.js';
import { declaredTypeNames } from '../read/port-discovery.js';
import { sampleKeys } from './accepted-samples.js';

/**
 * Every `"samples"` key must name a field gen samples: a misspelt one would be ignored, and the values with it.
 * A key whose class this feature samples must name one of its fields (at any depth); a key of another class is
 * another feature's, unless no class or type of the project has that name. Refused at the key's line, closest first.
 */
export function checkSampleKeys(models: PersistenceModel[], config: ProjectConfig, sources: ProjectSources): void {
  const configured = Object.keys(config.samples);
  if (configured.length === 0) return;
  const known = [...new Set(models.flatMap(sampleKeys))];
  const classes = new Set(known.map(classOf));
  let declared: Set<string> | undefined;
  for (const key of configured) {
    if (known.includes(key)) continue;
    if (!classes.has(classOf(key))) {
      declared ??= declaredTypeNames(sources);
      if (declared.has(classOf(key))) continue;
    }
    const mine = known.filter((k) => classOf(k) === classOf(key));
    const candidates = (mine.length > 0 ? mine : known).sort(
      (a, b) => distance(key.toLowerCase(), a.toLowerCase()) - distance(key.toLowerCase(), b.toLowerCase()) || compareText(a, b),
    );
    const what =
      mine.length > 0
        ? `${classOf(key)} has no sampled field '${key.slice(classOf(key).length + 1)}'`
        : `no class or type of the project is named '${classOf(key)}'`;
    throw new GenError(
      `${CONFIG_FILE}: samples key '${key}' names no field gen samples: ${what} (closest: ${candidates.slice(0, 5).join(', ') || 'none'})`,
      { file: CONFIG_FILE, line: keyLine(config.layout.text, key, keyLine(config.layout.text, 'samples')) },
      candidates.length > 0
        ? `Name the field as its key is spelled there (did you mean "${candidates[0]}"?), or remove the entry.`
        : 'Remove the entry: this feature samples no field.',
    );
  }
}

/** `Reservation` of `Reservation.customer.email`. */
function classOf(key: string): string {
  return key.slice(0, key.indexOf('.'));
}
