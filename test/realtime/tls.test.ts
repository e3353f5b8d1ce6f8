// TLS on request: the same port also serves https and wss, with a certificate made
// for this machine, so a client that insists on wss:// (aws-amplify v6 on an https
// endpoint) works unmodified. The tests trust the CA by handing it to `ws` and `https`.
import { request as httpsRequest } from 'node:https';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { ProtocolClient } from '../support/protocol-client.ts';
import { putItem, writeRealtimeApi } from '../support/realtime-api.ts';

let server: LocalAppSync;
let declaration: string;

beforeAll(async () => {
  declaration = writeRealtimeApi();
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null, tls: true });
});
afterAll(() => server?.close());

function httpsPost(url: string, body: object, ca: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { method: 'POST', ca, headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('TLS on the same port', () => {
  it('serves GraphQL over https', async () => {
    const answer = await httpsPost(server.tls!.url, { query: 'mutation { publishItem(id: "t0", title: "Secure") { id title } }' }, server.tls!.ca);
    expect(answer).toEqual({ status: 200, body: { data: { publishItem: { id: 't0', title: 'Secure' } } } });
  });

  it('still serves plain http on that port', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(response.status).toBe(200);
  });

  it('serves the real-time protocol over wss', async () => {
    const client = await ProtocolClient.connect(server.tls!.realtimeUrl, { apiKey: server.apiKey, ws: { ca: server.tls!.ca } });
    expect((await client.init()).type).toBe('connection_ack');
    client.close();
  });

  it('presents a certificate a client without the CA refuses', async () => {
    await expect(ProtocolClient.connect(server.tls!.realtimeUrl, { apiKey: server.apiKey })).rejects.toThrow(/certificate/);
  });

  it('lets the unmodified aws-amplify client subscribe over wss and receive', async () => {
    const ca = server.tls!.ca;
    (globalThis as { WebSocket?: unknown }).WebSocket = class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    };
    Amplify.configure({
      version: '1.4',
      data: { url: server.tls!.url, aws_region: 'us-east-1', default_authorization_type: 'API_KEY', api_key: server.apiKey, authorization_types: [] },
    } as never);
    const received: any[] = [];
    const subscription = (generateClient().graphql({ query: 'subscription { onItem(group: "wss") { id } }' }) as any).subscribe({
      next: (message: any) => received.push(message.data),
    });
    for (let waited = 0; server.realtime.registry.size === 0; waited += 20) {
      if (waited > 10_000) throw new Error('never subscribed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await putItem(server, { id: 'over-wss', group: 'wss' });
    for (let waited = 0; received.length === 0; waited += 20) {
      if (waited > 10_000) throw new Error('never delivered');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(received).toEqual([{ onItem: { id: 'over-wss' } }]);
    subscription.unsubscribe();
  });
});

describe('the machine’s certificate', () => {
  it('is kept in the data folder and reused at the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tls-data-'));
    const first = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir, tls: true });
    await first.close();
    const second = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir, tls: true });
    await second.close();
    expect([first.tls!.caFile, existsSync(join(dataDir, 'tls', 'cert.pem')), second.tls!.ca]).toEqual([
      join(dataDir, 'tls', 'ca.pem'),
      true,
      readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8'),
    ]);
  });
});
