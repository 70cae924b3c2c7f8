import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { normalisation, normalisingDomain, normalisingDomainOf } from '../support/normalising-domain.js';
import { ProjectBatch } from '../support/projects.js';

// Domains that normalise what they store (d4nicoder/ddd-cqrs-typescript's EmailValueObject lower-cases in its getter):
// the generated suite writes each sample in the form the domain stores it, so what comes back is what it wrote, with
// no "samples" in gen.config.json. One fixed domain, and seeded ones whose normalisations are drawn at random.
const SEEDS = [2, 4];
const TEST = 'tests/integration/infrastructure/member.repository.test.ts';

it('generates suites that pass where the domain lower-cases an email, upper-cases a code and an id, and trims a name', async () => {
  const batch = new ProjectBatch();
  const fixed = normalisingDomainOf(0, {
    id: normalisation('uppercase'),
    email: normalisation('trim and lowercase'),
    code: normalisation('uppercase'),
    nickname: normalisation('trim'),
    label: normalisation('lowercase'),
    getters: [false, true, false],
  });
  const fixedDir = await batch.generate('fixed', fixed.files, fixed.feature);
  const domains = SEEDS.map((seed) => normalisingDomain(seed));
  const dirs = new Map([[fixed, fixedDir]]);
  for (const domain of domains) dirs.set(domain, await batch.generate(`seed-${domain.seed}`, domain.files, domain.feature));

  const test = readFileSync(join(fixedDir, TEST), 'utf8');
  // Written as the domain stores them: the id and code upper case (a lookup by the id names the stored one).
  expect(test).toContain("new MemberId('MEMBER-1')");
  expect(test).toContain("new MemberCode('MEMBERCODE ALPHA')");
  expect(test).toContain("new MemberId('MEMBER-999')");
  expect(test).not.toMatch(/new MemberCode\('[^']*[a-z]/);
  // Every string literal the suite passes to a normalising constructor is a fixed point of its normalisation.
  for (const domain of [fixed, ...domains]) {
    const source = readFileSync(join(dirs.get(domain)!, TEST), 'utf8');
    const calls: [string, string][] = [
      ['new MemberId', 'Member.id'],
      ['new Email', 'Member.email'],
      ['new MemberCode', 'Member.code'],
    ];
    for (const [call, key] of calls)
      for (const [, literal] of source.matchAll(new RegExp(`${call}\\('([^']*)'\\)`, 'g')))
        expect(domain.normalisations[key].apply(literal), `${domain.summary}: ${call}('${literal}')`).toBe(literal);
  }

  batch.typecheck();
  const ran = batch.runSuites();
  for (const [name, suites] of ran) expect(suites.passed, name).toBeGreaterThan(40);
}, 600_000);
