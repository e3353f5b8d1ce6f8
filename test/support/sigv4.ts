// Signing as a Node backend signs its AppSync calls: @smithy/signature-v4 (what
// @aws-sdk/signature-v4 re-exports) with @aws-crypto/sha256-js, service `appsync`.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export type AwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The signed headers of a POST of `body` to `url` (host included: drop it for fetch, keep it for the real-time header). */
export async function signPost(url: string, body: string, credentials: AwsCredentials, { signingDate = new Date(), region = 'us-east-1', headers = {} as Record<string, string> } = {}) {
  const target = new URL(url);
  const signer = new SignatureV4({ credentials, region, service: 'appsync', sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port ? Number(target.port) : undefined,
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: { host: target.host, 'content-type': 'application/json', ...headers },
      body,
    },
    { signingDate },
  );
  return signed.headers as Record<string, string>;
}

/** Signed headers for fetch, which sets Host itself. */
export async function signedFetchHeaders(url: string, body: string, credentials: AwsCredentials, options: Parameters<typeof signPost>[3] = {}) {
  const { host: _host, ...headers } = await signPost(url, body, credentials, options);
  return headers;
}
