// `npm run bench`: every workload of issue 9, each compared with its baseline in this same run, as one table.
import { availableParallelism } from 'node:os';
import { USAGE, parseBenchArgs, resultsJson, runBench, type BenchOptions } from './run.js';
import { renderTable } from './table.js';

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const results = await runBench(options, (text) => process.stderr.write(`${text}\n`));
  if (results.length === 0) {
    process.stderr.write(`bench: no workload matches --only ${options.only}\n${USAGE}\n`);
    return 2;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(resultsJson(results, options), null, 2)}\n`);
  } else {
    process.stdout.write(`${renderTable(results)}\n\n`);
    const smoke = options.scale < 1 ? ' A quick run: too few repeats for its times to mean much.' : '';
    process.stdout.write(
      `Scale ${options.scale}, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${availableParallelism()} CPU(s). Ratios compare medians measured in this run.${smoke}\n`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
