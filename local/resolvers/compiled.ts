// A resolver as the local AppSync runs it: its code compiled, its data sources wired.
import type { DataSource } from '../data-sources/data-source.ts';
import type { CodeModule, Realm } from '../runtime/sandbox.ts';

/** One request → data source → response round. No module: a direct Lambda resolver or function (AppSync's default event). */
export type CompiledStep = { module: CodeModule | null; dataSource: DataSource; maxBatchSize?: number };

export type CompiledFunction = CompiledStep & { name: string };

export type CompiledResolver =
  /** realm: where a direct resolver's ctx is made (it has no module of its own). */
  | ({ kind: 'UNIT'; field: string; realm?: Realm } & CompiledStep)
  | { kind: 'PIPELINE'; field: string; module: CodeModule; functions: CompiledFunction[] };
