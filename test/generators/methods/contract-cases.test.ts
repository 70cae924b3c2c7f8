import { describe, expect, it } from 'vitest';
import { contractCase } from '../../../generators/methods/contract-cases.js';
import { contractCases } from '../../../generators/methods/index.js';
import { contractSuite, repositorySamples } from '../../../generators/repository-test.js';
import { orderModel } from './method-fixture.js';

describe('the contract suite of every method kind', () => {
  it('writes an it(...) block: the body indented under it, blank lines left empty, async unless told', () => {
    expect(contractCase('counts', ['await saveAll();', '', 'expect(1).toBe(1);'], ['saveAll'])).toEqual({
      lines: ["it('counts', async () => {", '  await saveAll();', '', '  expect(1).toBe(1);', '});'],
      uses: ['saveAll'],
    });
    expect(contractCase('is sync', ['expect(1).toBe(1);'], [], false).lines[0]).toBe("it('is sync', () => {");
  });

  it('orders the cases kind by kind, whatever the port order, and tests only the first method of a kind the others read with', () => {
    const model = orderModel([
      'search(text: string): Promise<Order[]>',
      'deleteByPaid(paid: boolean): Promise<number>',
      'insert(order: Order): Promise<void>',
      'count(): Promise<number>',
      'save(order: Order): Promise<void>',
      'findById(id: OrderId): Promise<Order | null>',
      'find(id: OrderId): Promise<Order>',
      'findAll(): Promise<Order[]>',
    ]);
    const titles = contractCases(model.methods, contractSuite(model, repositorySamples(model))).map((c) => c.lines[0]);
    expect(titles).toEqual([
      "it('saves Orders and finds each by id with every field intact', async () => {",
      "it('replaces the stored Order when one with the same id is saved', async () => {",
      "it('resolves to null for an id that was never saved', async () => {",
      "it('keeps what was saved when the Order changes afterwards', async () => {",
      "it('finds all Orders in id order', async () => {",
      "it('counts the stored Orders', async () => {",
      "it('insert stores a new Order, and refuses one whose id is stored: DuplicateError', async () => {",
      "it('deleteByPaid deletes order-1, order-3', async () => {",
      "it.todo('search is hand-written: test it in your own suite');",
    ]);
  });
});
