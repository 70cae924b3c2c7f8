import { posix } from 'node:path';
import { kebabCase } from 'change-case';
import { compareText } from '../compare.js';
import type { LayoutTemplate } from '../config/layout-presets.js';
import { CONFIG_FILE } from '../config/project-config.js';
import { GenError } from '../errors.js';
import { GEN } from '../gen-command.js';
import { discoverPorts, type DiscoveredPort } from './port-discovery.js';
import { packageFolder, packageSourceRoot } from './package-scope.js';
import { isFolder, type ProjectSources } from './project-sources.js';

/** A feature found from its ports where no preset names its folders: the folders, and the ports that told. */
export interface CodeLayout {
  kind: 'found';
  paths: LayoutTemplate;
  aggregate: string;
  ports: DiscoveredPort[];
}

/** Folders that sort a domain by kind rather than hold one: the domain is the folder above them. */
const ROLE_FOLDER =
  /^(entity|entities|model|models|aggregate|aggregates|aggregate-root|repository|repositories|repo|repos|port|ports|out|in|outbound|inbound|interfaces|contracts|value-objects|types)$/i;

/** Names of a context's domain layer that name no feature: Clean Architecture's enterprise business rules. */
const LAYER_OF_CONTEXT = /^(enterprise)$/i;

/** Folders of the application layer: its use cases, and the ports when they are kept there. */
const APPLICATION_FOLDER = /^(application|app|use-?cases)$/i;

/** Folders of the layers around the domain: a port there is the application's, not a domain folder's. */
const OTHER_LAYER = /^(application|app|use-?cases|infrastructure|infra|adapters?)$/i;

/**
 * The feature's folders from the code: the ports under the source root whose aggregate is named for the feature
 * (`order` -> Order, `users` -> User), else those inside a folder named for it (`ordering`). The aggregate is the one
 * those ports store (`ordering` for Order beside OrderLine: the one the feature's name starts with); several that the
 * feature's name names stop with each port's file:line and the gen.config.json entry that picks one, several in a folder
 * named for it are all the feature's. With none, every port found, for the refusal.
 */
export function findFeatureInCode(
  project: ProjectSources,
  feature: string,
  namesFeature: (className: string, feature: string) => boolean,
): CodeLayout | { kind: 'none'; ports: DiscoveredPort[] } {
  const ports = discoverPorts(project);
  const byAggregate = ports.filter((p) => namesFeature(p.aggregate, feature));
  const byFolder = ports.filter((p) =>
    folderOf(p.file)
      .split('/')
      .some((segment) => kebabCase(segment) === feature),
  );
  const matching = byAggregate.length > 0 ? byAggregate : byFolder;
  const groups = new Map<string, DiscoveredPort[]>();
  for (const port of matching)
    groups.set(`${port.aggregateFile}#${port.aggregate}`, [...(groups.get(`${port.aggregateFile}#${port.aggregate}`) ?? []), port]);
  // A class beats a record of fields of the same name elsewhere (a DTO-like `interface User` of another module's port).
  const classes = [...groups.values()].filter((g) => g[0].record === undefined);
  const all = classes.length > 0 ? classes : [...groups.values()];
  const prefixed = all.filter((g) => feature.startsWith(kebabCase(g[0].aggregate.replace(/(Entity|AggregateRoot|Aggregate|Model)$/, ''))));
  const found = all.length > 1 && prefixed.length === 1 ? prefixed : all;
  if (found.length === 0) return { kind: 'none', ports };
  // A folder named for the feature holding several aggregates' ports is a bounded context: all of them are the feature's.
  if (found.length > 1 && byAggregate.length === 0) {
    const own = found.flat();
    return {
      kind: 'found',
      paths: featurePaths(project, feature, own, ports),
      aggregate: own[0].aggregate,
      ports: own,
    };
  }
  if (found.length > 1) throw severalAggregates(project, feature, found, ports);
  const own = found[0];
  return {
    kind: 'found',
    paths: featurePaths(project, feature, own, ports),
    aggregate: own[0].aggregate,
    ports: own,
  };
}

/**
 * For `gen init` when no preset fits: every aggregate a port stores, as a feature named for it (`Order` -> `order`),
 * with its folders. Two aggregates of one name are left out: only gen.config.json can tell them apart.
 */
