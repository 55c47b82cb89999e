// What every screen needs from above: the API client, the save tracker, and the toasts.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Client } from './api.ts';
import type { SaveStatus, SaveTracker } from './hooks/save-tracker.ts';

export const ClientContext = createContext<Client | null>(null);
export const TrackerContext = createContext<SaveTracker | null>(null);

export interface ToastInput {
  text: string;
  /** An action offered with the message, e.g. "Hoàn tác". */
  action?: { label: string; run: () => void };
  /** A warning stays until it is closed. */
  tone?: 'info' | 'warning' | 'error';
}
export const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is missing: render inside <App>.`);
  return value;
}

export const useClient = (): Client => required(useContext(ClientContext), 'ClientContext');
export const useTracker = (): SaveTracker => required(useContext(TrackerContext), 'TrackerContext');
export const useToast = (): ((toast: ToastInput) => void) => required(useContext(ToastContext), 'ToastContext');

export function useSaveStatus(): SaveStatus {
  const tracker = useTracker();
  return useSyncExternalStore(tracker.subscribe, tracker.getStatus);
}
