import { DomainError } from '../../shared/domain-error';
import { CourseId } from './course-id';
import { CourseLevel } from './course-level';

/** Course codes look like `CS-101` or `MATH-240`. */
const CODE_PATTERN = /^[A-Z]{2,4}-\d{3}$/;
const MIN_CREDITS = 1;
const MAX_CREDITS = 30;
const MAX_TITLE_LENGTH = 120;

/**
 * Aggregate root of the education feature: a course in the catalogue.
 * A course is drafted unpublished and becomes visible to students once published.
 */
export class Course {
  constructor(
    readonly id: CourseId,
    public code: string,
    public title: string,
    public level: CourseLevel,
    public credits: number,
    public published: boolean,
    public startsOn: Date,
    public description?: string,
  ) {}

  /** Drafts a new, unpublished course. */
  static create(
    id: CourseId,
    code: string,
    title: string,
    level: CourseLevel,
    credits: number,
    startsOn: Date,
    description?: string,
  ): Course {
    const normalizedCode = code.trim().toUpperCase();
    if (!CODE_PATTERN.test(normalizedCode)) {
      throw new DomainError(`Invalid course code: ${code} (expected e.g. CS-101)`);
    }
    Course.assertTitle(title);
    Course.assertCredits(credits);
    Course.assertDate(startsOn);
    return new Course(id, normalizedCode, title.trim(), level, credits, false, startsOn, description);
  }

  /** Makes the course visible in the catalogue. A published course needs a description. */
  publish(): void {
    if (this.published) {
      throw new DomainError(`Course ${this.code} is already published`);
    }
    if (this.description === undefined || this.description.trim().length === 0) {
      throw new DomainError(`Course ${this.code} needs a description before it can be published`);
    }
    this.published = true;
  }

  /** Withdraws the course from the catalogue, e.g. to rework it. Only possible before it starts. */
  unpublish(now: Date = new Date()): void {
    if (!this.published) {
      throw new DomainError(`Course ${this.code} is not published`);
    }
    if (this.hasStarted(now)) {
      throw new DomainError(`Course ${this.code} has already started and cannot be withdrawn`);
    }
    this.published = false;
  }

  rename(title: string): void {
    Course.assertTitle(title);
    this.title = title.trim();
  }

  describe(description: string): void {
    if (description.trim().length === 0) {
      throw new DomainError('Course description must not be blank');
    }
    this.description = description.trim();
  }

  /** Credits are fixed once the course is published: students enrol against them. */
  changeCredits(credits: number): void {
    if (this.published) {
      throw new DomainError(`Credits of published course ${this.code} cannot change`);
    }
    Course.assertCredits(credits);
    this.credits = credits;
  }

  /** Moves the start date; a course that has already started cannot be rescheduled. */
  reschedule(startsOn: Date, now: Date = new Date()): void {
    Course.assertDate(startsOn);
    if (this.hasStarted(now)) {
      throw new DomainError(`Course ${this.code} has already started`);
    }
    if (startsOn.getTime() < now.getTime()) {
      throw new DomainError('A course cannot be rescheduled into the past');
    }
    this.startsOn = startsOn;
  }

  hasStarted(now: Date = new Date()): boolean {
    return this.startsOn.getTime() <= now.getTime();
  }

  private static assertTitle(title: string): void {
    const trimmed = title.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH) {
      throw new DomainError(`Course title must be 1-${MAX_TITLE_LENGTH} characters`);
    }
  }

  private static assertCredits(credits: number): void {
    if (!Number.isInteger(credits) || credits < MIN_CREDITS || credits > MAX_CREDITS) {
      throw new DomainError(`Credits must be an integer between ${MIN_CREDITS} and ${MAX_CREDITS}`);
    }
  }

  private static assertDate(date: Date): void {
    if (Number.isNaN(date.getTime())) {
      throw new DomainError('Course start date is not a valid date');
    }
  }
}
