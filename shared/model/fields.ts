// Field builders shared by every schema: text is normalised here, on the way in, and nowhere else.
import * as z from 'zod';
import { normalizeLine, normalizeText } from '../text.ts';

/**
 * Raw text far over a field's limit is refused before it is normalised, so that no work is spent on it;
 * the margin leaves room for what normalising removes (decomposed letters, runs of white space).
 */
export const RAW_LENGTH_FACTOR = 4;
const bounded = (max: number, normalize: (text: string) => string) =>
  z
    .string()
    // The message is formatted only when a text is refused: Intl's first use costs a start-up dearly.
    .refine((text) => text.length <= max * RAW_LENGTH_FACTOR, { error: () => `quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự)`, abort: true })
    .overwrite(normalize)
    .max(max);

/** Single-line text, e.g. a name or a position. */
export const line = (max = 500) => bounded(max, normalizeLine).default('');

/** Multi-line text, e.g. what a speaker said. */
export const paragraphs = (max = 200_000) => bounded(max, normalizeText).default('');

export const count = (max = 1_000_000) => z.int().min(0).max(max);

export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date as YYYY-MM-DD; 2021-02-30 is refused. */
export const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải có dạng năm-tháng-ngày (YYYY-MM-DD)')
    .refine(isRealDate, 'không phải là ngày có thật')
    .nullable()
    .default(null);

/** A clock time as HH:MM, 24-hour. */
export const clock = () => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59');

/** A clock time, or null when not known. */
export const clockTime = () => clock().nullable().default(null);

export const id = () => z.int().positive();

/** The number in a document symbol ("Số 05-BB/TU"); numbering starts at 01. */
export const documentNumber = () => z.int().min(1).max(99_999).nullable().default(null);
