// Turns schema failures into one Vietnamese sentence that names the offending field.
import * as z from 'zod';
import { AppError } from '../errors.ts';
import { FIELD_LABELS } from './labels.ts';

export function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      const last = parts.length - 1;
      if (last >= 0) parts[last] = `${parts[last]} thứ ${segment + 1}`;
      else parts.push(`mục thứ ${segment + 1}`);
    } else {
      const key = String(segment);
      parts.push(FIELD_LABELS[key === 'format' && parts.length === 0 ? 'format_' : key] ?? key);
    }
  }
  return parts.join(' › ');
}

function describeProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'bị thiếu';
      return issue.expected === 'int' && typeof issue.input === 'number' ? 'phải là số nguyên' : 'sai kiểu dữ liệu';
    case 'too_big':
      return issue.origin === 'string'
        ? `quá dài (tối đa ${issue.maximum.toLocaleString('vi-VN')} ký tự)`
        : issue.origin === 'array'
          ? `quá nhiều mục (tối đa ${issue.maximum.toLocaleString('vi-VN')})`
          : `quá lớn (tối đa ${issue.maximum.toLocaleString('vi-VN')})`;
    case 'too_small':
      return issue.origin === 'string' ? 'không được để trống' : `quá nhỏ (tối thiểu ${issue.minimum.toString()})`;
    case 'invalid_value':
      return 'có giá trị không hợp lệ';
    case 'invalid_format':
    case 'custom':
      return /[à-ỹ]/i.test(issue.message) ? issue.message : 'không hợp lệ';
    default:
      return 'không hợp lệ';
  }
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issue.path);
  const problem = describeProblem(issue);
  return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${problem}` : problem;
}

/** Parses or throws an AppError naming the first offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, context: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const detail = first ? describeIssue(first) : 'dữ liệu không hợp lệ';
  throw new AppError('INVALID_INPUT', `${context}: ${detail}.`, { cause: result.error });
}

/** Parses the fields a patch gives, each by its own schema (what it leaves out is not judged), or throws as parseOrThrow. */
export function parsePatch(fields: z.ZodObject, patch: Record<string, unknown>, context: string): Record<string, unknown> {
  const given = Object.keys(patch).filter((key) => key in fields.shape);
  return parseOrThrow(z.object(Object.fromEntries(given.map((key) => [key, fields.shape[key]]))), patch, context) as Record<string, unknown>;
}

/** A versioned file of the app, named in its messages (e.g. "tệp hội nghị", "Tệp hội nghị"). */
export interface VersionedFile {
  kind: string;
  version: number;
  /** What the file should be, after "Tệp này không phải là". */
  expected: string;
  /** The file's name at the start of a sentence. */
  name: string;
}

/** Checks a parsed JSON value: the kind and version first, so that a newer file gets the right message. */
export function parseVersioned<S extends z.ZodType>(schema: S, json: unknown, file: VersionedFile): z.output<S> {
  const head = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (!head || head.kind !== file.kind) {
    throw new AppError('FILE_WRONG_KIND', `Tệp này không phải là ${file.expected} của Biên Bản.`);
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > file.version) {
    throw new AppError(
      'FILE_TOO_NEW',
      `${file.name} được tạo bởi phiên bản Biên Bản mới hơn (định dạng ${head.version}, ứng dụng này đọc được đến ${file.version}). Hãy cập nhật ứng dụng.`,
    );
  }
  return parseOrThrow(schema, json, `${file.name} không hợp lệ`);
}
