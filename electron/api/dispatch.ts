// Runs one call of the contract: validate the input, run the handler, wrap the result in an envelope.
// Electron's IPC registration and the test bridge both go through here.
import type { z } from 'zod';
import { CONTRACT, type Channel, type Envelope, type Output } from '../../shared/api.ts';
import type { SecurityChannel } from '../../shared/channels.ts';
import { AppError } from '../../shared/errors.ts';
import { describeIssue } from '../../shared/model/validate.ts';
import { describeFsError, fsErrorCode, isWriteRefused } from '../fs-errors.ts';

export type Handlers = {
  [C in Channel]: (input: z.output<(typeof CONTRACT)[C]['input']>) => Output<C> | Promise<Output<C>>;
};

/** The store's channels (handlers.ts); the security ones come from the session (session.ts). */
export type StoreHandlers = Omit<Handlers, SecurityChannel>;
export type AnyHandlers = StoreHandlers & Partial<Pick<Handlers, SecurityChannel>>;

export const isChannel = (name: string): name is Channel => Object.hasOwn(CONTRACT, name);

export async function dispatch(handlers: AnyHandlers, channel: string, raw: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel) || typeof (handlers as Partial<Handlers>)[channel] !== 'function') {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu không hợp lệ: không có chức năng này.' } };
  }
  // reportInput: a value of the wrong type is told apart from a missing one.
  const parsed = CONTRACT[channel].input.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Yêu cầu không hợp lệ: ${first ? describeIssue(first) : 'dữ liệu sai'}.` } };
  }
  try {
    const handler = (handlers as Handlers)[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    // The disk under the database refused the write (full, read-only, removed): said as such, not as a crash.
    if (isWriteRefused(error) || fsErrorCode(error).startsWith('SQLITE_IOERR')) {
      return {
        ok: false,
        error: { code: 'FILE_WRITE_FAILED', message: `Không lưu được: ${describeFsError(error)}. Những gì đã lưu trước đó không bị ảnh hưởng.` },
      };
    }
    console.error(`[${channel}]`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong đợi; dữ liệu đã lưu không bị ảnh hưởng.' } };
  }
}
