// A resolver as the local AppSync runs it: its code compiled, its data sources wired.
import type { DataSource } from '../data-sources/data-source.ts';
import type { CodeModule, Realm } from '../runtime/sandbox.ts';
import type { MappingTemplate } from '../vtl/engine.ts';

/** A VTL resolver's or function's mapping templates (either may be absent, as CloudFormation allows). */
export type CompiledTemplates = { request?: MappingTemplate; response?: MappingTemplate };

/**
 * One request → data source → response round. No module: a direct Lambda resolver or
 * function (AppSync's default event), or a VTL one (`templates`).
 */
export type CompiledStep = { module: CodeModule | null; dataSource: DataSource; maxBatchSize?: number; templates?: CompiledTemplates };

export type CompiledFunction = CompiledStep & { name: string };

export type CompiledResolver =
  /** realm: where a direct or VTL resolver's ctx is made (it has no module of its own). */
  | ({ kind: 'UNIT'; field: string; realm?: Realm } & CompiledStep)
  | { kind: 'PIPELINE'; field: string; module: CodeModule | null; templates?: CompiledTemplates; realm?: Realm; functions: CompiledFunction[] };
