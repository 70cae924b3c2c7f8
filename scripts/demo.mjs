#!/usr/bin/env node
// `npm run demo [example] [dest]`: gen generating, not re-checking committed output. Copies an example's
// hand-written layers (everything its manifest does not list as generated) into a fresh folder and runs
// `gen infra` there. `--copy-only` stops after the copy (the installed-package test uses it).
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const copyOnly = args.includes('--copy-only');
const [example = 'catalog', destination] = args.filter((a) => !a.startsWith('--'));
const source = join(root, 'examples', example);
const manifestPath = join(source, '.gen/manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`demo: no example '${example}' with generated output (examples/${example}/.gen/manifest.json)`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const features = Object.entries(manifest.features).filter(([name]) => !name.startsWith('<'));
// The manifest lists only what gen owns: user-owned files (hand-written methods) are kept, like the domain.
const generated = new Set(Object.keys(manifest.files));
const dest = destination ? resolve(destination) : mkdtempSync(join(tmpdir(), `gen-demo-${example}-`));

cpSync(source, dest, {
  recursive: true,
  filter: (path) => {
    const rel = relative(source, path).split('\\').join('/');
    return rel === '' || !(rel === '.gen' || rel.startsWith('.gen/') || rel === 'node_modules' || generated.has(rel));
  },
});
removeEmptyFolders(dest);
if (copyOnly) process.exit(0);

// The example's generated code compiles against gen's own TypeORM and SQLite.
if (!existsSync(join(dest, 'node_modules')))
  symlinkSync(
    existsSync(join(source, 'node_modules')) ? join(source, 'node_modules') : join(root, 'node_modules'),
    join(dest, 'node_modules'),
    'dir',
  );
console.log(`A fresh copy of examples/${example}'s domain, in ${dest}:`);
for (const [feature] of features) {
  const run = spawnSync(process.execPath, [join(root, 'bin/gen.js'), 'infra', feature, '--cwd', dest], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
// Its own runner: jest where the example configures jest (a jest.config file, or a `jest` section as Nest writes it).
const ownPackage = existsSync(join(source, 'package.json')) ? JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) : {};
const jest = ownPackage.jest !== undefined || readdirSync(source).some((f) => /^jest\.config\./.test(f));
console.log(`\nLook around in ${dest}; run its generated tests with: cd ${dest} && npx ${jest ? 'jest' : 'vitest run'}`);

function removeEmptyFolders(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
