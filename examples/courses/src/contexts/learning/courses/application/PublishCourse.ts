import { DomainError } from '../../../shared/domain/DomainError.js';
import { CourseId } from '../domain/CourseId.js';
import type { CourseRepository } from '../domain/CourseRepository.js';

/** Opens a course to learners. */
export class PublishCourse {
  constructor(private readonly courses: CourseRepository) {}

  async execute(courseId: string, now: Date): Promise<void> {
    const course = await this.courses.findById(new CourseId(courseId));
    if (!course) throw new DomainError(`No course ${courseId}`);
    course.publish(now);
    await this.courses.save(course);
  }
}
