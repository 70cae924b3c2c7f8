import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/domain/DomainError.js';
import { Course } from '../domain/Course.js';
import { CourseId } from '../domain/CourseId.js';
import type { CourseRepository } from '../domain/CourseRepository.js';
import { CourseTitle } from '../domain/CourseTitle.js';

/** Starts a new course, as a draft with no lessons; no two courses share a title. */
export class DraftCourse {
  constructor(private readonly courses: CourseRepository) {}

  async execute(title: string): Promise<Course> {
    const courseTitle = new CourseTitle(title);
    if (await this.courses.existsByTitle(courseTitle)) throw new DomainError(`A course is already titled '${courseTitle.value}'`);
    const course = Course.draft(new CourseId(randomUUID()), courseTitle);
    await this.courses.save(course);
    return course;
  }
}
