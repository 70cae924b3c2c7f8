import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { kebabCase } from 'change-case';
import yargs, { type Argv } from 'yargs';
import { initialConfig } from './init-config.js';
import { PRESET_NAMES, type PresetName } from './config/layout-presets.js';
import { ENTITY_STYLES, type EntityStyle } from './config/entity-style.js';
import { TYPEORM_LINES, type TypeOrmLine } from './config/typeorm-line.js';
import { GenError, formatError } from './errors.js';
import { generateInfra } from './generate.js';
import { packageRoot } from './paths.js';
import { conflicts, hasChanges, planWrites } from './plan/write-plan.js';
import { applyPlan } from './write/apply-plan.js';
import { parseRename } from './config/column-renames.js';
import { GEN_STATE } from './project-state.js';
import {
  describeMigration,
  describePlan,
  describePorts,
  describeSeveralPorts,
  diffPlan,
  planJson,
  summarizePlan,
} from './write/plan-report.js';
import type { FeatureLocation } from './read/feature-locator.js';
import { portMethods } from './manifest.js';
import { reviewSummary } from './write/review-summary.js';
import { GEN } from './gen-command.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: process.stdout.isTTY === true,
};

/** Exit codes: 0 done, 1 a check failed or a file was edited by hand, 2 bad input or usage. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  try {
    await yargs(argv)
      .scriptName('gen')
      .usage('$0 <command> [options]')
      .command(
        'infra <feature>',
        'Generate the TypeORM infrastructure layer of a feature from its domain layer, and its plan',
        generationOptions,
        async (args) => {
          exitCode = await runGeneration(generationArgs(args, 'all'), io);
        },
      )
      .command(
        'plan <feature>',
        'Write only the infrastructure plan of a feature (documentation/plans/<feature>/003-infrastructure-layer.md)',
        generationOptions,
        async (args) => {
          exitCode = await runGeneration(generationArgs(args, 'plan'), io);
        },
      )
      .command(
        'init',
        'Write gen.config.json for the layout gen detects in the project (or the one named with --layout)',
        (y) =>
          y
            .option('cwd', { type: 'string', default: '.', describe: 'Project root' })
            .option('layout', { choices: PRESET_NAMES, describe: 'The layout to write, instead of the detected one' }),
        (args) => {
          exitCode = runInit(args.cwd, args.layout, io);
        },
      )
      .demandCommand(1, 'Name a command: gen infra <feature>, gen plan <feature> or gen init')
      .strict()
      .version(version)
      .help()
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(message);
      })
      .parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`gen: ${error.message}\nRun 'gen --help' for usage.`);
      return 2;
    }
    if (error instanceof GenError) {
      io.err(`gen: ${formatError(error)}`);
      io.err('Nothing was written.');
      return 2;
    }
    throw error;
  }
  return exitCode;
}

class UsageError extends Error {}

function runInit(cwd: string, layout: PresetName | undefined, io: Io): number {
  const projectRoot = resolve(cwd);
  if (!existsSync(projectRoot)) throw new GenError(`project folder ${cwd} does not exist`);
  const config = initialConfig(projectRoot, layout);
  writeFileSync(join(projectRoot, config.path), config.content);
  io.out(`CREATE    ${config.path}`);
  const features = config.features.length > 0 ? `: ${config.features.join(', ')}` : '';
  if (config.preset === undefined) io.out(`Layout: found from the code, each feature's folders under "features" (features${features}).`);
  else
    io.out(
      `Layout: ${config.preset} (${config.detected ? 'detected' : 'named with --layout'}; features in it${features || ': none yet'}).`,
    );
  return 0;
}

function generationOptions(y: Argv) {
  return y
    .positional('feature', { type: 'string', demandOption: true, describe: 'Feature folder name, e.g. ordering' })
    .option('cwd', { type: 'string', default: '.', describe: 'Project root' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Print what would change, as a diff; write nothing' })
    .option('check', { type: 'boolean', default: false, describe: 'Exit 1 if generating would change any file; write nothing' })
    .option('force', { type: 'boolean', default: false, describe: 'Overwrite generated files that were edited by hand' })
    .option('now', {
      type: 'string',
      describe: 'ISO date-time used to name new migrations and date a new plan (default: the current time)',
    })
    .option('rename', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'A renamed column, <table>.<old>=<new>: a rename migration instead of drop + add',
    })
    .option('allow-data-loss', {
      type: 'boolean',
      default: false,
      describe: 'Write a migration that drops a table or column, narrows a type or makes a column NOT NULL',
    })
    .option('outbox', {
      type: 'boolean',
      default: false,
      describe: "Write the domain events a save pulls from the aggregate to an outbox table, in the save's transaction",
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print the plan as JSON' })
    .option('summary', {
      type: 'boolean',
      default: false,
      describe:
        'Print a Markdown summary for a pull-request comment (port methods, schema steps to review, files) instead of the file list',
    })
    .option('verbose', { type: 'boolean', default: false, describe: 'Also list the files that stay as they are' })
    .option('typeorm', {
      type: 'string',
      choices: TYPEORM_LINES,
      describe: "TypeORM line to generate for (default: the project's, from package.json)",
    })
    .option('entity-style', {
      choices: ENTITY_STYLES,
      describe:
        'Decorated entity classes, or EntitySchema definitions (default: class where tsconfig.json enables experimentalDecorators, else schema)',
    })
    .option('context', { type: 'string', describe: 'The bounded context holding the feature, when several do' })
    .option('module', {
      type: 'string',
      describe: 'The module folder holding the feature, when the feature names an aggregate inside a module and several modules have one',
    });
}

function generationArgs(args: Awaited<ReturnType<typeof generationOptions>['argv']>, artifacts: 'all' | 'plan'): GenerationArgs {
  return {
    feature: args.feature,
    cwd: args.cwd,
    dryRun: args['dry-run'],
    check: args.check,
    force: args.force,
    now: args.now,
    artifacts,
    renames: args.rename.map(String),
    allowDataLoss: args['allow-data-loss'],
    outbox: args.outbox,
    json: args.json,
    verbose: args.verbose,
    summary: args.summary,
    typeorm: args.typeorm,
    entityStyle: args['entity-style'],
    context: args.context,
    module: args.module,
  };
}

function parseNow(now: string | undefined): number {
  if (now === undefined) return Date.now();
  const time = Date.parse(now);
  if (Number.isNaN(time)) throw new GenError(`--now '${now}' is not an ISO date-time`, undefined, 'Write it like 2024-05-01T12:00:00Z.');
  return time;
}

interface GenerationArgs {
  feature: string;
  cwd: string;
  dryRun: boolean;
  check: boolean;
  force: boolean;
  now?: string | undefined;
  artifacts: 'all' | 'plan';
  renames: string[];
  allowDataLoss: boolean;
  outbox: boolean;
  json: boolean;
  verbose: boolean;
  summary: boolean;
  typeorm?: TypeOrmLine | undefined;
  entityStyle?: EntityStyle | undefined;
  context?: string | undefined;
  module?: string | undefined;
}

async function runGeneration(args: GenerationArgs, io: Io): Promise<number> {
  const projectRoot = resolve(args.cwd);
  if (!existsSync(projectRoot)) throw new GenError(`project folder ${args.cwd} does not exist`);
  // A folder's or file's own spelling (`Courses`, `CoursesCounter`, `emailVerification`) names the same feature as its
  // kebab-case name.
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(args.feature) && /[A-Z]/.test(args.feature)) args = { ...args, feature: kebabCase(args.feature) };
  if (!/^[a-z][a-z0-9-]*$/.test(args.feature)) {
    throw new GenError(
      `feature name '${args.feature}' is not a kebab-case folder name`,
      undefined,
      `Use lowercase letters, digits and dashes, e.g. ${GEN} infra ordering.`,
    );
  }
  const renames = args.renames.map((r) => parseRename(r, '--rename'));
  const generation = await generateInfra({
    projectRoot,
    feature: args.feature,
    now: parseNow(args.now),
    artifacts: args.artifacts,
    renames,
    allowDataLoss: args.allowDataLoss,
    outbox: args.outbox,
    typeorm: args.typeorm,
    entityStyle: args.entityStyle,
    context: args.context,
    module: args.module,
  });
  const { location } = generation;
  if (location.source === 'detected' && !args.json && !args.summary)
    io.out(`Layout: ${location.preset ?? `found from the code, ${foundByText(location)}`} (detected; write it down with: ${GEN} init)`);
  if (location.module !== undefined && !args.json && !args.summary)
    io.out(`Module: ${location.module} ('${args.feature}' names an aggregate in ${location.paths.domainDir}/)`);
  if (!args.json && !args.summary) {
    const ports = generation.models.map(({ port, names }) => ({
      port,
      repositories: `${names.typeOrmRepositoryClass} and ${names.inMemoryRepositoryClass}`,
    }));
    const lines = ports.length === 1 ? describePorts(ports[0].port, ports[0].repositories) : describeSeveralPorts(ports);
    for (const line of lines) io.out(line);
  }
  for (const warning of generation.warnings) io.err(`gen: warning: ${warning}`);
  const readCurrent = (path: string) => (existsSync(join(projectRoot, path)) ? readFileSync(join(projectRoot, path), 'utf8') : undefined);
  const plan = planWrites(generation.files, generation.previousManifest, readCurrent, {
    force: args.force,
    owned: GEN_STATE,
    obsolete: generation.obsolete,
  });
  const migration = generation.migrations.next;
  if (args.summary) {
    const methods = portMethods(generation.models);
    const previousMethods = generation.previousManifest.features[args.feature]?.methods;
    io.out(
      reviewSummary({
        feature: args.feature,
        aggregate: generation.models.map((m) => m.names.aggregate).join(', '),
        previousMethods,
        methods,
        migration: args.artifacts === 'all' ? migration : undefined,
        plan,
      }),
    );
  } else if (args.json) {
    io.out(
      JSON.stringify(
        planJson(
          args.feature,
          plan,
          migration,
          location,
          generation.models.map((m) => m.port),
        ),
        null,
        2,
      ),
    );
  } else {
    // Unchanged files are noise in every run and every CI log: listed only on request.
    for (const line of describePlan(plan, io.color, args.verbose)) io.out(line);
    // `gen plan` writes no migration, so it has none to describe.
    if (args.artifacts === 'all') {
      const outbox = generation.outboxMigration;
      for (const line of migration || !outbox ? describeMigration(migration) : []) io.out(line);
      for (const line of outbox ? describeMigration(outbox) : []) io.out(line);
    }
    io.out(`Summary: ${summarizePlan(plan)}.`);
  }

  const edited = conflicts(plan);
  const command = `${GEN} ${args.artifacts === 'plan' ? 'plan' : 'infra'} ${args.feature}`;
  // Regenerating would stop on these files: --dry-run and --check both say which, and the two ways on, and fail.
  const reportConflicts = (): void => {
    io.err(`gen: ${edited.length} file(s) where gen writes differ from what it wrote: ${edited.map((w) => w.path).join(', ')}`);
    io.err(
      `${args.dryRun ? 'A run would write nothing.' : `See the difference with: ${command} --dry-run.`} Move hand-written code out of them, or overwrite them with: ${command} --force`,
    );
  };
  if (args.dryRun) {
    if (!args.json && !args.summary) io.out(diffPlan(plan));
    if (edited.length === 0) return 0;
    reportConflicts();
    return 1;
  }
  if (args.check) {
    if (edited.length > 0) {
      reportConflicts();
      return 1;
    }
    if (hasChanges(plan)) {
      io.err(`gen: the generated files of '${args.feature}' are out of date; run: ${command}`);
      return 1;
    }
    return 0;
  }
  const foreign = edited.filter((w) => w.foreign);
  const handEdited = edited.filter((w) => !w.foreign);
  if (foreign.length > 0) {
    io.err(`gen: ${foreign.length} file(s) that gen did not write are where it would write: ${foreign.map((w) => w.path).join(', ')}`);
  }
  if (handEdited.length > 0) {
    io.err(`gen: ${handEdited.length} generated file(s) were edited by hand: ${handEdited.map((w) => w.path).join(', ')}`);
  }
  if (edited.length > 0) {
    const moves =
      foreign.length > 0 ? 'Move your own files away, or point gen elsewhere in gen.config.json (infrastructureDir, testsDir); ' : '';
    io.err(
      `Nothing was written. ${moves}${handEdited.length > 0 ? 'Move hand-written code out of generated files, or ' : 'Or '}run again with --force to overwrite them (see the diff with --dry-run).`,
    );
    return 1;
  }
  const { written, deleted } = applyPlan(projectRoot, plan);
  const done =
    written.length === 0 && deleted.length === 0
      ? 'Nothing to change.'
      : `Wrote ${written.length} file(s)${deleted.length > 0 ? `, deleted ${deleted.length}` : ''}.`;
  if (!args.json && !args.summary) io.out(done);
  return 0;
}

/** `ports OrderRepository (src/domain/order.repository.ts:5) of Order in src/domain/`. */
function foundByText(location: FeatureLocation): string {
  const ports = location.foundBy ?? [];
  return `${ports.length > 1 ? 'ports' : 'port'} ${ports.map((p) => `${p.port} (${p.file}:${p.line})`).join(', ')} of ${[...new Set(ports.map((p) => p.aggregate))].join(', ') || '?'} in ${location.paths.domainDir}/`;
}
