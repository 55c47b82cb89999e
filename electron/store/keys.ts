// The store's key. The secretary's passphrase is stretched with scrypt into 32 bytes, which SQLite opens the
// database with as a raw key (so opening costs one derivation, not the cipher's own key derivation). How to
// derive it is written in the first 16 bytes of every encrypted file — the cipher's salt field, which stays
// plain — so that any copy (a backup on a stick) says by itself how its key is made and how its pages are sealed:
//
//   0-1 "BB"   2 format   3 log2 N   4 r   5 p   6-7 key check   8-15 random salt
//
// Format 2 (every new key): pages sealed with AEGIS-256 (an authenticated cipher built on the AES round, which
// runs on the processor's AES instructions in this build), a fresh nonce and a 32-byte tag on every page write.
// Format 1 (stores and backups made before): SQLCipher 4, AES-256-CBC with HMAC-SHA512, whose AES is software
// in this build and made an encrypted store 20-60 % slower than a plain one (bench/encryption.ts); still read.
// The key check (two bytes of an HMAC of the key) tells a wrong passphrase from a damaged file; the whole
// 16 bytes are the cipher's salt. The recovery key is the raw key itself, printed in base32.
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

export const HEADER_BYTES = 16;
const KEY_BYTES = 32;
const MAGIC = [0x42, 0x42];
/** The format of new keys; the formats read, with the SQL that selects their cipher on a connection. */
export const KEY_FORMAT = 2;
const CIPHERS: Record<number, readonly string[]> = {
  1: ["cipher = 'sqlcipher'", 'legacy = 4'],
  2: ["cipher = 'aegis'", "algorithm = 'aegis-256'"],
};

export interface KdfParams {
  /** log2 of scrypt's cost N. */
  log2N: number;
  r: number;
  p: number;
}

/** 2^17 × 8 × 128 bytes = 128 MiB and about half a second on a laptop: once per start. */
export const DEFAULT_KDF: KdfParams = { log2N: 17, r: 8, p: 1 };
/** What a header may ask for: enough for the next decades, too little to exhaust memory. */
const LIMITS = { log2N: [14, 21], r: [1, 16], p: [1, 4] } as const;

export interface StoreKey {
  /** The 32-byte raw key. */
  key: Buffer;
  /** The file's first 16 bytes (KDF parameters, key check, salt). */
  header: Buffer;
}

const inRange = (value: number, [low, high]: readonly [number, number]) => Number.isInteger(value) && value >= low && value <= high;

/** The parameters a header records, or null when the bytes are not a Biên Bản key header. */
export function parseHeader(header: Buffer): KdfParams | null {
  if (header.length < HEADER_BYTES || header[0] !== MAGIC[0] || header[1] !== MAGIC[1] || !CIPHERS[header[2] ?? 0]) return null;
  const params = { log2N: header[3] ?? 0, r: header[4] ?? 0, p: header[5] ?? 0 };
  return inRange(params.log2N, LIMITS.log2N) && inRange(params.r, LIMITS.r) && inRange(params.p, LIMITS.p) ? params : null;
}

const check = (key: Buffer) => createHmac('sha256', key).update('bien-ban key check').digest().subarray(0, 2);

/** Whether key is the key of a file with this header (up to the check's two bytes). */
export function keyFits(key: Buffer, header: Buffer): boolean {
  return key.length === KEY_BYTES && timingSafeEqual(check(key), header.subarray(6, 8));
}

function stretch(passphrase: string, header: Buffer, { log2N, r, p }: KdfParams): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    // The salt binds the parameters too: a header edited to weaker ones derives another key.
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.concat([header.subarray(0, 6), header.subarray(8, 16)]),
      KEY_BYTES,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * A new key for a passphrase: fresh salt, the parameters recorded. Tests give the salt (to make the same key
 * twice) and the format (to make a store as an earlier version did).
 */
export async function createKey(passphrase: string, params: KdfParams = DEFAULT_KDF, salt: Buffer = randomBytes(8), format = KEY_FORMAT): Promise<StoreKey> {
  if (!CIPHERS[format]) throw new Error(`unknown key format ${format}`);
  const header = Buffer.concat([Buffer.from([...MAGIC, format, params.log2N, params.r, params.p, 0, 0]), salt.subarray(0, 8)]);
  const key = await stretch(passphrase, header, params);
  check(key).copy(header, 6);
  return { key, header };
}

/** The key of the file with this header for a passphrase; null when the passphrase is not its passphrase. */
export async function deriveKey(passphrase: string, header: Buffer): Promise<StoreKey | null> {
  const params = parseHeader(header);
  if (!params) throw new AppError('DB_OPEN_FAILED', 'Tệp này không phải là cơ sở dữ liệu mã hóa của Biên Bản.');
  const key = await stretch(passphrase, header, params);
  return keyFits(key, header) ? { key, header: Buffer.from(header.subarray(0, HEADER_BYTES)) } : null;
}

/** What a database file's first bytes say it is. */
export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'unknown';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function readHeader(file: string): { kind: FileKind; header: Buffer } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { kind: 'missing', header: Buffer.alloc(0) };
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    if (read === 0) return { kind: 'empty', header: Buffer.alloc(0) };
    if (read === HEADER_BYTES && header.equals(SQLITE_MAGIC)) return { kind: 'plain', header };
    if (read === HEADER_BYTES && parseHeader(header)) return { kind: 'encrypted', header };
    return { kind: 'unknown', header: header.subarray(0, read) };
  } catch {
    return { kind: 'unknown', header: Buffer.alloc(0) };
  } finally {
    closeSync(fd);
  }
}

// RFC 4648 base32: letters and 2-7, so no 0/O or 1/I to confuse on paper.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The raw key as the printable recovery key: 52 characters in groups of four. */
export function recoveryKeyOf(key: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** The raw key typed back from a recovery key (spaces, dashes, case and 0/1/8 misread as O/I/B forgiven); null if malformed. */
export function keyOfRecovery(text: string): Buffer | null {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');
  if (clean.length !== 52 || /[^A-Z2-7]/.test(clean)) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return bytes.length === KEY_BYTES ? Buffer.from(bytes) : null;
}

/** The key of a file from its recovery key; null when it is not this file's. */
export function keyFromRecovery(text: string, header: Buffer): StoreKey | null {
  const key = keyOfRecovery(text);
  return key && parseHeader(header) && keyFits(key, header) ? { key, header: Buffer.from(header.subarray(0, HEADER_BYTES)) } : null;
}

/** The SQL that selects the cipher of a key's format on a connection (for the next key given or database attached). */
export function cipherPragmas({ header }: StoreKey): readonly string[] {
  const pragmas = CIPHERS[header[2] ?? 0];
  if (!pragmas) throw new Error(`unknown key format ${String(header[2])}`);
  return pragmas;
}

/** The key as SQLite takes it raw: the 32 bytes and this file's salt, in hex (so nothing else can be in the SQL). */
export const rawKey = ({ key, header }: StoreKey): string => `x'${key.toString('hex')}${header.subarray(0, HEADER_BYTES).toString('hex')}'`;

/** The SQL that keys a connection: the cipher of the key's format, then the raw key. */
export function keyPragmas(key: StoreKey): string[] {
  return [...cipherPragmas(key), `key = "${rawKey(key)}"`];
}
