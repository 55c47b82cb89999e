// The page's view of the main process: window.api (one function per channel, returning envelopes),
// unwrapped into typed functions that resolve with the value or throw an ApiError carrying the
// Vietnamese message to show to the user.
import { CHANNELS, type Api, type AppCommand, type Channel, type Input, type Output } from '../shared/api.ts';

declare global {
  interface Window {
    api?: Api;
  }
}

export type { Api, AppCommand };

/** A failed call: `message` is Vietnamese and meant for the user. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The Vietnamese message of any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `Đã xảy ra lỗi: ${error.message}`;
  return 'Đã xảy ra lỗi không mong đợi.';
}

type Calls = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };

/** The unwrapped API. */
export interface Client extends Calls {
  onCommand(listener: (command: AppCommand) => void): () => void;
}

export function createClient(api: Api): Client {
  const calls = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    const call = api[channel] as (input: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;
    calls[channel] = async (input) => {
      let envelope;
      try {
        envelope = await call(input);
      } catch (cause) {
        throw new ApiError('INTERNAL', 'Không liên lạc được với phần lưu trữ của ứng dụng; hãy thử lại.', { cause });
      }
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message);
    };
  }
  return { ...(calls as unknown as Calls), onCommand: (listener) => api.onCommand(listener) };
}

/** window.api as exposed by the preload, or null when the page runs outside the app. */
export function windowApi(): Api | null {
  return typeof window !== 'undefined' && window.api ? window.api : null;
}
