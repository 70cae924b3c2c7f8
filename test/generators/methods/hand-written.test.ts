import { describe, expect, it } from 'vitest';
import { presetPaths } from '../../../src/config/layout-presets.js';
import { artifactLayout } from '../../../src/layout.js';
import { handWrittenStubs } from '../../../generators/repository-custom.js';
import { planRow } from '../../../generators/methods/index.js';
import { orderModel, testCasesOf } from './method-fixture.js';

describe('the emitter of hand-written methods', () => {
  const model = orderModel([
    'save(order: Order): Promise<void>',
    'find(text: string): Promise<Order[]>',
    'saveReadStatus(id: OrderId, read: boolean): Promise<void>',
  ]);
  const layout = artifactLayout(presetPaths('plan', 'ordering'), model.names);

  it('gives each a stub that throws until the user writes it', () => {
    expect(handWrittenStubs(model)).toEqual([
      {
        name: 'find',
        signature: 'async find(_text: string): Promise<Order[]>',
        async: true,
        body: ["throw new Error('not implemented: find');"],
      },
      {
        name: 'saveReadStatus',
        signature: 'async saveReadStatus(_id: OrderId, _read: boolean): Promise<void>',
        async: true,
        body: ["throw new Error('not implemented: saveReadStatus');"],
      },
    ]);
  });

  it.each([
    [
      'find',
      'hand-written: a stub in `src/infrastructure/persistence/repositories/order.repository.custom.ts` and `src/infrastructure/persistence/in-memory/order.repository.custom.ts`, yours to write',
    ],
    [
      'saveReadStatus',
      'hand-written (its name reads as save, but it takes no Order): a stub in `src/infrastructure/persistence/repositories/order.repository.custom.ts` and `src/infrastructure/persistence/in-memory/order.repository.custom.ts`, yours to write',
    ],
  ])('says in the plan where %s is written', (name, row) => {
    expect(
      planRow(
        model.methods.find((m) => m.method.name === name)!,
        model,
        layout,
      ),
    ).toBe(row);
  });

  it('leaves each a to-do in the contract suite, for the user to test in their own', () => {
    expect(testCasesOf(model, 'find')).toEqual([{ lines: ["it.todo('find is hand-written: test it in your own suite');"], uses: [] }]);
  });
});
