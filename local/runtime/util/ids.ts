import { randomBytes, randomUUID } from 'node:crypto';

export const autoId = (): string => randomUUID();

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID: 48-bit millisecond time then 80 random bits, Crockford base32, 26 characters. */
export function autoUlid(): string {
  let time = Date.now();
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[time % 32] + out;
    time = Math.floor(time / 32);
  }
  const random = randomBytes(16);
  for (let i = 0; i < 16; i++) out += CROCKFORD[random[i]! % 32];
  return out;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH = 1_400_000_000;

/** A KSUID: 32-bit seconds since 2014-05-13 then 128 random bits, base62, 27 characters. */
export function autoKsuid(): string {
  const bytes = Buffer.concat([Buffer.alloc(4), randomBytes(16)]);
  bytes.writeUInt32BE(Math.floor(Date.now() / 1000) - KSUID_EPOCH, 0);
  let value = BigInt('0x' + bytes.toString('hex'));
  let out = '';
  while (value > 0n) {
    out = BASE62[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out.padStart(27, '0');
}
