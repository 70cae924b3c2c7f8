import { DomainError } from '../../../shared/domain/DomainError.js';
import { CourseId } from './CourseId.js';
import { CourseStatus } from './CourseStatus.js';
import { CourseTitle } from './CourseTitle.js';
import { Lesson } from './Lesson.js';
import { LessonId } from './LessonId.js';

const MAX_LESSONS = 40;

/**
 * Aggregate root of the courses module (learning context): a course and its lessons, in order. Lessons change
 * only through their course; a published course has at least one lesson.
 */
export class Course {
  constructor(
    readonly id: CourseId,
    private _title: CourseTitle,
    private _status: CourseStatus,
    private _lessons: Lesson[],
    private _publishedAt: Date | null,
  ) {}

  /** A new course, a draft with no lessons yet. */
  static draft(id: CourseId, title: CourseTitle): Course {
    return new Course(id, title, CourseStatus.Draft, [], null);
  }

  get title(): CourseTitle {
    return this._title;
  }

  get status(): CourseStatus {
    return this._status;
  }

  get lessons(): readonly Lesson[] {
    return this._lessons;
  }

  get publishedAt(): Date | null {
    return this._publishedAt;
  }

  /** Derived: not stored. */
  get totalMinutes(): number {
    return this._lessons.reduce((sum, lesson) => sum + lesson.duration.minutes, 0);
  }

  rename(title: CourseTitle): void {
    this.assertNotArchived();
    this._title = title;
  }

  addLesson(lesson: Lesson): void {
    this.assertNotArchived();
    if (this._lessons.some((l) => l.id.equals(lesson.id))) throw new DomainError(`Course ${this.id.value} already has lesson ${lesson.id.value}`);
    if (this._lessons.length >= MAX_LESSONS) throw new DomainError(`A course has at most ${MAX_LESSONS} lessons`);
    this._lessons.push(lesson);
  }

  removeLesson(id: LessonId): void {
    this.assertNotArchived();
    const remaining = this._lessons.filter((l) => !l.id.equals(id));
    if (this._status === CourseStatus.Published && remaining.length === 0) throw new DomainError(`A published course keeps at least one lesson`);
    this._lessons = remaining;
  }

  /** Opens the course to learners; it needs at least one lesson. Publishing again keeps the first date. */
  publish(now: Date): void {
    this.assertNotArchived();
    if (this._lessons.length === 0) throw new DomainError(`Course ${this.id.value} has no lesson to publish`);
    if (this._status === CourseStatus.Published) return;
    this._status = CourseStatus.Published;
    this._publishedAt = now;
  }

  archive(): void {
    this._status = CourseStatus.Archived;
  }

  private assertNotArchived(): void {
    if (this._status === CourseStatus.Archived) throw new DomainError(`Course ${this.id.value} is archived`);
  }
}
