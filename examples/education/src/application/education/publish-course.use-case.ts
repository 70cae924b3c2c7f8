import { Course } from '../../domain/aggregates/education/course';
import { CourseId } from '../../domain/aggregates/education/course-id';
import { CourseRepository } from '../../domain/aggregates/education/course.repository';

export class CourseNotFoundError extends Error {
  constructor(id: string) {
    super(`Course ${id} not found`);
    this.name = 'CourseNotFoundError';
  }
}

/** Publishes a drafted course so that students can enrol. */
export class PublishCourseUseCase {
  constructor(private readonly courses: CourseRepository) {}

  async execute(courseId: string): Promise<Course> {
    const course = await this.courses.findById(new CourseId(courseId));
    if (course === undefined) {
      throw new CourseNotFoundError(courseId);
    }
    course.publish();
    await this.courses.save(course);
    return course;
  }
}
