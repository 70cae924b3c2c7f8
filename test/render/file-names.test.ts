import { describe, expect, it } from 'vitest';
import { featureFileNames, fileNameStyle } from '../../src/render/file-names.js';

const NAMES = {
  aggregate: 'Course',
  kebab: 'course',
  variable: 'course',
  entityClass: 'CourseModel',
  mapperClass: 'CourseMapper',
  typeOrmRepositoryClass: 'TypeOrmCourseRepository',
  inMemoryRepositoryClass: 'InMemoryCourseRepository',
};

describe('fileNameStyle', () => {
  it.each([
    [['src/contexts/mooc/courses/domain/Course.ts', 'src/contexts/mooc/courses/domain/CourseRepository.ts'], 'pascal'],
    [['src/modules/user/domain/User.entity.ts', 'src/modules/user/domain/UserRepository.port.ts'], 'pascal'],
    [['src/domain/course.ts', 'src/domain/course.repository.ts'], 'kebab'],
    [['src/domain/Course.ts', 'src/domain/course-repository.ts'], 'kebab'],
    [['src/domain/course-aggregate.ts', 'src/domain/index.ts'], 'kebab'],
    [['src/domain/index.ts'], 'kebab'],
  ] as const)('%j -> %s', (files, style) => {
    expect(fileNameStyle(files)).toBe(style);
  });
});

describe('featureFileNames', () => {
  it('names PascalCase files after the class they hold', () => {
    expect(featureFileNames('pascal', NAMES)).toEqual({
      model: 'CourseModel.ts',
      mapper: 'CourseMapper.ts',
      repository: 'TypeOrmCourseRepository.ts',
      inMemoryRepository: 'InMemoryCourseRepository.ts',
      repositoryCustom: 'TypeOrmCourseRepositoryCustom.ts',
      inMemoryRepositoryCustom: 'InMemoryCourseRepositoryCustom.ts',
      nestModule: 'CoursePersistenceModule.ts',
      queries: 'CourseQueries.ts',
      test: 'CourseRepository.test.ts',
    });
  });

  it('names kebab-case files after the aggregate and their role', () => {
    expect(featureFileNames('kebab', NAMES)).toEqual({
      model: 'course.model.ts',
      mapper: 'course.mapper.ts',
      repository: 'course.repository.ts',
      inMemoryRepository: 'course.repository.ts',
      repositoryCustom: 'course.repository.custom.ts',
      inMemoryRepositoryCustom: 'course.repository.custom.ts',
      nestModule: 'course-persistence.module.ts',
      queries: 'course.queries.ts',
      test: 'course.repository.test.ts',
    });
  });
});
