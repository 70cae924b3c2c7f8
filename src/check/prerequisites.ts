import type { ArtifactLayout } from '../layout.js';
import type { ApplicationModel } from '../model/application-model.js';
import type { PortModel } from '../model/domain-model.js';

/** The plan method's earlier plans, in the feature's plans folder. */
export const PRIOR_PLANS = ['001-domain-layer.md', '002-application-layer.md'] as const;

export function priorPlanPaths(layout: ArtifactLayout): string[] {
  return PRIOR_PLANS.map((file) => `${layout.planDocumentsDir}/${file}`);
}

/**
 * What the plan method expects before the infrastructure layer but generation can do without:
 * each is a warning, not a failure (the missing domain port is the one that fails, in the reader).
 */
export function prerequisiteWarnings(
  application: ApplicationModel,
  port: PortModel,
  layout: ArtifactLayout,
  documents: Readonly<Record<string, string>>,
): string[] {
  const warnings: string[] = [];
  if (application.useCases.length === 0) {
    const where = application.dirExists ? `no use case in ${application.dir}/ uses ${port.name}` : `${application.dir}/ does not exist`;
    warnings.push(
      `${where}: the application layer looks missing; write its use cases before relying on the infrastructure plan (or set "applicationDir" in gen.config.json).`,
    );
  }
  for (const path of priorPlanPaths(layout)) {
    if (documents[path] === undefined) warnings.push(`${path} is missing: the plan method writes it before the infrastructure plan.`);
  }
  return warnings;
}
