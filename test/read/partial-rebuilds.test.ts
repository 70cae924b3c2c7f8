import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { directWriteWarnings, mapFeature } from '../../src/map/map-feature.js';
import type { DomainModel } from '../../src/model/domain-model.js';
import { loadProjectContext } from '../../src/project-context.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { rehydrationCall } from '../../src/render/conversions.js';
import {
  ACCOUNTS_HASHING,
  CUSTOMERS,
  CUSTOMERS_COPYING_GETTERS,
  CUSTOMERS_EMAIL_VALUE,
  CUSTOMERS_FROZEN,
  CUSTOMERS_HASH_PRIVATE,
  CUSTOMERS_RECORDING,
  MEMBERS,
  MEMBERS_FROZEN_BY_THE_FACTORY,
  MEMBERS_RECORDING_DOWN_A_STATIC,
  MEMBERS_RECORDING_THROUGH_A_HELPER,
  MEMBERS_RECORDING_TO_A_REGISTRY,
  MEMBERS_SEALED_DOWN_A_STATIC,
  ORDERS,
} from '../fixtures/partial-rebuilds.js';
import { writeProject } from '../support/projects.js';
import { thrown } from '../support/thrown.js';

function read(files: Record<string, string>, feature: string): DomainModel {
  return readDomain(loadProjectContext(writeProject(files)), DEFAULT_CONFIG, feature);
}

function refusal(files: Record<string, string>, feature: string): GenError {
  return thrown(() => read(files, feature));
}

