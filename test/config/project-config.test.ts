import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/project-config.js';
import { GenError } from '../../src/errors.js';
import { mapFeature } from '../../src/map/map-feature.js';
import { readDomain } from '../../src/read/domain-reader.js';
import { ORDER_DOMAIN } from '../support/fixtures.js';
import { writeProject } from '../support/projects.js';
import { loadProjectContext } from '../../src/project-context.js';

function load(text: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-config-'));
  if (text !== undefined) writeFileSync(join(dir, 'gen.config.json'), text);
  return loadProjectContext(dir).config;
}

describe('gen.config.json: concurrency', () => {
  it.each([
    ['no gen.config.json', undefined, 'optimistic'],
    ['a config that does not say', '{ "layout": "plan" }', 'optimistic'],
    ['"optimistic"', '{ "concurrency": "optimistic" }', 'optimistic'],
    ['"none"', '{ "concurrency": "none" }', 'none'],
  ] as const)('with %s is %s', (_name, text, concurrency) => {
    expect(load(text).concurrency).toBe(concurrency);
  });

  it.each([['"pessimistic"'], ['false'], ['null']])('refuses %s, pointing at its line', (value) => {
    let error: unknown;
    try {
      load(`{\n  "layout": "plan",\n  "concurrency": ${value}\n}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toBe(`gen.config.json: 'concurrency' must be "optimistic" or "none"`);
    expect((error as GenError).location).toEqual({ file: 'gen.config.json', line: 3 });
  });

  it('decides whether the root table gets a version column', () => {
    const domain = readDomain(loadProjectContext(writeProject(ORDER_DOMAIN)), DEFAULT_CONFIG, 'ordering');
    const versionOf = (text: string) => mapFeature(domain, [], load(text).concurrency).version;

    expect(versionOf('{}')).toEqual({ property: 'version', column: 'version' });
    expect(versionOf('{ "concurrency": "none" }')).toBeUndefined();
  });
});

describe('gen.config.json: firstPage', () => {
  it.each([
    ['no gen.config.json', undefined, undefined],
    ['a config that does not say', '{ "layout": "plan" }', undefined],
    ['0', '{ "firstPage": 0 }', 0],
    ['1', '{ "firstPage": 1 }', 1],
  ] as const)('with %s is %s', (_name, text, firstPage) => {
    expect(load(text).firstPage).toBe(firstPage);
  });

  it.each([['2'], ['"1"'], ['-1'], ['true'], ['null']])('refuses %s, pointing at its line', (value) => {
    let error: unknown;
    try {
      load(`{\n  "layout": "plan",\n  "firstPage": ${value}\n}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toBe(`gen.config.json: 'firstPage' must be 0 or 1`);
    expect((error as GenError).location).toEqual({ file: 'gen.config.json', line: 3 });
  });
});

describe('gen.config.json: samples', () => {
  it('reads lists of values by Class.field, and by a path into the objects a class holds', () => {
    expect(
      load('{ "samples": { "Money.currency": ["EUR", "USD"], "Order.quantity": [1, 2], "Reservation.customer.email": ["a@b.io"] } }')
        .samples,
    ).toEqual({
      'Money.currency': ['EUR', 'USD'],
      'Order.quantity': [1, 2],
      'Reservation.customer.email': ['a@b.io'],
    });
    expect(load(undefined).samples).toEqual({});
  });

  it.each([
    ['a list', '["EUR"]', `gen.config.json: 'samples' must be an object of lists by Class.field`, 2],
    [
      'a key without a class',
      '{ "currency": ["EUR"] }',
      `gen.config.json: samples key 'currency' must name a class and one of its fields, like "Money.currency" (or a field of an object it holds, like "Reservation.customer.email")`,
      3,
    ],
    [
      'a path with an empty step',
      '{ "Reservation..email": ["a@b.io"] }',
      `gen.config.json: samples key 'Reservation..email' must name a class and one of its fields, like "Money.currency" (or a field of an object it holds, like "Reservation.customer.email")`,
      3,
    ],
    [
      'an empty list',
      '{ "Money.currency": [] }',
      'gen.config.json: samples.Money.currency must be a non-empty list of strings, numbers or booleans',
      3,
    ],
    [
      'objects in the list',
      '{ "Money.currency": [{ "code": "EUR" }] }',
      'gen.config.json: samples.Money.currency must be a non-empty list of strings, numbers or booleans',
      3,
    ],
  ])('refuses %s, pointing at its line', (_name, value, message, line) => {
    let error: unknown;
    try {
      load(`{\n  "samples":\n    ${value}\n}`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GenError);
    expect((error as GenError).message).toBe(message);
    expect((error as GenError).location).toEqual({ file: 'gen.config.json', line });
  });
});

describe('gen.config.json: allowDomainImports', () => {
  it('is empty by default, and lists the modules given', () => {
    expect(load(undefined).allowDomainImports).toEqual([]);
    expect(load('{ "allowDomainImports": ["pino", "./src/shared/logger"] }').allowDomainImports).toEqual(['pino', 'src/shared/logger']);
  });

  it.each([['"pino"'], ['[1]'], ['[""]']])('refuses %s, pointing at its line', (value) => {
    expect(() => load(`{\n  "allowDomainImports": ${value}\n}`)).toThrow("gen.config.json: 'allowDomainImports' must be a list of modules");
  });
});
