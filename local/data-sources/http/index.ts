// HTTP data source (resolver-reference-http-js.html): the request object's
// method, resourcePath and params (query, headers, body) sent to the data
// source's endpoint; ctx.result is { statusCode, headers, body } whatever the
// status (a 404 is a result, not an error). With an AWS_IAM authorization config
// the request is signed with SigV4 for its signingRegion and signingServiceName,
// with the local credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/
// AWS_SESSION_TOKEN, else a fixed local pair).
//
// A request that gets no answer (refused, reset, unknown host, no answer within
// the request's time) is ctx.error with type HttpRequestException, after the
// exception AppSync's own logs name (com.amazonaws.deepdish.http.HttpRequestException,
// aws-appsync-community#79); the wording of the message is ours.
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { DataSource, DataSourceAnswer } from '../data-source.ts';
import { HttpMappingError, httpRequest, queryString, type HttpRequest } from './request.ts';

export type HttpSigning = { signingRegion: string; signingServiceName: string };

/** The credentials signing uses when the environment has none: a fixed pair, so a local endpoint can check signatures. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'AKIALOCALAPPSYNC0000', secretAccessKey: 'appsync-local-secret-access-key' };

/** AppSync's request limit: an endpoint slower than this gets no answer through. */
const HTTP_TIME_LIMIT_MS = 30_000;

export function httpDataSource(name: string, endpoint: string, signing?: HttpSigning): DataSource {
  const base = new URL(endpoint);
  return {
    name,
    async invoke(raw): Promise<DataSourceAnswer> {
      let request: HttpRequest;
      try {
        request = httpRequest(raw);
      } catch (error) {
        if (error instanceof HttpMappingError) return { error: { type: 'MappingTemplate', message: error.message } };
        throw error;
      }
      const url = new URL(`${request.resourcePath}${queryString(request.query)}`, base);
      let headers: Record<string, string> = { ...request.headers };
      if (signing) headers = await sign(url, request, headers, signing);
      try {
        // fetch sets host from the URL (the same value that was signed).
        const { host: _host, ...sent } = headers;
        const response = await fetch(url, {
          method: request.method,
          headers: sent,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(HTTP_TIME_LIMIT_MS),
        });
        const body = await response.text();
        return { result: { statusCode: response.status, headers: Object.fromEntries(response.headers), body } };
      } catch (error) {
        return { error: { type: 'HttpRequestException', message: networkMessage(error, url) } };
      }
    },
  };
}

async function sign(url: URL, request: HttpRequest, headers: Record<string, string>, signing: HttpSigning): Promise<Record<string, string>> {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  const credentials =
    AWS_ACCESS_KEY_ID && AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY, sessionToken: AWS_SESSION_TOKEN }
      : LOCAL_CREDENTIALS;
  const signer = new SignatureV4({ service: signing.signingServiceName, region: signing.signingRegion, credentials, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: Object.fromEntries([...new Set(url.searchParams.keys())].map((key) => {
      const values = url.searchParams.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    })),
    headers: { ...headers, host: url.host },
    body: request.body,
  });
  return signed.headers as Record<string, string>;
}

function networkMessage(error: unknown, url: URL): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  if ((error as Error)?.name === 'TimeoutError') return `connection timed out: ${where}`;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return `Connection refused: ${where}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Unknown host: ${url.hostname}`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `Connection reset by peer: ${where}`;
    default:
      return `${(error as Error)?.message ?? error}: ${where}`;
  }
}
