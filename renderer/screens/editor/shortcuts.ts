// Every key of the meeting editor in one list: the handlers match key presses against it and the help
// (Phím tắt, F1) and the hints on screen show it, so what is shown cannot drift from what works. Keys are
// read from the key's position (event.code), so a keyboard layout or an input method changes nothing; keys
// the app already uses (Ctrl+N/O/E/L/, Alt+1…6) and Ctrl+P (printing) are not taken.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Presence, SpeechKind } from '../../../shared/model/meeting.ts';
import { isComposing } from '../../lib/format.ts';

type AnyKeyboardEvent = KeyboardEvent | ReactKeyboardEvent;

/** "Alt+B", "Ctrl+Enter", "V", "Shift+Tab": a key press as the lists below name it; null while an input method composes. */
export function chordOf(event: AnyKeyboardEvent): string | null {
  if (isComposing(event)) return null;
  const { code, key } = event;
  const name = /^Key[A-Z]$/.test(code)
    ? code.slice(3)
    : /^Digit\d$/.test(code)
      ? code.slice(5)
      : key === ' '
        ? 'Space'
        : key.length === 1
          ? key.toUpperCase()
          : key;
  if (['Control', 'Alt', 'Shift', 'Meta'].includes(name)) return null;
  return [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '', name].filter(Boolean).join('+');
}

/** The kinds of speech, from the speech's text (or any field of the composer). */
export const KIND_KEYS: Record<SpeechKind, string> = {
  report: 'Alt+B',
  contribution: 'Alt+Y',
  speech: 'Alt+P',
  explanation: 'Alt+G',
  direction: 'Alt+C',
};

export const SPEECH_KEYS = {
  next: 'Ctrl+Enter',
  end: 'Alt+K',
  agenda: 'Alt+M',
  register: 'Alt+D',
} as const;

/** Listening to a speech's recording, with the caret left in its text. */
export const PLAYER_KEYS = { toggle: 'F9', back: 'F7', slower: 'Alt+,', faster: 'Alt+.' } as const;

export const MEETING_KEYS = { start: 'Alt+Home', end: 'Alt+End', help: 'F1' } as const;

/** Single keys on a focused attendee row. */
export const PRESENCE_KEYS: Record<Presence, string> = {
  present: 'C',
  absent_excused: 'V',
  absent_unexcused: 'K',
  late: 'M',
  left_early: 'S',
};
export const ROW_KEYS = { member: 'T', edit: 'Enter', remove: 'Delete', back: 'Escape' } as const;
/** From anywhere in Điểm cầu và thành phần. */
export const SITE_KEYS = { grid: 'Alt+T' } as const;

export interface ShortcutGroup {
  title: string;
  keys: readonly (readonly [keys: string, what: string])[];
}

/** What the help shows, group by group. */
export const SHORTCUT_HELP: readonly ShortcutGroup[] = [
  {
    title: 'Toàn ứng dụng',
    keys: [
      ['Ctrl+N', 'Hội nghị mới'],
      ['Ctrl+O', 'Nhập tệp hội nghị'],
      ['Ctrl+E', 'Xuất biên bản'],
      ['Ctrl+L', 'Danh sách hội nghị'],
      ['Ctrl+,', 'Cài đặt'],
      ['Alt+1 … Alt+6', 'Các phần của hội nghị'],
      [MEETING_KEYS.help, 'Bảng phím tắt này'],
    ],
  },
  {
    title: 'Hội nghị',
    keys: [
      [MEETING_KEYS.start, 'Ghi giờ bắt đầu hội nghị là bây giờ'],
      [MEETING_KEYS.end, 'Ghi giờ kết thúc hội nghị là bây giờ (kết thúc cả phát biểu đang diễn ra)'],
    ],
  },
  {
    title: 'Diễn biến (từ ô nội dung, không cần rời ô)',
    keys: [
      [SPEECH_KEYS.next, 'Lưu phát biểu, bắt đầu phát biểu của người đăng ký tiếp theo (ghi giờ bắt đầu)'],
      [SPEECH_KEYS.end, 'Ghi giờ kết thúc phát biểu là bây giờ'],
      [KIND_KEYS.report, 'Hình thức: báo cáo'],
      [KIND_KEYS.contribution, 'Hình thức: ý kiến đóng góp'],
      [KIND_KEYS.speech, 'Hình thức: phát biểu'],
      [KIND_KEYS.explanation, 'Hình thức: giải trình'],
      [KIND_KEYS.direction, 'Hình thức: chỉ đạo'],
      [SPEECH_KEYS.agenda, 'Mục chương trình tiếp theo'],
      [SPEECH_KEYS.register, 'Đăng ký phát biểu: gõ vài chữ của tên, Enter; Esc trở lại ô nội dung'],
      ['Alt+↑ / Alt+↓', 'Đổi thứ tự người đăng ký (trong danh sách đăng ký)'],
      ['Delete', 'Bỏ qua người đăng ký (trong danh sách đăng ký)'],
      [PLAYER_KEYS.toggle, 'Nghe hoặc dừng đoạn ghi âm của phát biểu'],
      [PLAYER_KEYS.back, 'Nghe lùi lại 5 giây'],
      [PLAYER_KEYS.slower, 'Nghe chậm hơn'],
      [PLAYER_KEYS.faster, 'Nghe nhanh hơn'],
    ],
  },
  {
    title: 'Điểm cầu và thành phần',
    keys: [[SITE_KEYS.grid, 'Vào bảng đại biểu của điểm cầu đang mở, ở dòng đang chọn (chưa có đại biểu: vào ô thêm đại biểu)']],
  },
  {
    title: 'Điểm cầu và thành phần (trên một dòng đại biểu)',
    keys: [
      ['↑ / ↓', 'Dòng trên, dòng dưới'],
      [PRESENCE_KEYS.present, 'Có mặt'],
      [PRESENCE_KEYS.absent_excused, 'Vắng có lý do (gõ lý do, Enter)'],
      [PRESENCE_KEYS.absent_unexcused, 'Vắng không lý do'],
      [PRESENCE_KEYS.late, 'Đến muộn (giờ đến là bây giờ; sửa được, Enter)'],
      [PRESENCE_KEYS.left_early, 'Về sớm (giờ về là bây giờ; sửa được, Enter)'],
      [ROW_KEYS.member, 'Là thành viên / không là thành viên'],
      [ROW_KEYS.edit, 'Sửa họ tên, chức vụ…'],
      ['Esc', 'Từ một ô trở lại dòng'],
      [ROW_KEYS.remove, 'Xóa đại biểu (có hoàn tác)'],
      ['Alt+↑ / Alt+↓', 'Chuyển dòng lên, xuống'],
    ],
  },
  {
    title: 'Danh sách điểm cầu',
    keys: [
      ['↓ (từ ô tìm)', 'Vào danh sách'],
      ['↑ / ↓', 'Điểm cầu trên, dưới'],
      ['Chữ số, Enter', 'Sửa số đại biểu của điểm cầu chỉ ghi số lượng'],
      ['Enter', 'Mở điểm cầu'],
    ],
  },
];
