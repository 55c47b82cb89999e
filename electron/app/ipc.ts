// Registers every channel of the contract: sender checked, input validated, result in an envelope.
import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/api.ts';
import { dispatch, type AnyHandlers } from '../api/dispatch.ts';
import { isTrustedSender } from './security.ts';

export function registerIpc(handlers: AnyHandlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu bị từ chối: không đến từ cửa sổ của ứng dụng.' } };
      }
      return dispatch(handlers, channel, input);
    });
  }
}
