import { describe, expect, it } from 'vitest';
import { boundedIdentifier } from '../../src/map/naming.js';

describe('boundedIdentifier', () => {
  it.each([
    ['ship_address_address_city', 'ship_address_address_city'],
    ['a'.repeat(63), 'a'.repeat(63)],
  ])('keeps %s, which fits', (name, expected) => {
    expect(boundedIdentifier(name)).toBe(expected);
  });

  it('shortens a longer name to 63 characters: its start and a hash of the whole name', () => {
    const name = 'warehouse_international_shipping_destination_address_address_postal_code';
    const bounded = boundedIdentifier(name);

    expect(bounded).toHaveLength(63);
    expect(bounded).toMatch(/^warehouse_international_shipping_destination_address_a_[0-9a-f]{8}$/);
    expect(boundedIdentifier(name)).toBe(bounded);
    expect(boundedIdentifier(name.replace('postal_code', 'country'))).not.toBe(bounded);
  });

  it('counts bytes, as PostgreSQL does, and drops the underscores before the hash', () => {
    expect(Buffer.byteLength(boundedIdentifier(`${'é'.repeat(40)}_x`), 'utf8')).toBeLessThanOrEqual(63);
    expect(boundedIdentifier(`${'a'.repeat(53)}______${'b'.repeat(10)}`)).toMatch(/^a{53}_[0-9a-f]{8}$/);
  });
});
