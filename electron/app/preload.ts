// The page's only door to the main process: one named function per channel, nothing generic.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api } from '../../shared/api.ts';
import { APP_COMMANDS, CHANNELS, COMMAND_CHANNEL, type AppCommand } from '../../shared/channels.ts';

const channels = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)]));

const api = {
  ...(channels as Omit<Api, 'onCommand'>),
  onCommand(listener: (command: AppCommand) => void) {
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (APP_COMMANDS.includes(command as AppCommand)) listener(command as AppCommand);
    };
    ipcRenderer.on(COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.off(COMMAND_CHANNEL, relay);
    };
  },
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
