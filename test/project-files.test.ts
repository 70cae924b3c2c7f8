import { describe, expect, it } from 'vitest';
import { presetPaths } from '../src/config/layout-presets.js';
import { artifactLayout } from '../src/layout.js';
import type { FeatureEntry, Manifest } from '../src/manifest.js';
import { nameSet } from '../src/map/naming.js';
import { projectFiles, unneededProjectFiles } from '../src/project-files.js';

const layout = artifactLayout(presetPaths('plan', 'shelving'), nameSet('Shelf'));
const ROWS = layout.aggregateRows;
const INDEX = layout.persistenceIndex;
const OWN = 'src/infrastructure/persistence/models/shelf.model.ts';

const entry = (projectFiles?: string[]): FeatureEntry => ({ aggregate: 'X', entities: [], migrations: [], ...(projectFiles ? { projectFiles } : {}) });
const manifest = (features: Record<string, FeatureEntry>, written: string[]): Manifest => ({ version: 1, features, files: Object.fromEntries(written.map((path) => [path, 'sha256:0'])) });

describe('unneededProjectFiles', () => {
  const cases: { title: string; features: Record<string, FeatureEntry>; written: string[]; now: string[]; want: string[] }[] = [
    { title: 'a file no feature needs any more', features: { shelving: entry([ROWS, INDEX]), catalog: entry([INDEX]) }, written: [ROWS, INDEX], now: [INDEX], want: [ROWS] },
    { title: 'not one another feature still needs', features: { shelving: entry([ROWS, INDEX]), catalog: entry([ROWS, INDEX]) }, written: [ROWS, INDEX], now: [INDEX], want: [] },
    { title: 'not one this run writes', features: { shelving: entry([INDEX]) }, written: [ROWS, INDEX], now: [ROWS, INDEX], want: [] },
    { title: 'nothing while another feature has no record of what it needs', features: { shelving: entry([ROWS]), catalog: entry() }, written: [ROWS, INDEX], now: [INDEX], want: [] },
    { title: 'not one gen never wrote (or the manifest no longer lists)', features: { shelving: entry([ROWS]) }, written: [INDEX], now: [INDEX], want: [] },
    { title: "never a feature's own file", features: { shelving: entry([ROWS]) }, written: [OWN, INDEX], now: [INDEX], want: [] },
  ];
  it.each(cases)('deletes $title', ({ features, written, now, want }) => {
    expect(unneededProjectFiles(layout, manifest(features, written), 'shelving', now)).toEqual(want);
  });
});

it("lists no feature-owned file as the project's", () => {
  expect(projectFiles(layout).has(layout.model)).toBe(false);
  expect(projectFiles(layout).has(layout.repository)).toBe(false);
  expect(projectFiles(layout).has(ROWS)).toBe(true);
});
