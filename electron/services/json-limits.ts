// JSON from a file is checked for nesting before it is parsed, in one linear pass over the text, so
// that a file of a million brackets is refused at once instead of building a structure the rest of
// the program would walk recursively.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { readFileBounded } from './read-file.ts';

/** The deepest nesting of arrays and objects in a JSON text (strings skipped); stops counting past limit. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * A JSON file the user picked, read through readFileBounded: UTF-8 (a byte-order mark allowed), nested at
 * most `maxDepth` deep, parsed. `what` names the file in messages ("Tệp hội nghị").
 */
export function readJsonFile(path: string, limits: { maxBytes: number; maxDepth: number; what: string }): unknown {
  const bytes = readFileBounded(path, { maxBytes: limits.maxBytes, context: `Không đọc được ${limits.what.toLowerCase()} ${basename(path)}` });
  return parseJsonBytes(bytes, limits);
}

/** Bytes read from a file (or opened from a sealed one) as JSON: UTF-8, nested at most `maxDepth` deep. */
export function parseJsonBytes(bytes: Uint8Array, { maxDepth, what }: { maxDepth: number; what: string }): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('FILE_MALFORMED', 'Tệp không phải văn bản UTF-8 hợp lệ.', { cause: error });
  }
  if (jsonDepth(text, maxDepth) > maxDepth) {
    throw new AppError('FILE_MALFORMED', `${what} không hợp lệ: dữ liệu lồng nhau quá sâu (hơn ${maxDepth} tầng).`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new AppError('FILE_MALFORMED', 'Tệp bị hỏng hoặc không đúng định dạng JSON.', { cause: error });
  }
}
