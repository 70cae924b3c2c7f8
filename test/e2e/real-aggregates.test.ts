import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BILLING, COURSES, FORUM, SHIPPING } from '../fixtures/real-aggregates.js';
import { ProjectBatch } from '../support/projects.js';

// The projects are type-checked by one tsc and their suites run by one vitest, in the last test.
const batch = new ProjectBatch();

describe.each([
  // create(props, id) returning a Result, a WatchedList of child entities, a value object with a private constructor.
  {
    feature: 'forum',
    files: FORUM,
    mapper: 'post',
    expected: [
      'Post.create(',
      'Comments.create(',
      'Comment.create(',
      'PostTitle.create({ title: ',
      '.getItems()',
      'Tags.create(model.tags.map((item) => Tag.of(item))).getValue()',
      '.id.toString()',
      'new UniqueEntityID(',
      'Genre.create(',
    ],
    plan: 'each of its `Comment` children through `Comment.create`, in list order and gathered into a `Comments` through `Comments.create`',
  },
  // toJSON() and fromJSON(), events behind a symbol in a nestjs/cqrs-style base class.
  { feature: 'billing', files: BILLING, mapper: 'invoice', expected: ['invoice.toJSON()', 'Invoice.fromJSON('] },
  // toPrimitives(): any ignored; values declared in a generic ValueObject<T>; an identifier rebuilt through the factory it inherits.
  {
    feature: 'courses',
    files: COURSES,
    mapper: 'course',
    expected: ['new Course(', 'CourseId.fromPrimitives(', 'CourseName.fromPrimitives(', 'CourseDuration.of(', 'course.duration.value'],
  },
  // Private fields with their own events, a custom collection of child entities, a collection of strings.
  {
    feature: 'shipping',
    files: SHIPPING,
    mapper: 'shipment',
    expected: ['new ParcelCollection(', 'Labels.of(', '.toArray()', 'shipment.getLabels().items'],
    plan: 'list of string (JSON, in a `Labels`)',
  },
])('an aggregate as public codebases write it ($feature)', ({ feature, files, mapper, expected, plan }) => {
  it('gets an infrastructure layer, events never stored', async () => {
    const dir = await batch.generate(feature, files, feature);

    const generated = readdirSync(join(dir, 'src/infrastructure'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    const text = (suffix: string) =>
      readFileSync(
        join(
          dir,
          'src/infrastructure',
          generated.find((file) => file.endsWith(suffix))!,
        ),
        'utf8',
      );
    const mapperFile = text(`${mapper}.mapper.ts`);
    for (const part of expected) expect(mapperFile).toContain(part);
    // No column, model property or mapper line for the events the aggregate records.
    for (const file of [
      mapperFile,
      text(`${mapper}.model.ts`),
      ...generated.filter((f) => f.includes('migrations')).map((f) => readFileSync(join(dir, 'src/infrastructure', f), 'utf8')),
    ]) {
      expect(file).not.toMatch(/event/i);
    }
    if (plan) {
      const plansDir = join(dir, 'documentation/plans');
      const plans = readdirSync(plansDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.md'))
        .map((file) => readFileSync(join(plansDir, file), 'utf8'));
      expect(plans.join('\n')).toContain(plan);
    }
  });
});

it('every aggregate above gets an infrastructure layer that type-checks under strict and passes its own suites', () => {
  batch.typecheck();
  batch.runSuites();
}, 600_000);
