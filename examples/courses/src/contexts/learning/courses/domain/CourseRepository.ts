import { Course } from './Course.js';
import { CourseId } from './CourseId.js';
import { CourseStatus } from './CourseStatus.js';
import { CourseTitle } from './CourseTitle.js';

/** Persistence port for {@link Course} aggregates (with their lessons). */
export interface CourseRepository {
  save(course: Course): Promise<void>;
  findById(id: CourseId): Promise<Course | null>;
  findByStatus(status: CourseStatus): Promise<Course[]>;
  countByStatus(status: CourseStatus): Promise<number>;
  /** The three courses published most recently. */
  findTop3ByStatusOrderByPublishedAtDesc(status: CourseStatus): Promise<Course[]>;
  existsByTitle(title: CourseTitle): Promise<boolean>;
  delete(id: CourseId): Promise<void>;
}
