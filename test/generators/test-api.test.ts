import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTool, STRICT_COMPILER_OPTIONS, writeProject } from '../support/projects.js';

// The support module mocha projects get (templates/test-api.ejs), run under mocha itself in a project of its own:
// every matcher where it holds and where it must fail, the .each titles, the hooks and the time a test may take.

const TEMPLATE = readFileSync(join('templates', 'test-api.ejs'), 'utf8');

const SPEC = `import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from './test-api';

class NotFound extends Error {
  readonly subject = 'Order';
  readonly field = 'id';
}
class Money {
  constructor(readonly amount: number) {}
}

/** Passes when the expectation fails with an AssertionError whose message holds \`text\`. */
async function fails(expectation: () => unknown, text: string): Promise<void> {
  try {
    await expectation();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'AssertionError') throw error;
    if (!error.message.includes(text)) throw new Error(\`message \${error.message} lacks \${text}\`);
    return;
  }
  throw new Error('the expectation held');
}

const calls: string[] = [];
beforeAll(() => void calls.push('beforeAll'));
afterAll(() => {
  if (calls.join() !== 'beforeAll,beforeEach,afterEach,beforeEach,afterEach') throw new Error(calls.join());
});

describe.each([
  ['first', 1],
  ['second', 2],
] as [string, number][])('%s row', (name, index) => {
  beforeEach(async () => {
    if (name === 'first') calls.push('beforeEach');
  });
  afterEach(() => {
    if (name === 'first') calls.push('afterEach');
  });

  it.each([['a', index]] as [string, number][])('%s of %s', async (letter, value) => {
    expect(letter).toBe('a');
    expect(value).toBe(index);
  });

  it('runs its hooks', () => {
    expect(name.length > 0).toBe(true);
  });
});

describe('expect', () => {
  it('toBe: Object.is', async () => {
    expect(NaN).toBe(NaN);
    await fails(() => expect(0).toBe(-0), 'expected 0 to be -0');
    await fails(() => expect({}, 'labelled').toBe({}), 'labelled: expected {} to be {}');
  });

  it('toEqual: classes and undefined properties aside', async () => {
    expect(new Money(1)).toEqual({ amount: 1 });
    expect({ a: 1, b: undefined }).toEqual({ a: 1 });
    expect([new Date(5)]).toEqual([new Date(5)]);
    await fails(() => expect({ a: 1 }).toEqual({ a: 2 }), 'to equal');
    await fails(() => expect([1]).toEqual([1, 2]), 'to equal');
    await fails(() => expect(new Date(5)).toEqual(new Date(6)), 'to equal');
    await fails(() => expect({ a: 1 }).not.toEqual({ a: 1 }), 'not to equal');
  });

  it('toStrictEqual: classes and undefined properties count', async () => {
    expect({ at: new Date(5), list: [new Money(2)] }).toStrictEqual({ at: new Date(5), list: [new Money(2)] });
    await fails(() => expect(new Money(1)).toStrictEqual({ amount: 1 }), 'to strictly equal');
    await fails(() => expect({ a: 1, b: undefined }).toStrictEqual({ a: 1 }), 'to strictly equal');
    await fails(() => expect([1], 'query').toStrictEqual([2]), 'query: expected [ 1 ] to strictly equal [ 2 ]');
    expect({ a: 1 }).not.toStrictEqual({ a: 2 });
    await fails(() => expect([1]).not.toStrictEqual([1]), 'not to strictly equal');
  });

  it('toHaveLength and toBeInstanceOf', async () => {
    expect([1, 2]).toHaveLength(2);
    await fails(() => expect([1]).toHaveLength(2), 'to have length 2');
    expect(new NotFound('x')).toBeInstanceOf(Error);
    await fails(() => expect(new Error('x')).toBeInstanceOf(NotFound), 'to be an instance of NotFound');
  });

  it('toBeGreaterThan: numbers and bigints', async () => {
    expect(3).toBeGreaterThan(2);
    expect(3n).toBeGreaterThan(2n);
    await fails(() => expect(2).toBeGreaterThan(2), 'to be greater than 2');
    await fails(() => expect('3').toBeGreaterThan(2), 'to be greater than 2');
  });

  it('toMatch: a pattern or a part of a string', async () => {
    expect('5f0c-a1').toMatch(/^[0-9a-f]{4}-/);
    expect('5f0c-a1').toMatch('c-a');
    await fails(() => expect('5f0c').toMatch(/^x/), 'to match /^x/');
    await fails(() => expect(5).toMatch('5'), "to match '5'");
  });

  it('rejects.toThrow: a class, a part of the message, a pattern, or anything', async () => {
    await expect(Promise.reject(new NotFound('Order 7 not found'))).rejects.toThrow(NotFound);
    await expect(Promise.reject(new NotFound('Order 7 not found'))).rejects.toThrow('7 not');
    await expect(Promise.reject(new Error('rolled back'))).rejects.toThrow(/^rolled/);
    await expect(Promise.reject(new Error('any'))).rejects.toThrow();
    await fails(() => expect(Promise.reject(new Error('other'))).rejects.toThrow(NotFound), 'to be thrown as NotFound');
    await fails(() => expect(Promise.reject(new Error('other'))).rejects.toThrow('not found'), "to be thrown as 'not found'");
    await fails(() => expect(Promise.resolve(1)).rejects.toThrow(), 'to reject, but it resolved');
    await fails(() => expect(1).rejects.toThrow(), 'to be a promise');
  });

  it('rejects.toMatchObject: the properties named, nested', async () => {
    await expect(Promise.reject(new NotFound('x'))).rejects.toMatchObject({ subject: 'Order', field: 'id' });
    await expect(Promise.reject(Object.assign(new Error('x'), { detail: { a: 1, b: 2 } }))).rejects.toMatchObject({ detail: { a: 1 } });
    await fails(() => expect(Promise.reject(new NotFound('x'))).rejects.toMatchObject({ field: 'name' }), 'to match');
  });

  it('may take longer than mocha\\'s default 2 s', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_200));
  });

  it('may take the time it names', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
  }, 2_500);

  it.todo('is listed as pending');
});
`;