export function discoverFeatures(project: ProjectSources): { feature: string; paths: LayoutTemplate }[] {
  const ports = discoverPorts(project);
  const groups = new Map<string, DiscoveredPort[]>();
  for (const port of ports)
    groups.set(`${port.aggregateFile}#${port.aggregate}`, [...(groups.get(`${port.aggregateFile}#${port.aggregate}`) ?? []), port]);
  const named = [...groups.values()].map((own) => ({
    feature: kebabCase(own[0].aggregate.replace(/(Entity|AggregateRoot|Aggregate|Model)$/, '')),
    own,
  }));
  return named
    .filter((n) => named.filter((o) => o.feature === n.feature).length === 1)
    .map(({ feature, own }) => ({
      feature,
      paths: featurePaths(project, feature, own, ports),
    }))
    .sort((a, b) => compareText(a.feature, b.feature));
}

function severalAggregates(project: ProjectSources, feature: string, groups: DiscoveredPort[][], all: DiscoveredPort[]): GenError {
  const list = groups
    .map((ports) => `${ports[0].aggregate} (${ports.map((p) => `${p.name} at ${p.file}:${p.line}`).join(', ')})`)
    .join('; ');
  const first = featurePaths(project, feature, groups[0], all);
  const files = [...new Set(groups[0].map((p) => p.file))];
  const portDir = files.length === 1 ? files[0] : first.portDir;
  const folderFeature = kebabCase(
    posix.basename(first.domainDir) === 'domain' ? posix.basename(posix.dirname(first.domainDir)) : posix.basename(first.domainDir),
  );
  const other = folderFeature !== feature ? `, or ask for the folder's feature (${GEN} infra ${folderFeature})` : '';
  return new GenError(
    `'${feature}' names ${groups.length} aggregates, each with a port: ${list}`,
    { file: groups[1][0].file, line: groups[1][0].line },
    `Say which in ${CONFIG_FILE}: "features": { "${feature}": { "domainDir": "${first.domainDir}", "portDir": "${portDir}" } }${other}.`,
  );
}

/**
 * The domain folder is the one holding the aggregate and its ports, above folders that sort by kind (`entity/`,
 * `repository/`, `ports/out/`). The port folder is the port's file when the domain folder holds other aggregates'
 * ports too, so each aggregate of a flat `src/domain/` is read alone. The other layers sit beside `domain/`
 * (`src/ordering/{domain,infrastructure}`, `src/{domain,infrastructure}/ordering`), else under the source root.
 */
function featurePaths(project: ProjectSources, feature: string, ports: DiscoveredPort[], all: DiscoveredPort[]): LayoutTemplate {
  // The aggregate's folder, or the one holding it and its ports when they sit side by side under it.
  const beside = commonFolder([ports[0].aggregateFile, ...ports.map((p) => p.file)].map(folderOf));
  // In a workspace, the package holding the aggregate: the other layers, tests and plans go inside it.
  const root = packageSourceRoot(project, ports[0].aggregateFile);
  const pkg = packageFolder(project, ports[0].aggregateFile);
  const inPackage = (folder: string) => (pkg === '' ? folder : `${pkg}/${folder}`);
  const outside =
    beside === root ||
    beside === '.' ||
    ports.some((p) =>
      p.file
        .slice(beside.length + 1)
        .split('/')
        .some((segment) => OTHER_LAYER.test(segment)),
    );
  const climbed = (folder: string) => {
    while (ROLE_FOLDER.test(posix.basename(folder)) && folder.includes('/')) folder = posix.dirname(folder);
    return folder;
  };
  const othersIn = (folder: string) => all.filter((p) => p.aggregate !== ports[0].aggregate && p.file.startsWith(`${folder}/`));
  let domainDir = climbed(outside ? folderOf(ports[0].aggregateFile) : beside);
  // Ports in sibling folders (`src/transactions/{students,studentsPerTeacher}/domain/`): their common folder holds
  // other features too (`teachers/`, and what gen generates there); the aggregate's own folder is the domain's.
  const own = climbed(folderOf(ports[0].aggregateFile));
  if (own.startsWith(`${domainDir}/`) && othersIn(domainDir).length > 0 && othersIn(own).length === 0) domainDir = own;
  const files = [...new Set(ports.map((p) => p.file))].sort(compareText);
  const inside = files.every((f) => f.startsWith(`${domainDir}/`));
  const others = othersIn(domainDir);
  // A port outside the domain folder (`src/application/repositories/`), or beside other aggregates' ports: its own file.
  // Several ports outside it (`application/port/out/{command,query}/`): their folder, unless another aggregate's ports are there too.
  const portsFolder = commonFolder(files.map(folderOf));
  const shared = all.some((p) => p.aggregate !== ports[0].aggregate && p.file.startsWith(`${portsFolder}/`));
  const portDir =
    inside && others.length === 0
      ? domainDir
      : files.length === 1
        ? files[0]
        : !shared && portsFolder !== root && portsFolder !== '.'
          ? portsFolder
          : `{${files.join(',')}}`;
  const prefix = root === '.' ? '' : `${root}/`;
  const name = posix.basename(domainDir);
  // The nearest `domain` folder at or above the feature's: the other layers sit beside it.
  const segments = domainDir.split('/');
  const at = segments.map((s) => s.toLowerCase()).lastIndexOf('domain');
  const base = at < 0 ? (root === '.' ? '' : root) : segments.slice(0, at).join('/');
  // The project's own spelling of the infrastructure folder (`src/infra/`) when it has one.
  const inBase = (folder: string) => `${base === '' ? '' : `${base}/`}${folder}`;
  const infrastructure = INFRASTRUCTURE_FOLDERS.find((f) => isFolder(project, inBase(f))) ?? 'infrastructure';
  // A domain folder that is one layer of its context (`src/domain/forum/enterprise` beside `forum/application`) names
  // no feature: the infrastructure folder is the feature's (`src/infra/question`), not `src/infra/enterprise`.
  const context = posix.dirname(domainDir);
  const layerOfContext = LAYER_OF_CONTEXT.test(name) || listFolders(project, context).some((f) => f !== name && OTHER_LAYER.test(f));
  const subfolder = layerOfContext ? feature : name;
  const layer = (folder: string) => `${inBase(folder)}${at === segments.length - 1 ? '' : `/${subfolder}`}`;
  const [applicationDir, infrastructureDir] =
    at < 0 ? [`${prefix}application`, `${prefix}infrastructure/${feature}`] : [layer('application'), layer(infrastructure)];
  const testsRoot = inPackage(isFolder(project, inPackage('test')) && !isFolder(project, inPackage('tests')) ? 'test' : 'tests');
  return {
    domainDir,
    portDir,
    applicationDir: existingApplication(project, applicationDir, subfolder, context, ports),
    infrastructureDir,
    testsDir: `${testsRoot}/${feature}`,
    plansDir: inPackage(`documentation/plans/${feature}`),
    databaseDir: databaseDir(project, prefix),
    sharedTestsDir: testsRoot,
  };
}