describe('a constructor or factory that takes some of the stored fields', () => {
  it('rebuilds through the constructor, then writes the members it does not take (fc-ddd-patterns Customer)', () => {
    const { aggregate } = read(CUSTOMERS, 'customers');

    expect(aggregate.fields.map((f) => f.name)).toEqual(['id', 'name', 'address', 'active', 'rewardPoints']);
    expect(aggregate.rehydration).toEqual({
      call: { kind: 'constructor' },
      arguments: [
        { kind: 'field', field: 'id' },
        { kind: 'field', field: 'name' },
      ],
      written: [
        { field: 'address', member: '_address' },
        { field: 'active', member: '_active' },
        { field: 'rewardPoints', member: '_rewardPoints' },
        { field: 'id', member: '_id', taken: true },
        { field: 'name', member: '_name', taken: true },
      ],
    });
    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(
      'Object.assign<Customer, object>(new Customer(r.id, r.name), { _address: r.address, _active: r.active, _rewardPoints: r.rewardPoints, _id: r.id, _name: r.name })',
    );
  });

  it('writes a member a getter hands out a copy of ([...this._tags], new Date(this._joinedAt)): the copy is the stored value', () => {
    const { aggregate } = read(CUSTOMERS_COPYING_GETTERS, 'customers');

    expect(aggregate.rehydration.written?.filter((w) => w.taken !== true)).toEqual([
      { field: 'tags', member: '_tags' },
      { field: 'joinedAt', member: '_joinedAt' },
    ]);
  });

  it('warns at the class, naming the builder and the members written, so a reviewer can predict a load', () => {
    expect(directWriteWarnings(mapFeature(read(CUSTOMERS, 'customers')))).toEqual([
      'src/domain/customers/customer.ts:3: Customer is rebuilt through its constructor, which takes only some of its stored fields, then _address, _active, _rewardPoints are written directly onto the instance, and _id, _name written back as stored over what it made of them, bypassing its methods (as an ORM rehydrates); to rebuild it through code you own, add a static reconstitute() that takes every stored field.',
    ]);
    expect(directWriteWarnings(mapFeature(read(ORDERS, 'orders')))[0]).toContain(
      'Order is rebuilt through Order.create(), which takes only',
    );
  });

  it('rebuilds through a factory when the constructor is private, the clock it reads overwritten (tap-ddd Order)', () => {
    const { aggregate } = read(ORDERS, 'orders');

    expect(aggregate.rehydration).toMatchObject({
      call: { kind: 'static', method: 'create' },
      arguments: [{ kind: 'object', fields: ['id', 'sellerId', 'quantities'] }],
      written: [
        { field: 'total', member: '_total' },
        { field: 'createdAt', member: '_createdAt' },
        { field: 'status', member: '_status' },
        { field: 'paidAt', member: '_paidAt' },
        { field: 'id', member: 'id', taken: true },
        { field: 'sellerId', member: '_sellerId', taken: true },
        { field: 'quantities', member: '_quantities', taken: true },
      ],
    });
  });

  it('refuses a constructor that records a domain event, naming it and the call', () => {
    const error = refusal(CUSTOMERS_RECORDING, 'customers');

    expect(error.message).toBe(
      "cannot rebuild Customer from its stored fields (id, name, address, active, rewardPoints): new Customer takes only id, name, and it records a domain event (this.addDomainEvent({ name: 'CustomerCreated', id }), line 13), which every load would record again",
    );
    expect(error.location).toMatchObject({ file: 'src/domain/customers/customer.ts', line: 10 });
    expect(error.hint).toContain(
      'static reconstitute(props: { id: string; name: string; address?: Address; active: boolean; rewardPoints: number }): Customer',
    );
  });

  it('refuses an ECMAScript private member, which nothing outside the class can write', () => {
    const error = refusal(CUSTOMERS_HASH_PRIVATE, 'customers');

    expect(error.message).toBe(
      'cannot rebuild Customer from its stored fields: new Customer takes only id, name, and Customer.#rewardPoints is an ECMAScript private field, which nothing outside the class can write',
    );
    expect(error.location).toMatchObject({ file: 'src/domain/customers/customer.ts', line: 8 });
    expect(error.hint).toContain('declare it `private rewardPoints`');
  });

  it('refuses a constructor that seals the instance', () => {
    expect(refusal(CUSTOMERS_FROZEN, 'customers').message).toBe(
      'cannot rebuild Customer from its stored fields: new Customer takes only id, name, and address, active, rewardPoints cannot be written after it, since its constructor locks the instance (Object.seal(this), line 13)',
    );
  });

  it('refuses to write a stored primitive into a member that holds the value object it is read from', () => {
    const error = refusal(CUSTOMERS_EMAIL_VALUE, 'customers');

    expect(error.message).toBe(
      'cannot rebuild Customer from its stored fields: new Customer takes only id, name, and Customer._email (Email) holds what email is computed from, not the stored email itself, so writing the stored value into it would load a wrong email',
    );
    expect(error.location).toMatchObject({ file: 'src/domain/customers/customer.ts', line: 6 });
    expect(error.hint).toContain('let the constructor (or a static reconstitute) take email and set it');
  });

  it('writes back what a factory that transforms its input took, so a load does not hash the stored hash again', () => {
    const { aggregate } = read(ACCOUNTS_HASHING, 'accounts');

    expect(rehydrationCall(aggregate.name, aggregate.rehydration, (f) => `r.${f}`)).toBe(
      'Object.assign<Account, object>(Account.create({ id: r.id, email: r.email, password: r.password }), { _active: r.active, _id: r.id, _email: r.email, _password: r.password })',
    );
    expect(directWriteWarnings(mapFeature(read(ACCOUNTS_HASHING, 'accounts')))[0]).toContain(
      'then _active is written directly onto the instance, and _id, _email, _password written back as stored over what it made of them',
    );
  });

  it('follows a builder down every call it makes, whatever the names, for an event it records', () => {
    // create() -> private static make() -> member.addDomainEvent(...)
    const downAStatic = refusal(MEMBERS_RECORDING_DOWN_A_STATIC, 'members');
    expect(downAStatic.message).toBe(
      "cannot rebuild Member from its stored fields (id, name, active, points): Member.create takes only id, name, and it records a domain event (member.addDomainEvent({ name: 'MemberJoined', id }), line 16), which every load would record again",
    );
    expect(downAStatic.location).toMatchObject({ file: 'src/domain/members/member.ts', line: 10 });
    expect(downAStatic.hint).toContain('Decide how a stored Member is rebuilt without recording events');
    // DomainEvents.add(new MemberJoined(id)): neither name says "event" on its own.
    expect(refusal(MEMBERS_RECORDING_TO_A_REGISTRY, 'members').message).toContain(
      'new Member takes only id, name, and it records a domain event (DomainEvents.add(new MemberJoined(_id)), line 12)',
    );
    // The constructor calls welcome(this), a function that calls the AggregateRoot base's apply (NestJS CQRS).
    expect(refusal(MEMBERS_RECORDING_THROUGH_A_HELPER, 'members').message).toContain(
      'new Member takes only id, name, and it records a domain event (member.apply(new MemberJoined(member.id)), line 5)',
    );
  });

  it('refuses a factory that freezes or seals what it returns, with the decision to make (not the samples)', () => {
    expect(read(MEMBERS, 'members').aggregate.rehydration).toMatchObject({
      call: { kind: 'static', method: 'create' },
      written: [
        { field: 'active', member: '_active' },
        { field: 'points', member: '_points' },
        { field: 'id', member: '_id', taken: true },
        { field: 'name', member: '_name', taken: true },
      ],
    });

    const frozen = refusal(MEMBERS_FROZEN_BY_THE_FACTORY, 'members');
    expect(frozen.message).toBe(
      'cannot rebuild Member from its stored fields: Member.create takes only id, name, and active, points cannot be written after it, since Member.create locks the instance it returns (Object.freeze(member), line 12)',
    );
    expect(frozen.location).toMatchObject({ file: 'src/domain/members/member.ts', line: 12 });
    expect(frozen.hint).toContain('static reconstitute(props: { id: string; name: string; active: boolean; points: number }): Member');
    expect(frozen.hint).not.toContain('samples');

    expect(refusal(MEMBERS_SEALED_DOWN_A_STATIC, 'members').message).toContain(
      'since Member.create locks the instance it returns (Object.seal(member), line 16)',
    );
  });
});
