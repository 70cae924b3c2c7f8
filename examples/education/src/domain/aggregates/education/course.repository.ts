import { Course } from './course';
import { CourseId } from './course-id';
import { CourseLevel } from './course-level';

/** Persistence port for {@link Course} aggregates. */
export interface CourseRepository {
  save(course: Course): Promise<void>;
  saveAll(courses: Course[]): Promise<void>;
  findById(id: CourseId): Promise<Course | undefined>;
  findByIds(ids: CourseId[]): Promise<Course[]>;
  findAll(): Promise<Course[]>;
  delete(id: CourseId): Promise<void>;
  findByCode(code: string): Promise<Course | null>;
  findByCodeStartingWith(prefix: string): Promise<Course[]>;
  findByLevel(level: CourseLevel): Promise<Course[]>;
  findByPublished(published: boolean): Promise<Course[]>;
  findByTitleContainingIgnoreCase(text: string): Promise<Course[]>;
  /** The next course to start at a level. */
  findFirstByLevelOrderByStartsOnAsc(level: CourseLevel): Promise<Course | null>;
  findByCreditsGreaterThanEqual(credits: number): Promise<Course[]>;
  findByDescriptionIsNotNullOrderByTitleAsc(): Promise<Course[]>;
  countByPublishedTrue(): Promise<number>;
}