const FAILING_SPEC = `import { describe, expect, it } from './test-api';

describe('a failing expectation', () => {
  it('fails the run', () => {
    expect([1, 2], 'findAll').toStrictEqual([1]);
  });

  it('times out after the time it names', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, 100);
});
`;

let dir: string;

beforeAll(() => {
  dir = writeProject(
    {
      'test/test-api.ts': ejs.render(TEMPLATE, {}),
      'test/api.spec.ts': SPEC,
      'failing/failing.spec.ts': FAILING_SPEC.replace("'./test-api'", "'../test/test-api'"),
      '.mocharc.json': JSON.stringify({ require: ['tsx/cjs'], spec: ['test/**/*.spec.ts'] }),
      'package.json': JSON.stringify({ name: 'api', private: true }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { ...STRICT_COMPILER_OPTIONS, module: 'commonjs' },
        include: ['test', 'failing'],
      }),
    },
    { compiled: true },
  );
});

describe("the mocha projects' test API (templates/test-api.ejs)", () => {
  it('type-checks under strict options without mocha in "types", and every matcher holds and fails where it should under mocha', () => {
    const tsc = runTool('tsc', ['-p', 'tsconfig.json', '--noEmit'], dir);
    expect(tsc.output).toBe('');

    const run = runTool('mocha', [], dir);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('first row');
    expect(run.output).toContain('a of 2');
    expect(run.output).toMatch(/14 passing/);
    expect(run.output).toMatch(/1 pending/);
    expect(run.output).toContain('- is listed as pending');
  });

  it('fails the mocha run on a failed expectation, with its label, the actual and the expected value', () => {
    const run = runTool('mocha', ['failing/failing.spec.ts'], dir);
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('2 failing');
    expect(run.output).toContain('Timeout of 100ms exceeded');
    // Mocha shows the label before `: expected`, then the diff of the two values.
    expect(run.output).toMatch(/fails the run:\s+findAll\s+\+ expected - actual\s+\[\s+1\s+-\s+2\s+\]/);
  });

  it('has every matcher and every describe/it variant the generated tests call', () => {
    const sources = [
      ...readdirSync('templates').map((name) => join('templates', name)),
      ...readdirSync('generators', { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join('generators', name)),
    ];
    const called = new Set(
      sources
        .filter((path) => !path.endsWith('test-api.ejs'))
        .flatMap((path) => readFileSync(path, 'utf8').split('\n'))
        .filter((line) => line.includes('expect('))
        .flatMap((line) => [...line.matchAll(/\.((?:not\.|rejects\.|resolves\.)?to[A-Z]\w*)\(/g)].map((m) => m[1]))
        // String methods inside an expectation, not matchers.
        .filter((matcher) => !['toUpperCase', 'toLowerCase', 'toString', 'toISOString', 'toFixed'].includes(matcher)),
    );
    expect(called.size).toBeGreaterThan(5);
    const api = ejs.render(TEMPLATE, {});
    const matchers = api.slice(api.indexOf('export interface Matchers'), api.indexOf('export function expect'));
    for (const matcher of called) {
      const [group, name] = matcher.includes('.') ? matcher.split('.') : [undefined, matcher];
      const scope = group === undefined ? matchers : matchers.slice(matchers.indexOf(`readonly ${group}`));
      expect(scope, matcher).toMatch(new RegExp(`\\b${name}\\(|'${name}'`));
    }
    const variants = new Set(
      sources
        .filter((path) => !path.endsWith('test-api.ejs'))
        .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\b((?:describe|it)\.\w+)\(/g)].map((m) => m[1])),
    );
    expect([...variants].sort()).toEqual(['describe.each', 'it.each', 'it.todo']);
    for (const variant of variants) expect(api, variant).toMatch(new RegExp(`^\\s+${variant.split('.')[1]}:`, 'm'));
  });
});
