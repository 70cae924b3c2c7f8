import { Course } from './course';
import { CourseId } from './course-id';
import { CourseLevel } from './course-level';

/** Persistence port for {@link Course} aggregates. */
export interface CourseRepository {
  save(course: Course): Promise<void>;
  findById(id: CourseId): Promise<Course | undefined>;
  findAll(): Promise<Course[]>;
  delete(id: CourseId): Promise<void>;
  findByCode(code: string): Promise<Course | null>;
  findByLevel(level: CourseLevel): Promise<Course[]>;
  findByPublished(published: boolean): Promise<Course[]>;
}
