// A small OpenID Connect provider for tests: an HTTP server on a free port
// serving the discovery document and the JWKS, and tokens signed with its key
// (RS256, by jose) — what AppSync's OPENID_CONNECT mode talks to.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export type OidcIssuer = {
  issuer: string;
  /** A token with these claims (iss, iat, exp of one hour, and `aud`/`sub` unless given). */
  token(claims?: JWTPayload, options?: { key?: 'issuer' | 'stranger' }): Promise<string>;
  /** How many times the JWKS was fetched (discovery and keys are cached). */
  jwksFetches: number;
  close(): Promise<void>;
};

export async function startOidcIssuer({ clientId = 'handsup-web' } = {}): Promise<OidcIssuer> {
  const own = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(own.publicKey)), kid: 'issuer-key-1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const state = { jwksFetches: 0 };
  const server = http.createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') return send({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    if (request.url === '/jwks') {
      state.jwksFetches++;
      return send({ keys: [jwk] });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    get jwksFetches() {
      return state.jwksFetches;
    },
    token(claims = {}, { key = 'issuer' } = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, aud: clientId, sub: 'oidc-user-1', iat: now, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .sign(key === 'issuer' ? own.privateKey : stranger.privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
