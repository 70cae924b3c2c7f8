/** Academic level a course is taught at. */
export enum CourseLevel {
  Introductory = 'INTRODUCTORY',
  Intermediate = 'INTERMEDIATE',
  Advanced = 'ADVANCED',
  Graduate = 'GRADUATE',
}
