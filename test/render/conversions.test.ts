import { describe, expect, it } from 'vitest';
import { mapField } from '../../src/map/column-spec.js';
import type { FieldModel, Rehydration, ValueType } from '../../src/model/domain-model.js';
import {
  argumentValue,
  columnAssignments,
  fromColumns,
  memberFromColumns,
  rehydrationCall,
  wrappedTypes,
  type MapperLocal,
} from '../../src/render/conversions.js';

const location = { file: 'src/domain/price.ts', line: 1 };

function field(name: string, type: ValueType, extra: Partial<FieldModel> = {}): FieldModel {
  return { name, type, optional: false, nullable: false, list: false, mutable: false, access: `.${name}`, location, ...extra };
}

const number: ValueType = { kind: 'primitive', primitive: 'number' };
const string: ValueType = { kind: 'primitive', primitive: 'string' };
const money: ValueType = {
  kind: 'composite',
  name: 'Money',
  file: 'src/domain/money.ts',
  fields: [
    field('amount', number, { access: '.toPrimitives().amount' }),
    field('currency', string, { access: '.toPrimitives().currency' }),
  ],
  rehydration: { call: { kind: 'static', method: 'fromPrimitives' }, arguments: [{ kind: 'object', fields: ['amount', 'currency'] }] },
  snapshot: 'toPrimitives()',
};

describe('conversions', () => {
  it('reads a value object that offers toPrimitives() through one call, kept in a local', () => {
    const locals: MapperLocal[] = [];
    const assignments = columnAssignments('price.floor', mapField(field('floor', money, { optional: true }), 'id'), locals);

    expect(locals).toEqual([{ name: 'floorPrimitives', value: 'price.floor?.toPrimitives()' }]);
    expect(assignments).toEqual([
      { property: 'floorAmount', value: 'floorPrimitives?.amount ?? null' },
      { property: 'floorCurrency', value: 'floorPrimitives?.currency ?? null' },
    ]);
  });

  it('rebuilds it through fromPrimitives({ ... }), absent when a required part is NULL', () => {
    expect(fromColumns('model', mapField(field('floor', money, { optional: true }), 'id'))).toBe(
      'model.floorAmount === null || model.floorCurrency === null ? undefined : Money.fromPrimitives({ amount: model.floorAmount, currency: model.floorCurrency })',
    );
  });

  it('leaves out a member declared with `?` when its columns hold nothing, instead of passing undefined', () => {
    const props = {
      call: { kind: 'static' as const, method: 'restore' },
      arguments: [{ kind: 'object' as const, fields: ['note', 'floor'], omittable: ['note', 'floor'] }],
    };
    const mappings = new Map([
      ['note', mapField(field('note', string, { optional: true }), 'id')],
      ['floor', mapField(field('floor', money, { optional: true }), 'id')],
    ]);

    expect(
      rehydrationCall(
        'Price',
        props,
        (f) => fromColumns('model', mappings.get(f)!),
        (f) => memberFromColumns('model', mappings.get(f)!),
      ),
    ).toBe(
      'Price.restore({ ...(model.note === null ? {} : { note: model.note }), ...(model.floorAmount === null || model.floorCurrency === null ? {} : { floor: Money.fromPrimitives({ amount: model.floorAmount, currency: model.floorCurrency }) }) })',
    );
    expect(
      rehydrationCall(
        'Price',
        props,
        () => 'x',
        () => ({ omit: true }),
      ),
    ).toBe('Price.restore({})');
  });

  it('builds a value object around a stored primitive where the rebuild takes one, element by element for a list', () => {
    const memberId = {
      kind: 'value-object' as const,
      name: 'MemberId',
      file: 'src/domain/member-id.ts',
      valueAccess: '.value',
      primitive: 'string' as const,
      rehydration: { call: { kind: 'static' as const, method: 'of' }, arguments: [{ kind: 'field' as const, field: 'value' }] },
    };
    const rebuild: Rehydration = {
      call: { kind: 'constructor' },
      arguments: [
        { kind: 'wrapped', field: 'id', type: memberId },
        { kind: 'object', fields: ['visits', { kind: 'wrapped', field: 'friends', type: memberId, list: true }] },
      ],
    };

    expect(rehydrationCall('Member', rebuild, (f) => `model.${f}`)).toBe(
      'new Member(MemberId.of(model.id), { visits: model.visits, friends: model.friends.map((item) => MemberId.of(item)) })',
    );
    expect(wrappedTypes(rebuild).map((t) => 'name' in t && t.name)).toEqual(['MemberId', 'MemberId']);
  });

  it('binds a value read through a call before testing it, which does not narrow a call: an optional list, an optional value in JSON', () => {
    const notes = mapField(field('notes', string, { optional: true, list: true, access: '.getNotes()' }), 'id');
    expect(columnAssignments('item.getNotes()', notes)).toEqual([
      { property: 'notes', value: '((value) => value ? [...value] : null)(item.getNotes())' },
    ]);
    // A property chain is narrowed by the test: no binding.
    expect(columnAssignments('item.notes', notes)).toEqual([{ property: 'notes', value: 'item.notes ? [...item.notes] : null' }]);

    const gift: ValueType = {
      kind: 'composite',
      name: 'Gift',
      file: 'src/domain/gift.ts',
      fields: [field('message', string, { access: '.getMessage()' })],
      rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'message' }] },
    };
    const line: ValueType = {
      kind: 'composite',
      name: 'Line',
      file: 'src/domain/line.ts',
      fields: [field('gift', gift, { optional: true, access: '.getGift()' })],
      rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'gift' }] },
    };
    const lines = mapField(field('lines', line, { list: true, access: '.getLines()' }), 'id');
    expect(columnAssignments('order.getLines()', lines)).toEqual([
      {
        property: 'lines',
        value:
          'order.getLines().map((item) => ({ gift: ((value) => value == null ? null : ({ message: value.getMessage() }))(item.getGift()) }))',
      },
    ]);
  });

  it('unwraps a query argument by its own type, whatever the field stores', () => {
    const productId: ValueType = {
      kind: 'value-object',
      name: 'ProductId',
      file: 'src/domain/product-id.ts',
      valueAccess: '.value',
      primitive: 'string',
      rehydration: { call: { kind: 'constructor' }, arguments: [{ kind: 'field', field: 'value' }] },
    };

    expect(argumentValue('id', productId)).toBe('id.value');
    expect(argumentValue('id', string)).toBe('id');
  });
});
