import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/domain/DomainError.js';
import { CourseId } from '../domain/CourseId.js';
import type { CourseRepository } from '../domain/CourseRepository.js';
import { Duration } from '../domain/Duration.js';
import { Lesson } from '../domain/Lesson.js';
import { LessonId } from '../domain/LessonId.js';

export interface AddLessonInput {
  courseId: string;
  title: string;
  minutes: number;
}

/** Appends a lesson to a course; the course and its lessons are saved together. */
export class AddLesson {
  constructor(private readonly courses: CourseRepository) {}

  async execute(input: AddLessonInput): Promise<LessonId> {
    const course = await this.courses.findById(new CourseId(input.courseId));
    if (!course) throw new DomainError(`No course ${input.courseId}`);
    const id = new LessonId(randomUUID());
    course.addLesson(new Lesson(id, input.title.trim(), new Duration(input.minutes)));
    await this.courses.save(course);
    return id;
  }
}
