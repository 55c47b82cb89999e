// The chunks the recording kill test's child sends: each one recognisable by its number.
export const CHUNK_MS = 250;
export const recordedChunk = (n: number): Buffer => Buffer.alloc(1_500, `chunk ${n} OpusHead `);
