// Small formatting helpers for the screens.

/** The current local time as HH:MM. */
export function nowClock(date: Date = new Date()): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** 3356 → "3.356" */
export const formatCount = (n: number): string => n.toLocaleString('vi-VN');

/** "2026-11-21" → "21/11/2026" */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** True while an input method is composing: keys then belong to the IME, never to the page. */
export function isComposing(event: { nativeEvent: KeyboardEvent } | KeyboardEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isComposing || native.keyCode === 229;
}

/** An ISO time as "09 giờ 05, 21/11/2026", local time. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())} giờ ${pad(date.getMinutes())}, ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** A meeting's title as shown, or what stands for it when it has none. */
export const untitled = (title: string): string => title || '(Chưa có tên)';
