import { CI_ONLY_FILES } from './ci-only.js';
import { Socket } from 'node:net';

/** The database servers the generated suites also run on, each at a URL an environment variable may override. */
export interface Server {
  name: string;
  url: string;
  /** Whether something accepts connections at the URL's host and port. */
  reachable: boolean;
  /** Whether the suites run on it: asked for (see DATABASES_ASKED) and reachable, or required. */
  run: boolean;
}

/**
 * Set by .ci/run: the slowest end-to-end checks that repeat what a local run already checks run only then (and with
 * GEN_TEST_FULL=1 locally): the generated suites on TypeORM 1.x where TypeORM 0.3 runs the same case (examples/library
 * keeps TypeORM 1.x in every run), an older TypeScript installed from the registry, and more random domains.
 */
export const FULL_RUN = process.env['GEN_TEST_FULL'] === '1';

/** Set (by .ci/run) to run the generated suites on every server, failing instead of skipping when one is not reachable. */
export const REQUIRE_DATABASES = process.env['GEN_REQUIRE_DATABASES'] === '1';

/**
 * The generated suites run on PostgreSQL and MariaDB in CI, and locally only when asked with GEN_TEST_DATABASES=1:
 * they are about a third of the end-to-end tests' time, and what they check (SQL the server runs, on a connection
 * of its own) changes less often than what SQLite already checks.
 */
export const DATABASES_ASKED = REQUIRE_DATABASES || process.env['GEN_TEST_DATABASES'] === '1';

const SERVERS = [
  { name: 'PostgreSQL', variable: 'GEN_TEST_POSTGRES_URL', url: 'postgres://root@127.0.0.1:5432/test' },
  { name: 'MariaDB', variable: 'GEN_TEST_MARIADB_URL', url: 'mariadb://root@127.0.0.1:3306/test' },
];

/** Every server, with whether it is reachable and whether the suites run on it (connections are tried only when asked). */
export async function databaseServers(): Promise<Server[]> {
  return Promise.all(
    SERVERS.map(async ({ name, variable, url: fallback }) => {
      const url = process.env[variable] || fallback;
      const reachable = DATABASES_ASKED && (await accepts(new URL(url)));
      return { name, url, reachable, run: REQUIRE_DATABASES || reachable };
    }),
  );
}

/** What the run will skip and why, said once (from vitest's global setup) rather than by every test file. */
export async function databaseNotice(): Promise<string | undefined> {
  const lines = FULL_RUN
    ? []
    : [
        `gen tests: the TypeORM 1.x repeats of end-to-end cases, TypeScript 5.0, all but one random domain and ${CI_ONLY_FILES.join(', ')} run in CI only; GEN_TEST_FULL=1 runs them.`,
      ];
  if (!DATABASES_ASKED) {
    lines.push(
      'gen tests: the generated suites run on SQLite only; GEN_TEST_DATABASES=1 runs them on PostgreSQL and MariaDB too (CI does, with GEN_REQUIRE_DATABASES=1).',
    );
  } else {
    for (const server of (await databaseServers()).filter((s) => !s.run)) {
      const variable = SERVERS.find((s) => s.name === server.name)!.variable;
      lines.push(
        `gen tests: ${server.name} is not reachable at ${server.url}: skipping the generated suites on it (set ${variable} to another URL, or GEN_REQUIRE_DATABASES=1 to fail instead).`,
      );
    }
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

function accepts(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port), url.hostname, () => done(true));
  });
}
