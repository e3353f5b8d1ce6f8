// Any DynamoDB endpoint: real DynamoDB through the usual AWS credential chain and region
// (AWS_PROFILE, AWS_REGION, …), or another DynamoDB-compatible store at a URL, through the AWS SDK v3,
// which signs every request. Tables may carry deployed names: `tables` maps declared names to them.
// The SDK is loaded only when this engine is chosen; the local engines skip it (see bench/datasource.bench.ts).
import { DynamoDbEngineError, type DynamoDbEngine } from './engine.ts';

export type EndpointOptions = {
  /** e.g. http://127.0.0.1:8000; omitted: the region's DynamoDB endpoint. */
  url?: string;
  region?: string;
  /** Declared table name → the endpoint's table name. */
  tables?: Record<string, string>;
};

type Sdk = typeof import('@aws-sdk/client-dynamodb');

export async function connectEndpoint(options: EndpointOptions = {}): Promise<DynamoDbEngine> {
  const sdk: Sdk = await import('@aws-sdk/client-dynamodb');
  const client = new sdk.DynamoDBClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.url ? { endpoint: options.url } : {}),
  });
  const commands = sdk as unknown as Record<string, new (input: unknown) => never>;
  return {
    name: 'endpoint',
    tableName: (declared) => options.tables?.[declared] ?? declared,
    async call(action, input) {
      const Command = commands[`${action}Command`];
      if (!Command) throw new DynamoDbEngineError('UnknownOperationException', `Unknown action ${action}`);
      try {
        const output = (await client.send(new Command(toSdk(input)))) as unknown as Record<string, unknown>;
        delete output.$metadata;
        return fromSdk(output) as never;
      } catch (error) {
        const e = error as { name?: string; message?: string; $metadata?: unknown; CancellationReasons?: unknown[] };
        if (!e.$metadata) throw new DynamoDbEngineError('InternalServerError', `endpoint: ${e.message ?? String(error)}`);
        throw new DynamoDbEngineError(e.name ?? 'InternalServerError', e.message ?? '', fromSdk(e.CancellationReasons) as unknown[] | undefined);
      }
    },
    async close() {
      client.destroy();
    },
  };
}

/** The wire's base64 binary values (B, BS) as the SDK's bytes. */
function toSdk(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSdk);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [type, inner] = entries[0]!;
    if (type === 'B' && typeof inner === 'string') return { B: Buffer.from(inner, 'base64') };
    if (type === 'BS' && Array.isArray(inner) && inner.every((v) => typeof v === 'string')) {
      return { BS: inner.map((v: string) => Buffer.from(v, 'base64')) };
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, toSdk(v)]));
}

function fromSdk(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromSdk);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromSdk(v)]));
}
