import { describe, expect, it } from 'vitest';
import { estimateEffort, formatMinutes } from '../../generators/effort-estimate.js';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { withPortMethods } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

describe('estimateEffort', () => {
  it('counts columns, CRUD methods and derived queries of the model, at fixed rates', () => {
    const model = mapFeature(
      readDomain(
        loadProjectContext(
          writeProject(
            withPortMethods(
              '  save(order: Order): Promise<void>;\n  findById(id: OrderId): Promise<Order | null>;\n  findByStatus(status: OrderStatus): Promise<Order[]>;\n  findByPaid(paid: boolean): Promise<Order[]>;',
            ),
          ),
        ),
        DEFAULT_CONFIG,
        'ordering',
      ),
    );

    const effort = estimateEffort(model);

    expect(effort.rows.map((r) => [r.work, r.count, r.minutes])).toEqual([
      ['Review a column (entity, migration and mapper)', 7, 21],
      ['Review a CRUD method', 2, 10],
      ['Review a derived query and its index', 2, 20],
      ['Write and test a hand-written method (by hand)', 0, 0],
      ['Wire the repository into the composition root (by hand)', 1, 30],
    ]);
    expect(effort.totalMinutes).toBe(81);
    expect(effort.handWrittenMethods).toEqual([]);
  });

  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [105, '1 h 45 min'],
    [0, '0 min'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
