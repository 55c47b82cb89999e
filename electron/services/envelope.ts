// The encrypted envelope of a file the secretary takes out of the app (a confidential meeting's file):
// a small JSON object that says how it is sealed, around the file's bytes sealed with AES-256-GCM under a
// key stretched from a passphrase typed for that file (scrypt, its parameters and salt in the envelope).
// The envelope knows nothing of what it holds: the meeting file inside keeps its own kind and version.
// Format: docs/meeting-file.md, "Encrypted meeting files".
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_KDF, type KdfParams } from '../store/keys.ts';

export const ENVELOPE_KIND = 'bien-ban/encrypted';
export const ENVELOPE_VERSION = 1;

interface Header {
  kind: typeof ENVELOPE_KIND;
  version: number;
  cipher: 'aes-256-gcm';
  kdf: { name: 'scrypt'; log2N: number; r: number; p: number; salt: string };
  iv: string;
}

interface Envelope extends Header {
  /** The sealed bytes followed by GCM's 16-byte tag, in base64. */
  data: string;
}

const TAG = 16;

function stretch(passphrase: string, salt: Buffer, { log2N, r, p }: KdfParams): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Every header field, in one order, authenticated with the data: an edited header fails like edited data. */
const associated = (h: Header) => Buffer.from(JSON.stringify([h.kind, h.version, h.cipher, h.kdf.name, h.kdf.log2N, h.kdf.r, h.kdf.p, h.kdf.salt, h.iv]));

/** The envelope's text around bytes, sealed for passphrase. */
export async function seal(bytes: Uint8Array, passphrase: string, params: KdfParams = DEFAULT_KDF): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = {
    kind: ENVELOPE_KIND,
    version: ENVELOPE_VERSION,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
  };
  const cipher = createCipheriv('aes-256-gcm', await stretch(passphrase, salt, params), iv);
  cipher.setAAD(associated(header));
  const data = Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return `${JSON.stringify({ ...header, data } satisfies Envelope, null, 2)}\n`;
}

const malformed = () => new AppError('FILE_MALFORMED', 'Tệp mã hóa bị hỏng hoặc không đúng định dạng của Biên Bản; chưa có gì được nhập.');
const base64 = (value: unknown, length?: number): Buffer => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw malformed();
  const bytes = Buffer.from(value, 'base64');
  if (length !== undefined && bytes.length !== length) throw malformed();
  return bytes;
};
const int = (value: unknown, low: number, high: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high) throw malformed();
  return value;
};

/** Whether a parsed JSON value is an envelope (of any version): the reader then asks for a passphrase. */
export function isEnvelope(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === ENVELOPE_KIND;
}

/**
 * The bytes inside an envelope. A wrong passphrase and an altered file cannot be told apart (GCM only
 * says the seal does not hold): both are KEY_WRONG, and nothing is returned.
 */
export async function open(json: unknown, passphrase: string): Promise<Buffer> {
  const e = json as Record<string, unknown>;
  if (typeof e.version === 'number' && e.version > ENVELOPE_VERSION) {
    throw new AppError(
      'FILE_TOO_NEW',
      `Tệp mã hóa được tạo bởi phiên bản Biên Bản mới hơn (định dạng ${e.version}, ứng dụng này đọc được đến ${ENVELOPE_VERSION}). Hãy cập nhật ứng dụng.`,
    );
  }
  const kdf = (typeof e.kdf === 'object' && e.kdf !== null ? e.kdf : {}) as Record<string, unknown>;
  if (e.version !== ENVELOPE_VERSION || e.cipher !== 'aes-256-gcm' || kdf.name !== 'scrypt') throw malformed();
  const params = { log2N: int(kdf.log2N, 10, 21), r: int(kdf.r, 1, 16), p: int(kdf.p, 1, 4) };
  const salt = base64(kdf.salt);
  const iv = base64(e.iv, 12);
  const data = base64(e.data);
  if (salt.length < 16 || data.length < TAG) throw malformed();
  const header: Header = {
    kind: ENVELOPE_KIND,
    version: ENVELOPE_VERSION,
    cipher: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...params, salt: kdf.salt as string },
    iv: e.iv as string,
  };
  const decipher = createDecipheriv('aes-256-gcm', await stretch(passphrase, salt, params), iv);
  decipher.setAAD(associated(header));
  decipher.setAuthTag(data.subarray(data.length - TAG));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG)), decipher.final()]);
  } catch (error) {
    throw new AppError('KEY_WRONG', 'Cụm mật khẩu không đúng, hoặc tệp đã bị sửa đổi sau khi xuất; chưa có gì được nhập.', { cause: error });
  }
}