/**
 * The project's own infrastructure folders, in the order one is preferred where several exist: generated adapters go
 * into the one beside the domain folder rather than a new `infrastructure/` beside it.
 */
const INFRASTRUCTURE_FOLDERS = ['infrastructure', 'infra', 'infraestructure', 'infraestructura', 'adapters', 'persistence'];

/** The folder of the shared database files (data source, migrations): the project's infrastructure folder under the source root, else a new one. */
function databaseDir(project: ProjectSources, prefix: string): string {
  return `${prefix}${INFRASTRUCTURE_FOLDERS.find((f) => isFolder(project, `${prefix}${f}`)) ?? 'infrastructure'}`;
}

/**
 * The feature's own use-case folder when it has one, else the application layer's when it exists: the one named
 * like the domain's layers (`src/application`), the context's beside the domain (`src/domain/forum/application`,
 * Rocketseat's), or the one holding the ports (`.../application/repositories/`). With none, the conventional one.
 */
function existingApplication(project: ProjectSources, conventional: string, own: string, context: string, ports: DiscoveredPort[]): string {
  const layerDir = conventional.endsWith(`/${own}`) ? posix.dirname(conventional) : conventional;
  const holdingPorts = ports.map((p) => {
    const segments = folderOf(p.file).split('/');
    const at = segments.map((segment) => APPLICATION_FOLDER.test(segment)).lastIndexOf(true);
    return at < 0 ? undefined : segments.slice(0, at + 1).join('/');
  });
  const besideDomain = listFolders(project, context)
    .filter((f) => APPLICATION_FOLDER.test(f))
    .map((f) => `${context}/${f}`);
  const candidates = [conventional, layerDir, ...besideDomain, ...holdingPorts].filter((f) => f !== undefined);
  return candidates.find((f) => isFolder(project, f)) ?? layerDir;
}

/** The names of the folders directly inside `folder`. */
function listFolders(project: ProjectSources, folder: string): readonly string[] {
  return project.subfolders.get(folder === '.' ? '' : folder) ?? [];
}

function folderOf(file: string): string {
  return posix.dirname(file);
}

function commonFolder(folders: string[]): string {
  const parts = folders.map((f) => f.split('/'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0][i]); i++) common.push(parts[0][i]);
  return common.length === 0 ? '.' : common.join('/');
}
