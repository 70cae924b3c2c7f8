import { infrastructureImports } from '../src/check/domain-isolation.js';
import type { ArtifactLayout } from '../src/layout.js';
import type { PersistenceModel } from '../src/map/persistence-model.js';
import type { ApplicationModel } from '../src/model/application-model.js';
import type { DomainImports } from '../src/model/domain-imports.js';
import { outsideThePort } from './methods/index.js';
import { uncalledMethods } from './use-case-calls.js';

/** One line of the plan's Validation Checklist: ticked only when gen checked it, and saying how (or why not). */
export interface ChecklistItem {
  checked: boolean;
  text: string;
  how: string;
}

export interface ChecklistInput {
  model: PersistenceModel;
  layout: ArtifactLayout;
  application: ApplicationModel;
  domainImports: DomainImports;
  /** Project-relative paths of the documents that exist. */
  documents: Readonly<Record<string, string>>;
  priorPlans: readonly string[];
  /** The command that runs a test file: `npx vitest run`, `npx jest`. */
  testCommand: string;
}

export function validationChecklist({
  model,
  layout,
  application,
  domainImports,
  documents,
  priorPlans,
  testCommand,
}: ChecklistInput): ChecklistItem[] {
  const port = model.port.name;
  const leaks = infrastructureImports(domainImports, layout.infrastructureDir);
  // Gen's own save (outside the port) is no port method.
  const mapped = model.methods.filter((m) => !outsideThePort(m)).length;
  const implemented = mapped === model.port.methods.length;
  const uncalled = uncalledMethods(model.port, application);
  const missingPlans = priorPlans.filter((p) => documents[p] === undefined);
  const code = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
  return [
    {
      checked: leaks.length === 0,
      text: 'Domain layer has no knowledge of infrastructure',
      how:
        leaks.length === 0
          ? `gen scanned the imports and re-exports of ${domainImports.files.length} domain file(s): none imports \`typeorm\` or \`${layout.infrastructureDir}/\``
          : `imported at ${leaks.map((l) => `${l.file}:${l.line}`).join(', ')}`,
    },
    {
      checked: implemented,
      text: `Repository implements ALL methods from domain port \`${port}\``,
      how: implemented
        ? `gen mapped each of the ${model.port.methods.length} port methods to an implementation (Step 4); the compiler checks it again, as both repositories declare \`implements ${port}\``
        : `${model.port.methods.length - mapped} method(s) have no implementation`,
    },
    {
      checked: application.useCases.length > 0,
      text: `The application layer uses \`${port}\``,
      how:
        application.useCases.length > 0
          ? `gen found ${application.useCases.length} use case(s) in \`${application.dir}/\` by their references to the port (see Overview)`
          : `no use case in \`${application.dir}/\` refers to the port`,
    },
    {
      checked: application.useCases.length > 0 && uncalled.length === 0,
      text: 'Every port method is called by a use case',
      how:
        application.useCases.length === 0
          ? 'no use case found'
          : uncalled.length === 0
            ? 'gen found a call of each method (see Step 4)'
            : `not called: ${code(uncalled)}; generated and tested anyway because the port declares them`,
    },
    {
      checked: missingPlans.length === 0,
      text: 'Domain and application layer plans exist',
      how: missingPlans.length === 0 ? `gen read ${code(priorPlans)}` : `missing: ${code(missingPlans)}`,
    },
    {
      checked: false,
      text: 'Migrations and entities agree',
      how: `not checked by gen: the schema test in \`${layout.test}\` checks it when it runs`,
    },
    {
      checked: false,
      text: 'The TypeORM and in-memory repositories pass the same contract suite',
      how: `not checked by gen: run \`${testCommand} ${layout.test}\``,
    },
    {
      checked: false,
      text: "The generated code type-checks under the project's tsconfig",
      how: 'not checked by gen, which does not run the compiler: run `npx tsc --noEmit`',
    },
  ];
}
