// Where in the user's code something happened: a stack frame of the realm's
// script is led back through the compile map to the bundled module, and through
// the bundle's own map (when there is one) to the TypeScript the user wrote.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { relative } from 'node:path';

export type Position = { file: string; line: number; column: number };

export class SourcePositions {
  private readonly script: TraceMap;
  private readonly bundle: TraceMap | undefined;

  constructor(
    /** What the code is called in messages: `code.js` for evaluate-code, else the bundle's path. */
    readonly name: string,
    scriptMap: string,
    bundleMap?: string,
    private readonly callStarts = new Map<string, { line: number; column: number }>(),
  ) {
    this.script = new TraceMap(scriptMap);
    this.bundle = bundleMap ? new TraceMap(bundleMap) : undefined;
  }

  /** A 1-based line and column of the realm script, as V8 reports them, in the user's code. */
  fromScript(line: number, column: number, { callStart = false } = {}): Position | undefined {
    const inBundle = originalPositionFor(this.script, { line, column: column - 1 });
    if (inBundle.line === null) return undefined;
    const start = callStart ? this.callStarts.get(`${inBundle.line}:${inBundle.column + 1}`) : undefined;
    return start ? this.fromBundle(start.line, start.column) : this.fromBundle(inBundle.line, inBundle.column + 1);
  }

  /** A 1-based line and column of the bundled module, in the user's code. */
  fromBundle(line: number, column: number): Position {
    if (this.bundle) {
      const source = originalPositionFor(this.bundle, { line, column: column - 1 });
      if (source.line !== null && source.source) {
        return { file: displayPath(source.source), line: source.line, column: source.column + 1 };
      }
    }
    return { file: this.name, line, column };
  }
}

function displayPath(source: string): string {
  const path = source.startsWith('file://') ? new URL(source).pathname : source;
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
}

/** The first frame of a V8 stack that belongs to the script named `scriptName`. */
export function frameIn(stack: string | undefined, scriptName: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(scriptName + ':');
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(line.slice(at + scriptName.length));
    if (match) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}
