import { Socket } from 'node:net';

/** The database servers the generated suites also run on, each at a URL an environment variable may override. */
export interface Server {
  name: string;
  url: string;
  /** Whether something accepts connections at the URL's host and port. */
  reachable: boolean;
}

/** Set (by .ci/run) to fail, instead of skip, when a server is not reachable. */
export const REQUIRE_DATABASES = process.env['GEN_REQUIRE_DATABASES'] === '1';

const SERVERS = [
  { name: 'PostgreSQL', variable: 'GEN_TEST_POSTGRES_URL', url: 'postgres://root@127.0.0.1:5432/test' },
  { name: 'MariaDB', variable: 'GEN_TEST_MARIADB_URL', url: 'mariadb://root@127.0.0.1:3306/test' },
];

/** Every server, with whether it is reachable; tells once, on stderr, which ones will be skipped and why. */
export async function databaseServers(): Promise<Server[]> {
  const servers = await Promise.all(
    SERVERS.map(async ({ name, variable, url: fallback }) => {
      const url = process.env[variable] || fallback;
      return { name, url, variable, reachable: await accepts(new URL(url)) };
    }),
  );
  for (const server of servers.filter((s) => !s.reachable && !REQUIRE_DATABASES)) {
    process.stderr.write(
      `gen tests: ${server.name} is not reachable at ${server.url}: skipping the generated suites on it ` +
        `(set ${server.variable} to another URL, or GEN_REQUIRE_DATABASES=1 to fail instead).\n`,
    );
  }
  return servers.map(({ name, url, reachable }) => ({ name, url, reachable }));
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
