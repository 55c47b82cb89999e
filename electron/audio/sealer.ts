// How each chunk of a recording is kept on disk: as it came (plain), or sealed with AES-256-GCM under a
// key (a confidential meeting, with the store's key once there is one). The writer knows only this interface.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface ChunkSealer {
  /** Stored in the part's header, so that a reader picks the matching sealer. */
  readonly id: number;
  /** context (the part's header and the frame's index) is bound to the frame: moved or reordered, it fails to open. */
  seal(chunk: Uint8Array, context: Uint8Array): Uint8Array;
  /** Throws on a frame that was not sealed here with this context. */
  open(frame: Uint8Array, context: Uint8Array): Uint8Array;
}

export const PLAIN_SEALER_ID = 0;
export const AES_GCM_SEALER_ID = 1;

export const plainSealer: ChunkSealer = {
  id: PLAIN_SEALER_ID,
  seal: (chunk) => chunk,
  open: (frame) => frame,
};

const IV = 12;
const TAG = 16;

/** AES-256-GCM per chunk: a fresh random IV for each, the tag after the ciphertext. */
export function aesGcmSealer(key: Uint8Array): ChunkSealer {
  if (key.length !== 32) throw new Error('an AES-256 key is 32 bytes');
  return {
    id: AES_GCM_SEALER_ID,
    seal(chunk, context) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(context);
      const body = Buffer.concat([cipher.update(chunk), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    open(frame, context) {
      if (frame.length < IV + TAG) throw new Error('sealed frame too short');
      const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV));
      decipher.setAAD(context);
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
      return Buffer.concat([decipher.update(bytes.subarray(IV, bytes.length - TAG)), decipher.final()]);
    },
  };
}
