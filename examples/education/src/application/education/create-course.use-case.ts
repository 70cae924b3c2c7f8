import { randomUUID } from 'node:crypto';
import { Course } from '../../domain/aggregates/education/course';
import { CourseId } from '../../domain/aggregates/education/course-id';
import { CourseLevel } from '../../domain/aggregates/education/course-level';
import { CourseRepository } from '../../domain/aggregates/education/course.repository';

export interface CreateCourseInput {
  code: string;
  title: string;
  level: CourseLevel;
  credits: number;
  startsOn: Date;
  description?: string;
}

export class DuplicateCourseCodeError extends Error {
  constructor(code: string) {
    super(`A course with code ${code} already exists`);
    this.name = 'DuplicateCourseCodeError';
  }
}

/** Drafts a new course in the catalogue. Course codes are unique. */
export class CreateCourseUseCase {
  constructor(private readonly courses: CourseRepository) {}

  async execute(input: CreateCourseInput): Promise<Course> {
    const course = Course.create(
      new CourseId(randomUUID()),
      input.code,
      input.title,
      input.level,
      input.credits,
      input.startsOn,
      input.description,
    );
    const existing = await this.courses.findByCode(course.code);
    if (existing !== null) {
      throw new DuplicateCourseCodeError(course.code);
    }
    await this.courses.save(course);
    return course;
  }
}
