import type { Course } from '../domain/Course.js';
import type { CourseRepository } from '../domain/CourseRepository.js';
import { CourseStatus } from '../domain/CourseStatus.js';

export interface CatalogueOverview {
  published: number;
  drafts: number;
  latest: Course[];
}

/** What the learning portal's front page shows: how many courses there are, and the newest ones. */
export class CourseCatalogue {
  constructor(private readonly courses: CourseRepository) {}

  async overview(): Promise<CatalogueOverview> {
    const [published, drafts, latest] = await Promise.all([
      this.courses.countByStatus(CourseStatus.Published),
      this.courses.countByStatus(CourseStatus.Draft),
      this.courses.findTop3ByStatusOrderByPublishedAtDesc(CourseStatus.Published),
    ]);
    return { published, drafts, latest };
  }
}
