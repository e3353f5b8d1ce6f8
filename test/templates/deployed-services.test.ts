// What amplify/ deploys is what runs locally, for Lambda and HTTP too: the services
// test API (test/data-sources/fixtures/services) is deployed offline by amplify/'s
// defineApi into a cloud assembly, and that assembly is served. Its Lambda functions
// then run from the code assets CDK uploads (the same bundles), with the Handler,
// Environment, Timeout and MaxBatchSize the deployment writes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineApi } from '../../amplify/api/define-api.ts';
import { loadDeclaration } from '../../local/declaration/declaration.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';

const DECLARATION = fileURLToPath(new URL('../data-sources/fixtures/services/services.api.json', import.meta.url));

function deploy(outdir: string) {
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    const app = new App({ outdir });
    defineApi(new Stack(app, 'Services'), loadDeclaration(DECLARATION));
    return app.synth().directory;
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
}

let cdkOut: string;
let web: http.Server;
let server: LocalAppSync;
beforeAll(async () => {
  web = http.createServer((request, response) => response.end(`web answered ${request.url}`));
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  cdkOut = deploy(mkdtempSync(join(tmpdir(), 'deployed-services-')));
  server = await startLocalAppSync({
    declaration: cdkOut,
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    httpEndpoints: { Web: `http://127.0.0.1:${(web.address() as AddressInfo).port}` },
  });
}, 180_000);
afterAll(async () => {
  await server?.close();
  web?.close();
  if (cdkOut) rmSync(cdkOut, { recursive: true, force: true });
});

describe('the services API served from what amplify/ deploys', () => {
  it('reads every declared function, data source and resolver back, none left unsupported', () => {
    const declared = loadDeclaration(DECLARATION);
    const served = server.api.declaration;
    expect(Object.keys(served.lambdaFunctions)).toHaveLength(Object.keys(declared.lambdaFunctions).length);
    expect(Object.keys(served.dataSources).sort()).toEqual(Object.keys(declared.dataSources).sort());
    expect(Object.keys(served.resolvers).sort()).toEqual(Object.keys(declared.resolvers).sort());
    expect(served.unsupported).toEqual({});
  });

  it('invokes a function with its deployed environment', async () => {
    expect((await graphql(server, '{ greet(name: "Ada") }')).body).toEqual({ data: { greet: 'Hello, Ada!' } });
  });

  it("gives a function the deployed Timeout and MemorySize", async () => {
    const seen = JSON.parse((await graphql(server, '{ functionContext }')).body.data.functionContext);
    expect(seen).toMatchObject({ memoryLimitInMB: '256', env: { STAGE: 'test' } });
    expect(seen.remaining).toBeGreaterThan(5_000);
    expect(seen.remaining).toBeLessThanOrEqual(7_000);
  });

  it('batches by the deployed MaxBatchSize', async () => {
    const { body } = await graphql(server, '{ authors { id batchSize } }');
    expect(body.data.authors.map((a: { batchSize: number }) => a.batchSize)).toEqual([2, 2, 2, 2, 1]);
  });

  it('calls the HTTP data source at the endpoint it is pointed at', async () => {
    const { body } = await graphql(server, '{ http(method: "GET", path: "/ping") { statusCode body } }');
    expect(body).toEqual({ data: { http: { statusCode: 200, body: 'web answered /ping' } } });
  });
});
