// Short messages at the bottom of the window, some with an action ("Hoàn tác"). Announced politely.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type ToastInput } from '../context.tsx';

interface Toast extends ToastInput {
  id: number;
}

const LIFETIME_MS = 12_000;

export function ToastHost({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const push = useCallback(
    (toast: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-3), { ...toast, id }]);
      if (toast.tone !== 'warning')
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), LIFETIME_MS),
        );
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) clearTimeout(timer);
    };
  }, []);

  return (
    <ToastContext.Provider value={push}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Thông báo">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast ${toast.tone ? `toast-${toast.tone}` : ''}`}>
            <span>{toast.text}</span>
            {toast.action ? (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
            <button type="button" className="toast-close" onClick={() => dismiss(toast.id)}>
              Đóng
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
