/** Where a course is in its life: being written, open to learners, or closed to new ones. */
export enum CourseStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Archived = 'ARCHIVED',
}
