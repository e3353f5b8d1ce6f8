// TLS on request, on the same port as plain HTTP: a TLS connection opens with a
// ClientHello, whose first byte is 0x16 (a handshake record), which no HTTP request
// starts with; each connection goes to the https or the http server by that byte.
// For clients that cannot be pointed at ws:// (aws-amplify v6 always opens wss://
// for a non-AppSync host unless the page installs a wrapper, as web/ does).
//
// The certificate: a CA made for this machine, and a server certificate it signs
// for localhost, this host's name and its addresses. Trusting the CA once (a file
// in the data folder) keeps working when the server certificate is renewed.
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, isIP, type Server as NetServer, type Socket } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export type Certificate = {
  /** PEM of the server certificate and its key. */
  cert: string;
  key: string;
  /** PEM of the CA that signed it: what a client must trust. */
  ca: string;
  /** Where the CA is kept, when there is a data folder. */
  caFile: string | null;
};

const DAY = 86_400_000;
/** Apple's platforms refuse server certificates valid longer than 825 days. */
const SERVER_DAYS = 825;
const CA_DAYS = 3650;

/** The names and addresses a client on this machine or its network may use. */
function subjectNames(): { dns: string[]; ips: string[] } {
  const ips = new Set(['127.0.0.1', '::1']);
  for (const info of Object.values(networkInterfaces()).flat()) if (info && !info.internal) ips.add(info.address.split('%')[0]!);
  const dns = new Set(['localhost', hostname()].filter((name) => name && !isIP(name)));
  return { dns: [...dns], ips: [...ips] };
}

/** The machine's certificate: kept in `<dataDir>/tls` and reused, renewed when it no longer fits; made fresh without a data folder. */
export function machineCertificate(dataDir: string | null): Certificate {
  const folder = dataDir ? join(dataDir, 'tls') : null;
  const file = (name: string) => join(folder!, name);
  let ca: { cert: string; key: string } | undefined;
  if (folder && existsSync(file('ca.pem')) && existsSync(file('ca-key.pem'))) {
    ca = { cert: readFileSync(file('ca.pem'), 'utf8'), key: readFileSync(file('ca-key.pem'), 'utf8') };
    if (expiresWithin(ca.cert, 30)) ca = undefined;
  }
  ca ??= makeCa();
  const names = subjectNames();
  let server: { cert: string; key: string } | undefined;
  if (folder && existsSync(file('cert.pem')) && existsSync(file('key.pem'))) {
    server = { cert: readFileSync(file('cert.pem'), 'utf8'), key: readFileSync(file('key.pem'), 'utf8') };
    if (!fits(server.cert, ca.cert, names)) server = undefined;
  }
  if (!server) {
    server = makeServerCertificate(ca, names);
    if (folder) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(file('ca.pem'), ca.cert);
      writeFileSync(file('ca-key.pem'), ca.key, { mode: 0o600 });
      writeFileSync(file('cert.pem'), server.cert);
      writeFileSync(file('key.pem'), server.key, { mode: 0o600 });
    }
  }
  return { cert: server.cert, key: server.key, ca: ca.cert, caFile: folder ? file('ca.pem') : null };
}

function expiresWithin(pem: string, days: number): boolean {
  return Date.parse(new X509Certificate(pem).validTo) - Date.now() < days * DAY;
}

/** Still signed by this CA, not expiring, and naming every current name and address. */
function fits(pem: string, caPem: string, names: { dns: string[]; ips: string[] }): boolean {
  const certificate = new X509Certificate(pem);
  if (!certificate.verify(new X509Certificate(caPem).publicKey) || expiresWithin(pem, 30)) return false;
  return names.dns.every((name) => certificate.checkHost(name, { subject: 'never' }) !== undefined) && names.ips.every((ip) => certificate.checkIP(ip) !== undefined);
}

/** Keys come from Node's crypto (fast, native); node-forge writes the certificates. */
function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return {
    keyPem,
    privateKey: forge.pki.privateKeyFromPem(keyPem),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string),
  };
}

function serial(): string {
  // Positive, 16 bytes.
  return '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
}

function makeCa(): { cert: string; key: string } {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + CA_DAYS * DAY);
  const subject = [
    { name: 'commonName', value: `appsync-local development CA (${hostname()})` },
    { name: 'organizationName', value: 'appsync-local' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem };
}

function makeServerCertificate(ca: { cert: string; key: string }, names: { dns: string[]; ips: string[] }): { cert: string; key: string } {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + SERVER_DAYS * DAY);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.key), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.keyPem };
}

export type DualServer = { listener: NetServer; https: HttpsServer };

/**
 * One listener for both: every connection goes to `http` or to an https server
 * that shares its request and upgrade handlers, by the connection's first byte.
 */
export function withTls(http: HttpServer, certificate: Certificate): DualServer {
  // The same limits on slow clients as the plain server's, the TLS handshake included.
  const https = createHttpsServer({
    key: certificate.key,
    cert: certificate.cert,
    headersTimeout: http.headersTimeout,
    requestTimeout: http.requestTimeout,
    handshakeTimeout: http.headersTimeout,
  });
  for (const event of ['request', 'upgrade'] as const) {
    for (const listener of http.listeners(event)) https.on(event, listener as (...args: unknown[]) => void);
  }
  const listener = createNetServer((socket: Socket) => {
    // Until its first byte tells which server takes it, a silent socket is timed here.
    socket.setTimeout(http.headersTimeout, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  return { listener, https };
}

/** How to make a client trust the CA, printed by `appsync-local serve --tls`. */
export function trustInstructions(caFile: string): string[] {
  return [
    `  TLS CA:     ${caFile}  (the same port serves https:// and wss:// too)`,
    `    Node:     NODE_EXTRA_CA_CERTS=${caFile} node …`,
    `    Linux:    sudo cp ${caFile} /usr/local/share/ca-certificates/appsync-local.crt && sudo update-ca-certificates`,
    `    macOS:    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ${caFile}`,
    `    Windows:  certutil -addstore -f ROOT ${caFile}`,
    `    Firefox, phones: import ${caFile} as a certificate authority (iOS: then enable it under About > Certificate Trust Settings)`,
  ];
}
