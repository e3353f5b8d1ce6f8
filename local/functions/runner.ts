// Runs a declared Lambda function locally, each execution environment a child
// `node` process (runtime.js). Why a process and not a worker thread or a realm:
// only a process is fully apart from the server. A worker thread's resourceLimits
// do not hold for one large allocation — V8 then aborts the whole process, server
// included (tried: an 8M-element array in a 128 MB worker killed the test runner) —
// and a realm shares the server's heap and event loop. A process gets its own
// heap (--max-old-space-size = memorySize), its own process.env (the function's
// environment only), process.exit() ends only it, and SIGKILL stops a hung
// handler mid-loop. It costs ~50 ms to start, once per environment: environments
// stay warm. A crash, throw, hang or OOM becomes Lambda's error answer; the server goes on.
//
// As in Lambda, an environment serves one invocation at a time and stays warm
// for the next (module state lasts); concurrent calls start more environments,
// up to MAX_ENVIRONMENTS per function, then wait their turn.
import { randomUUID } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { LambdaFunctionDeclaration } from '../declaration/declaration.ts';
import { bundleHandler, type HandlerBundle } from './bundle.ts';

/** What Lambda answers an invocation with: the function's JSON result, or its error (as the Invoke API's payload of a function error). */
export type LambdaAnswer = { ok: true; result: unknown } | { ok: false; errorType: string; errorMessage: string };

export const MAX_ENVIRONMENTS = 8;
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '123456789012';

const RUNTIME = new URL('./runtime.js', import.meta.url);

type Pending = { id: number; resolve: (answer: LambdaAnswer) => void; timer: NodeJS.Timeout | undefined; requestId: string };

class Environment {
  readonly child: ChildProcess;
  pending: Pending | undefined;
  dead = false;
  /** Settles once the handler is loaded (the init phase), or the process is gone. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  /** The end of the process's stderr: V8 says there when the heap ran out. */
  private stderrTail = '';

