// AWS_IAM: requests signed with Signature Version 4 for the service `appsync`,
// checked against the IAM users the local AppSync is given (`--iam`, a file, an
// environment variable, or the declaration). The signature is recomputed with
// @smithy/signature-v4 — the signer the AWS SDK and Amplify use — over exactly
// the headers the caller says it signed, and compared in constant time.
// Refusals carry the errorType and words of AWS's SigV4 front door
// (InvalidSignatureException, UnrecognizedClientException,
// IncompleteSignatureException); a valid caller becomes an IAM user's
// ctx.identity (accountId, userArn, username, sourceIp; cognitoIdentity* null).
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4, createScope, getCanonicalHeaders } from '@smithy/signature-v4';
import type { AuthFailure, Caller } from './authorize.ts';

export const IAM_AUTH_TYPE = 'IAM Authorization';
export const SIGNING_SERVICE = 'appsync';
/** AWS takes a signature within 5 minutes of its own clock, either way. */
const SKEW_MS = 5 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';

/** An IAM user that may call the API: its name (for userArn) and its access key. */
export type IamUser = { name: string; accessKeyId: string; secretAccessKey: string };

export type IamOptions = { users: readonly IamUser[]; accountId: string; region: string };

/** The request as signed: method, path with its query, and the exact body bytes. */
export type SignedRequest = { method: string; path: string; body: string };

/** `name:accessKeyId:secretAccessKey`, as `--iam` and the IAM users file/variable take it. */
export function parseIamUser(spec: string): IamUser {
  const [name, accessKeyId, ...rest] = spec.trim().split(':');
  const secretAccessKey = rest.join(':');
  if (!name || !accessKeyId || !secretAccessKey) throw new Error(`An IAM user is name:accessKeyId:secretAccessKey, not "${spec.replace(/:.*/, ':…')}"`);
  if (!/^[\w+=,.@-]{1,64}$/.test(name)) throw new Error(`"${name}" is not an IAM user name`);
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) throw new Error(`"${accessKeyId}" is not an access key id (16–128 upper-case letters and digits)`);
  return { name, accessKeyId, secretAccessKey };
}

/**
 * IAM users from text: one `name:accessKeyId:secretAccessKey` a line (or
 * comma-separated), `#` comments and blank lines skipped. Secrets kept in a
 * file or an environment variable stay out of /proc/<pid>/cmdline.
 */
export function parseIamUsers(text: string): IamUser[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map(parseIamUser);
}

export const readIamUsersFile = (file: string): IamUser[] => parseIamUsers(readFileSync(file, 'utf8'));

