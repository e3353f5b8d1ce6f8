// DynamoDB's JSON protocol over plain HTTP, for engines on this machine
// (dynalite, DynamoDB Local). They check that a signature is present, not
// what it says, so a fixed one is sent and the SDK's signing is skipped.
import http from 'node:http';
import { DynamoDbEngineError, type DynamoDbEngine } from './engine.ts';

const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local';

export function httpEngine(name: string, endpoint: URL, onClose: () => Promise<void> = async () => {}): DynamoDbEngine {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return {
    name,
    url: endpoint.origin,
    call(action, input) {
      const body = JSON.stringify(input);
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            agent,
            host: endpoint.hostname,
            port: endpoint.port,
            path: '/',
            method: 'POST',
            headers: {
              'content-type': 'application/x-amz-json-1.0',
              'content-length': Buffer.byteLength(body),
              'x-amz-target': `DynamoDB_20120810.${action}`,
              'x-amz-date': '20260101T000000Z',
              authorization: AUTHORIZATION,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              let json: Record<string, unknown> = {};
              try {
                json = text ? JSON.parse(text) : {};
              } catch {
                return reject(new DynamoDbEngineError('InternalServerError', `${name} answered with invalid JSON`));
              }
              if ((response.statusCode ?? 500) >= 400) {
                const type = String(json.__type ?? 'InternalServerError').split('#').pop()!;
                const message = String(json.message ?? json.Message ?? type);
                return reject(new DynamoDbEngineError(type, message, json.CancellationReasons as unknown[] | undefined));
              }
              resolve(json as never);
            });
            response.on('error', reject);
          },
        );
        request.on('error', (error) => reject(new DynamoDbEngineError('InternalServerError', `${name}: ${error.message}`)));
        request.end(body);
      });
    },
    async close() {
      agent.destroy();
      await onClose();
    },
  };
}
