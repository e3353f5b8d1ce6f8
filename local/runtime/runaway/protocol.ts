// What the server's thread and a runaway worker (worker.ts) say to each other: plain data only.
import type { ExtensionCalls } from '../invocation.ts';
import type { LoadOptions } from '../sandbox.ts';
import type { AppSyncErrorFields, SkipTo } from '../signals.ts';

/** ctx as plain data: info with its selection set read out (a worker cannot call back for it). */
export type PlainContext = {
  arguments: Record<string, unknown>;
  source: unknown;
  identity: unknown;
  stash: Record<string, unknown>;
  prev: { result: unknown };
  result?: unknown;
  error?: { message: string; type: string };
  request: { headers: Record<string, string>; domainName: string | null };
  info: { fieldName: string; parentTypeName: string; variables: Record<string, unknown>; selectionSetList: string[]; selectionSetGraphQL: string };
  env: Record<string, string>;
};

export type Job = {
  file: string;
  code: string;
  options: LoadOptions;
  handler: 'request' | 'response';
  ctx: PlainContext;
  typeName: string;
  fieldName: string;
  authType: string;
  deadline: number;
};

export type JobAnswer = {
  outcome:
    | { kind: 'value'; value: unknown }
    | { kind: 'early'; value: unknown; skipTo: SkipTo | undefined }
    | { kind: 'error'; message: string; errorType: string | null; data: unknown; errorInfo: unknown };
  /** The parts of ctx every handler of the field shares, as the handler left them. */
  shared: { arguments: unknown; source: unknown; identity: unknown; stash: unknown; headers: unknown };
  logs: string[];
  errors: AppSyncErrorFields[];
  extensions: ExtensionCalls;
  responseHeaders: Record<string, string>;
};