const failure = (errorType: string, message: string, status: number): AuthFailure => ({ errorType, message, status });
const incomplete = (message: string) => failure('IncompleteSignatureException', message, 400);
const invalid = (message: string) => failure('InvalidSignatureException', message, 403);
const UNRECOGNIZED = failure('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);

export const isSigV4 = (authorization: string | undefined): authorization is string => !!authorization?.startsWith(`${ALGORITHM} `);

/** An IAM user's id as IAM shows it (AIDA…), made from the account and name so it is stable across restarts. */
function principalId(accountId: string, name: string): string {
  const digest = createHash('sha256').update(`${accountId}:${name}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) id += alphabet[digest[i]! % 32];
  return id;
}

/** A verifier exposing the canonical request and string to sign for AWS's mismatch message. */
class Verifier extends SignatureV4 {
  constructor(user: IamUser, region: string) {
    super({ credentials: { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey }, region, service: SIGNING_SERVICE, sha256: Sha256, applyChecksum: false });
  }
  async explain(request: Parameters<SignatureV4['sign']>[0] & { headers: Record<string, string> }, signed: Set<string>, longDate: string, scope: string) {
    const canonicalRequest = this.createCanonicalRequest(request, getCanonicalHeaders(request, undefined, signed), sha256Hex(String(request.body ?? '')));
    return { canonicalRequest, stringToSign: await this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM) };
  }
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export function createIamVerifier({ users, accountId, region }: IamOptions) {
  const byKey = new Map(users.map((user) => [user.accessKeyId, user]));
  return async function verifyIam(headers: Record<string, string | undefined>, request: SignedRequest, sourceIp: string[], now = Date.now()): Promise<Caller | AuthFailure> {
    const authorization = headers.authorization!;
    const parameters = new Map<string, string>();
    for (const part of authorization.slice(ALGORITHM.length + 1).split(',')) {
      const at = part.indexOf('=');
      if (at > 0) parameters.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    const credential = parameters.get('Credential');
    const signedHeaders = parameters.get('SignedHeaders');
    const signature = parameters.get('Signature');
    const amzDate = headers['x-amz-date'];
    const missing = [
      !credential && "Authorization header requires 'Credential' parameter.",
      !signature && "Authorization header requires 'Signature' parameter.",
      !signedHeaders && "Authorization header requires 'SignedHeaders' parameter.",
      !amzDate && "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    ].filter(Boolean);
    if (missing.length) return incomplete(`${missing.join(' ')} Authorization=${authorization}`);

    const [accessKeyId, shortDate, scopeRegion, scopeService, terminator, ...extra] = credential!.split('/');
    if (!accessKeyId || !shortDate || !scopeRegion || !scopeService || terminator !== 'aws4_request' || extra.length) {
      return incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
    }
    const time = parseAmzDate(amzDate!);
    if (time === undefined) return incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    if (shortDate !== amzDate!.slice(0, 8)) {
      return invalid(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${shortDate}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`);
    }
    if (scopeService !== SIGNING_SERVICE) return invalid(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'. `);
    if (scopeRegion !== region) return invalid(`Credential should be scoped to a valid region. `);
    if (time < now - SKEW_MS) return invalid(`Signature expired: ${amzDate} is now earlier than ${amz(now - SKEW_MS)} (${amz(now)} - 5 min.)`);
    if (time > now + SKEW_MS) return invalid(`Signature not yet current: ${amzDate} is still later than ${amz(now + SKEW_MS)} (${amz(now)} + 5 min.)`);

    const user = byKey.get(accessKeyId);
    // No STS locally: a session token means temporary credentials this AppSync never issued.
    if (!user || headers['x-amz-security-token'] !== undefined) return UNRECOGNIZED;

    const signed = new Set(signedHeaders!.split(';').map((name) => name.trim().toLowerCase()));
    const url = new URL(request.path, 'http://local');
    const httpRequest = {
      method: request.method,
      protocol: 'https:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: queryOf(url),
      headers: Object.fromEntries([...signed].filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]!])),
      body: request.body,
    };
    // smithy trusts x-amz-content-sha256 as the body's hash; AWS checks it against the body.
    const declaredHash = httpRequest.headers['x-amz-content-sha256'];
    const verifier = new Verifier(user, region);
    const expected = await verifier.sign({ ...httpRequest, headers: { ...httpRequest.headers } }, { signingDate: new Date(time), signableHeaders: signed, signingRegion: region, signingService: SIGNING_SERVICE });
    const expectedSignature = /Signature=([0-9a-f]+)/.exec(expected.headers.authorization ?? '')?.[1] ?? '';
    const matches =
      (declaredHash === undefined || declaredHash === sha256Hex(request.body)) &&
      expectedSignature.length === signature!.length &&
      timingSafeEqual(Buffer.from(expectedSignature), Buffer.from(signature!));
    if (!matches) {
      const { canonicalRequest, stringToSign } = await verifier.explain(httpRequest, signed, amzDate!, createScope(shortDate, region, SIGNING_SERVICE));
      return invalid(
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
          `\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
      );
    }
    return {
      authType: IAM_AUTH_TYPE,
      mode: 'AWS_IAM',
      identity: {
        accountId,
        cognitoIdentityAuthProvider: null,
        cognitoIdentityAuthType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        sourceIp,
        userArn: `arn:aws:iam::${accountId}:user/${user.name}`,
        username: principalId(accountId, user.name),
      },
    };
  };
}

/** 20261201T021500Z → epoch ms, or undefined when it is not that shape. */
function parseAmzDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const time = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  return Number.isNaN(time) ? undefined : time;
}

const amz = (time: number) => new Date(time).toISOString().replace(/[:-]|\.\d{3}/g, '');

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [seen].flat().concat(value);
  }
  return query;
}

