import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GenError } from '../errors.js';

/** A domain module to import, and the names the expressions use for its exports. */
export interface ProbeModule {
  file: string;
  bindings: { exported: string; local: string }[];
}

export interface ProbeRequest {
  modules: ProbeModule[];
  /** JavaScript expressions over the bindings (`Email.create('alice@gmail.com')`). */
  thunks: string[];
  /**
   * Answer each accepted expression's value too (see ReadValue): what the domain stores for a sample, read back to
   * find the form it normalises a value to (a lower-cased email).
   */
  read?: true;
}

/** A value read back: a primitive, a bigint as `{ bigint: '10' }`, a Date as its ISO text, an array of these; `{ other: true }` is anything else. */
export type ReadValue = string | number | boolean | null | { bigint: string } | { other: true } | ReadValue[];

export type ProbeResult = { accepted: true; value?: ReadValue } | { accepted: false; message: string };

export type ProbeAnswer = { results: ProbeResult[] } | { error: string };

/** How long one batch may take, first imports included. */
const TIMEOUT_MS = 30_000;

/**
 * One child process that runs the domain's own TypeScript (through tsx, honouring the project's tsconfig paths and
 * module system) and evaluates batches of expressions: whether each is accepted, or the message the domain threw.
 */
export class DomainProbe {
  private child: ChildProcess | undefined;
  private stderr = '';
  /** Expressions evaluated, for the cost note. */
  evaluated = 0;

  private readonly projectRoot: string;

  constructor(projectRoot: string) {
    this.projectRoot = resolve(projectRoot);
  }

  async evaluate(request: ProbeRequest): Promise<ProbeResult[]> {
    const answer = await this.ask(request, TIMEOUT_MS);
    if (answer === 'timeout') throw this.failure(`no answer within ${TIMEOUT_MS / 1000}s`);
    return answer;
  }

  /** Like evaluate, each accepted expression answered with its value (see ProbeRequest.read). */
  async read(request: Omit<ProbeRequest, 'read'>): Promise<ProbeResult[]> {
    return this.evaluate({ ...request, read: true });
  }

  /**
   * Like evaluate, for expressions the domain may take too long on (a rule quadratic in a collection's size):
   * 'timeout' past `ms`, the child process then stopped (the next batch starts another).
   */
  async evaluateWithin(request: ProbeRequest, ms: number): Promise<ProbeResult[] | 'timeout'> {
    const answer = await this.ask(request, ms);
    if (answer === 'timeout') this.close();
    return answer;
  }

  private async ask(request: ProbeRequest, ms: number): Promise<ProbeResult[] | 'timeout'> {
    if (request.thunks.length === 0) return [];
    const child = this.process();
    this.evaluated += request.thunks.length;
    const answer = await new Promise<ProbeAnswer | 'timeout'>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve('timeout');
      }, ms);
      const onMessage = (reply: ProbeAnswer) => {
        cleanup();
        resolve(reply);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(this.failure(`the child process exited (code ${code})`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(request);
    });
    if (answer === 'timeout') return answer;
    if ('error' in answer) throw new GenError(`gen could not load the domain to check the test samples: ${answer.error}`);
    return answer.results;
  }

  private failure(why: string): GenError {
    return new GenError(
      `gen could not run the domain's code to check the test samples: ${why}${this.stderr ? `\n${lastLines(this.stderr)}` : ''}`,
      undefined,
      "The samples are built with the domain's own constructors in a child process (node with tsx); check that the domain files run under node.",
    );
  }

  close(): void {
    this.child?.kill();
    this.child = undefined;
  }

  /** Starts the child process (if not yet started), so that its loader starts while the parent reads the domain. */
  start(): this {
    this.process();
    return this;
  }

  private process(): ChildProcess {
    if (this.child) return this.child;
    const here = fileURLToPath(import.meta.url);
    // Beside this module: probe-child.js when gen runs from dist, probe-child.ts in gen's own tests.
    const script = join(here, '..', `probe-child${extname(here)}`);
    const tsconfig = join(this.projectRoot, 'tsconfig.json');
    const child = fork(script, [], {
      cwd: this.projectRoot,
      execArgv: ['--import', tsxLoader()],
      env: { ...process.env, ...(existsSync(tsconfig) ? { TSX_TSCONFIG_PATH: tsconfig } : {}) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    // An idle probe must not keep gen running.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }
}

/** The end of the child's stderr, where its error is, each line cut short (a loader's minified source can be one huge line). */
function lastLines(text: string): string {
  return text
    .trim()
    .split('\n')
    .slice(-8)
    .map((line) => (line.length > 200 ? `${line.slice(0, 197)}...` : line))
    .join('\n');
}

/** tsx as gen's own dependency (not the project's): the loader the child runs the domain's TypeScript with. */
function tsxLoader(): string {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    throw new GenError(
      "gen cannot find its dependency 'tsx', which runs the domain's code to check the test samples",
      undefined,
      "Reinstall gen's dependencies (npm install in gen's folder).",
    );
  }
}
