import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { AGGREGATE_FILE, ORDER_DOMAIN } from '../support/fixtures.js';
import { runGen, writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

const EVENT = 'src/domain/aggregates/ordering/order-event.ts';

/** The Order domain whose aggregate extends `base`, a class declared (with an OrderEvent class) beside it. */
function withBase(base: string): Record<string, string> {
  return {
    ...ORDER_DOMAIN,
    [EVENT]: `export class OrderEvent {\n  constructor(readonly orderId: string) {}\n}\n\nexport abstract class Base {\n${base}\n}\n`,
    [AGGREGATE_FILE]: ORDER_DOMAIN[AGGREGATE_FILE].replace(
      "import { OrderId } from './order-id';",
      "import { OrderId } from './order-id';\nimport { Base } from './order-event';",
    )
      .replace('export class Order {', 'export class Order extends Base {')
      .replace('  ) {}\n}', '  ) {\n    super();\n  }\n}'),
  };
}

function eventsOf(base: string) {
  return readDomain(loadProjectContext(writeProject(withBase(base))), DEFAULT_CONFIG, 'ordering').aggregate.domainEvents;
}

const LIST = '  private recorded: OrderEvent[] = [];';

describe('how an aggregate hands out its domain events', () => {
  it.each([
    [
      'a pull method',
      `${LIST}\n  pullDomainEvents(): OrderEvent[] {\n    return this.recorded.splice(0);\n  }`,
      { kind: 'pull', method: 'pullDomainEvents' },
    ],
    [
      'a pull method returning a readonly list',
      `${LIST}\n  pullEvents(): readonly OrderEvent[] {\n    return this.recorded.splice(0);\n  }`,
      { kind: 'pull', method: 'pullEvents' },
    ],
    [
      "a getter and a clear method (domain-driven-hexagon's AggregateRoot)",
      `${LIST}\n  get domainEvents(): OrderEvent[] {\n    return this.recorded;\n  }\n  clearEvents(): void {\n    this.recorded = [];\n  }`,
      { kind: 'read-and-clear', read: 'domainEvents', clear: 'clearEvents' },
    ],
    [
      "a method and uncommit() (@nestjs/cqrs's AggregateRoot)",
      `${LIST}\n  getUncommittedEvents(): OrderEvent[] {\n    return this.recorded;\n  }\n  uncommit(): void {\n    this.recorded = [];\n  }`,
      { kind: 'read-and-clear', read: 'getUncommittedEvents()', clear: 'uncommit' },
    ],
  ])('finds %s', (_, base, expected) => {
    expect(eventsOf(base)).toEqual(expected);
  });

  it.each([
    ['a protected pull method', `${LIST}\n  protected pullDomainEvents(): OrderEvent[] {\n    return this.recorded.splice(0);\n  }`],
    ['a pull method returning something else than events', '  pullDomainEvents(): string[] {\n    return [];\n  }'],
    [
      'a pull method taking a parameter',
      `${LIST}\n  pullDomainEvents(limit: number): OrderEvent[] {\n    return this.recorded.splice(0, limit);\n  }`,
    ],
    ['a getter without a way to clear it', `${LIST}\n  get domainEvents(): OrderEvent[] {\n    return this.recorded;\n  }`],
  ])('finds nothing in %s', (_, base) => {
    expect(eventsOf(base)).toBeUndefined();
  });

  it('stops --outbox on an aggregate with no events, at the aggregate, writing nothing', async () => {
    const dir = writeProject(ORDER_DOMAIN);
    const run = await runGen(['infra', 'ordering', '--cwd', dir, '--outbox']);

    expect(run.code).toBe(2);
    expect(run.err).toContain(`${AGGREGATE_FILE}:4: --outbox: aggregate Order offers no domain events to write to the outbox`);
    expect(run.err).toContain('pullDomainEvents()');
    expect(existsSync(join(dir, 'src/infrastructure'))).toBe(false);
  });
});