  constructor(bundle: HandlerBundle, fn: LocalLambdaFunction, env: Record<string, string>, onGone: (environment: Environment) => void) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const settings = { ...bundle, functionName: fn.name, memorySize: fn.settings.memorySize, arn: fn.arn };
    this.child = fork(RUNTIME, [JSON.stringify(settings)], {
      env,
      execArgv: [`--max-old-space-size=${fn.settings.memorySize}`],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4096);
    });
    this.idle();
    this.child.on('message', (message: { ready?: true; fatal?: true; id: number; payload?: string; error?: { errorType: string; errorMessage: string } }) => {
      if (message.ready) return this.markReady();
      // The runtime is exiting after an uncaught error: no further invocation may go to it.
      if (message.fatal) this.dead = true;
      const pending = this.pending;
      if (!pending || pending.id !== message.id) return;
      this.settle(
        message.error
          ? { ok: false, errorType: message.error.errorType, errorMessage: message.error.errorMessage }
          : { ok: true, result: JSON.parse(message.payload ?? 'null') },
      );
    });
    // An uncaught exception, an out-of-memory, process.exit(): the environment is gone, as Lambda's would be.
    this.child.on('exit', (code, signal) => {
      this.markReady();
      if (this.dead) return;
      this.dead = true;
      const requestId = this.pending?.requestId ?? '';
      if (/heap out of memory|Reached heap limit/.test(this.stderrTail)) {
        this.settle({ ok: false, errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` });
      } else {
        const why = signal ? `signal: ${signal.replace(/^SIG/, '').toLowerCase()}` : `exit status ${code}`;
        this.settle({ ok: false, errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${why}` });
      }
      onGone(this);
    });
    this.child.on('error', () => this.child.kill('SIGKILL'));
  }

  /** An idle environment does not keep the server's event loop alive. */
  private idle() {
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }

  private busy() {
    this.child.ref();
    (this.child.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  stop() {
    this.dead = true;
    this.child.kill('SIGKILL');
  }

  async run(id: number, event: unknown, timeoutMs: number, onTimeout: () => void): Promise<LambdaAnswer> {
    const requestId = randomUUID();
    this.busy();
    // Init (starting node, loading the handler) is not counted against the timeout, as in Lambda; a process that dies in it answers through 'exit'.
    return new Promise((resolve) => {
      this.pending = { id, resolve, timer: undefined, requestId };
      void this.ready.then(() => {
        if (this.pending?.id !== id || this.dead) return;
        this.pending.timer = setTimeout(onTimeout, timeoutMs);
        this.child.send({ id, event, requestId, timeoutMs });
      });
    });
  }

  settle(answer: LambdaAnswer) {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (!this.dead) this.idle();
    pending.resolve(answer);
  }
}

export class LocalLambdaFunction {
  readonly arn: string;
  private bundle: HandlerBundle | undefined;
  /** The code the bundle held when loaded: update() compares with it. */
  private code: string | undefined;
  private readonly idle: Environment[] = [];
  private readonly busy = new Set<Environment>();
  private readonly waiting: ((environment: Environment) => void)[] = [];
  private nextId = 1;
  private closed = false;
  /** Raised by replace(): an environment of an older generation is not reused. */
  private generation = 0;
  private readonly generations = new WeakMap<Environment, number>();

  constructor(
    readonly name: string,
    public settings: LambdaFunctionDeclaration,
  ) {
    this.arn = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;
  }

  /** Bundles the handler now, so that a build error stops the API from starting (as a failed deployment would). */
  prepare() {
    if (this.bundle) return;
    this.bundle = bundleOf(this.name, this.settings);
    this.code = readFileSync(this.bundle.file, 'utf8');
  }

  /**
   * The function's settings and code read again (a template written again, its code
   * edited): when either changed, later invocations run in fresh environments (a warm one
   * keeps the old module); one running now finishes on the old code, whose environment
   * then goes. Answers whether anything changed; throws, changing nothing, when the
   * handler does not build.
   */
  update(settings: LambdaFunctionDeclaration): boolean {
    this.prepare();
    const bundle = bundleOf(this.name, settings);
    const code = readFileSync(bundle.file, 'utf8');
    if (code === this.code && isDeepStrictEqual(settings, this.settings)) return false;
    this.settings = settings;
    this.bundle = bundle;
    this.code = code;
    this.generation++;
    for (const environment of this.idle.splice(0)) environment.stop();
    return true;
  }

  /** A synchronous invocation (RequestResponse): the function's result or error. Never rejects. */
  async invoke(event: unknown): Promise<LambdaAnswer> {
    if (this.closed) return { ok: false, errorType: 'ServiceException', errorMessage: 'The function is shut down.' };
    let payload: unknown;
    try {
      // Lambda takes JSON: what does not survive it does not reach the function.
      payload = JSON.parse(JSON.stringify(event ?? null));
    } catch (error) {
      return { ok: false, errorType: 'InvalidRequestContentException', errorMessage: `Could not parse request body into json: ${(error as Error).message}` };
    }
    const environment = await this.acquire();
    const timeoutMs = this.settings.timeout * 1000;
    const answer = await environment.run(this.nextId++, payload, timeoutMs, () => {
      // A hung handler is stopped where it is; its environment is not reused.
      const requestId = environment.pending?.requestId ?? '';
      environment.stop();
      environment.settle({
        ok: false,
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${requestId} Error: Task timed out after ${this.settings.timeout.toFixed(2)} seconds`,
      });
      this.forget(environment);
    });
    this.release(environment);
    return answer;
  }

  async close() {
    this.closed = true;
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    for (const environment of all) environment.stop();
  }

  private acquire(): Promise<Environment> {
    const ready = this.idle.pop();
    if (ready) {
      this.busy.add(ready);
      return Promise.resolve(ready);
    }
    if (this.busy.size < MAX_ENVIRONMENTS) {
      this.prepare();
      const environment = new Environment(this.bundle!, this, this.environmentVariables(), (gone) => this.forget(gone));
      this.generations.set(environment, this.generation);
      this.busy.add(environment);
      return Promise.resolve(environment);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(environment: Environment) {
    if (this.generations.get(environment) !== this.generation && !environment.dead) environment.stop();
    if (environment.dead || this.closed) return this.forget(environment);
    const next = this.waiting.shift();
    if (next) return next(environment);
    this.busy.delete(environment);
    this.idle.push(environment);
  }

  /** A dead environment leaves the pool; whoever waited gets a fresh one. */
  private forget(environment: Environment) {
    const at = this.idle.indexOf(environment);
    if (at >= 0) this.idle.splice(at, 1);
    else if (!this.busy.delete(environment)) return;
    const next = this.waiting.shift();
    if (next && !this.closed) void this.acquire().then(next);
  }

  /** The function's declared variables over Lambda's reserved ones; nothing of the server's own environment but AWS credentials. */
  private environmentVariables(): Record<string, string> {
    const passed = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'].filter((name) => process.env[name]);
    return {
      AWS_REGION: process.env.AWS_REGION ?? LOCAL_REGION,
      AWS_DEFAULT_REGION: process.env.AWS_REGION ?? LOCAL_REGION,
      AWS_LAMBDA_FUNCTION_NAME: this.name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(this.settings.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${this.name}`,
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      ...Object.fromEntries(passed.map((name) => [name, process.env[name]!])),
      ...this.settings.environment,
    };
  }
}

/** The file the runtime loads: a template's code as deployed, or the declared handler bundled. */
function bundleOf(name: string, settings: LambdaFunctionDeclaration): HandlerBundle {
  if (!settings.asDeployed) return bundleHandler(name, settings.handler);
  const at = settings.handler.lastIndexOf('#');
  return { file: settings.handler.slice(0, at), exportName: settings.handler.slice(at + 1) };
}

/** Every declared function, by name; closed with the server. */
export function lambdaFunctions(declared: Record<string, LambdaFunctionDeclaration>) {
  const functions = new Map(Object.entries(declared).map(([name, settings]) => [name, new LocalLambdaFunction(name, settings)]));
  for (const fn of functions.values()) fn.prepare();
  return { functions, close: () => Promise.all([...functions.values()].map((fn) => fn.close())).then(() => undefined) };
}
