import { databaseNotice } from './databases.js';

/** Runs once per `vitest run`, before any test file. */
export default async function setup(): Promise<void> {
  const notice = await databaseNotice();
  if (notice !== undefined) process.stderr.write(`${notice}\n`);
}
