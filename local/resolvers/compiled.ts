// A resolver as the local AppSync runs it: its code compiled, its data sources wired.
import type { DataSource } from '../data-sources/data-source.ts';
import type { CodeModule } from '../runtime/sandbox.ts';

export type CompiledFunction = { name: string; module: CodeModule; dataSource: DataSource };

export type CompiledResolver =
  | { kind: 'UNIT'; field: string; module: CodeModule; dataSource: DataSource }
  | { kind: 'PIPELINE'; field: string; module: CodeModule; functions: CompiledFunction[] };
