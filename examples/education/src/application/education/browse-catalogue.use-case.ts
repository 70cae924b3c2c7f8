import { Course } from '../../domain/aggregates/education/course';
import { CourseLevel } from '../../domain/aggregates/education/course-level';
import { CourseRepository } from '../../domain/aggregates/education/course.repository';

/**
 * Lists the published courses students can still enrol in (not yet started),
 * optionally restricted to one level, ordered by start date.
 */
export class BrowseCatalogueUseCase {
  constructor(private readonly courses: CourseRepository) {}

  async execute(level?: CourseLevel, now: Date = new Date()): Promise<Course[]> {
    const candidates =
      level === undefined
        ? await this.courses.findByPublished(true)
        : (await this.courses.findByLevel(level)).filter((course) => course.published);
    return candidates
      .filter((course) => !course.hasStarted(now))
      .sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  }
}
