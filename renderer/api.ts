// The page's view of the main process: window.api (one function per channel, returning envelopes),
// unwrapped into typed functions that resolve with the value or throw an ApiError carrying the
// Vietnamese message to show to the user.
import { CHANNELS, type Api, type AppCommand, type Channel, type Input, type ListItems, type ListName, type Output } from '../shared/api.ts';

declare global {
  interface Window {
    api?: Api;
  }
}

export type { Api, AppCommand, ListName, ListItems };

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

/** The unwrapped API, with list calls typed by list name. */
export interface Client extends Calls {
  onCommand(listener: (command: AppCommand) => void): () => void;
  add<L extends ListName>(list: L, meetingId: number, values: Record<string, unknown>, position?: number): Promise<ListItems[L]>;
  addMany<L extends ListName>(list: L, meetingId: number, rows: Record<string, unknown>[]): Promise<ListItems[L][]>;
  update<L extends ListName>(list: L, id: number, patch: Record<string, unknown>): Promise<ListItems[L]>;
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
  const typed = calls as unknown as Calls;
  return {
    ...typed,
    onCommand: (listener) => api.onCommand(listener),
    add: async (list, meetingId, values, position) =>
      (await typed.addItem(position === undefined ? { list, meetingId, values } : { list, meetingId, values, position })) as ListItems[typeof list],
    addMany: async (list, meetingId, rows) => (await typed.addItems({ list, meetingId, rows })) as ListItems[typeof list][],
    update: async (list, id, patch) => (await typed.updateItem({ list, id, patch })) as ListItems[typeof list],
  };
}

/** window.api as exposed by the preload, or null when the page runs outside the app. */
export function windowApi(): Api | null {
  return typeof window !== 'undefined' && window.api ? window.api : null;
}
