import { posix } from 'node:path';
import type { NameSet } from '../map/persistence-model.js';

/** How the project names its files: `order.repository.ts` or `OrderRepository.ts`. */
export type FileNameStyle = 'kebab' | 'pascal';

/** The names of one feature's own generated files (folders are the layout's business). */
export interface FeatureFileNames {
  model: string;
  mapper: string;
  repository: string;
  inMemoryRepository: string;
  repositoryCustom: string;
  inMemoryRepositoryCustom: string;
  nestModule: string;
  /** The fields and readers of queries read at run time (features with a Criteria or page-request method). */
  queries: string;
  test: string;
}

/**
 * PascalCase when every given domain file is named that way (`Course.ts`, `CourseRepository.ts`), else kebab-case:
 * a file named after its class is the style of projects that do it throughout, and the aggregate and its port
 * are the files every such project names.
 */
export function fileNameStyle(domainFiles: readonly string[]): FileNameStyle {
  const names = domainFiles.map((file) => posix.basename(file)).filter((name) => name !== 'index.ts');
  return names.length > 0 && names.every((name) => /^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*\.[cm]?ts$/.test(name)) ? 'pascal' : 'kebab';
}

export function featureFileNames(style: FileNameStyle, names: NameSet): FeatureFileNames {
  if (style === 'pascal') {
    return {
      model: `${names.entityClass}.ts`,
      mapper: `${names.mapperClass}.ts`,
      repository: `${names.typeOrmRepositoryClass}.ts`,
      inMemoryRepository: `${names.inMemoryRepositoryClass}.ts`,
      repositoryCustom: `${names.typeOrmRepositoryClass}Custom.ts`,
      inMemoryRepositoryCustom: `${names.inMemoryRepositoryClass}Custom.ts`,
      nestModule: `${names.aggregate}PersistenceModule.ts`,
      queries: `${names.aggregate}Queries.ts`,
      test: `${names.aggregate}Repository.test.ts`,
    };
  }
  return {
    model: `${names.kebab}.model.ts`,
    mapper: `${names.kebab}.mapper.ts`,
    repository: `${names.kebab}.repository.ts`,
    inMemoryRepository: `${names.kebab}.repository.ts`,
    repositoryCustom: `${names.kebab}.repository.custom.ts`,
    inMemoryRepositoryCustom: `${names.kebab}.repository.custom.ts`,
    nestModule: `${names.kebab}-persistence.module.ts`,
    queries: `${names.kebab}.queries.ts`,
    test: `${names.kebab}.repository.test.ts`,
  };
}
