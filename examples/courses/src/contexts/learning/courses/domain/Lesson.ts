import { Duration } from './Duration.js';
import { LessonId } from './LessonId.js';

/** One lesson of a course, in the course's order. */
export class Lesson {
  constructor(
    readonly id: LessonId,
    private _title: string,
    private _duration: Duration,
  ) {}

  get title(): string {
    return this._title;
  }

  get duration(): Duration {
    return this._duration;
  }

  retitle(title: string): void {
    this._title = title.trim();
  }

  reschedule(duration: Duration): void {
    this._duration = duration;
  }
}
