// What the screens see of the store's encryption, and the passphrase rule (shown as the user types it,
// enforced again by the main process).

export interface SecurityStatus {
  /** The store is encrypted at rest. */
  encrypted: boolean;
  /** Encrypted and not unlocked yet: only the unlock screen can be shown. */
  locked: boolean;
  /** The key is kept in this machine's protected storage (no passphrase at start). */
  remembered: boolean;
  /** Why the passphrase is asked at every start (no protected storage here), or null. */
  storageNote: string | null;
  /** A move between plain and encrypted (or to a new passphrase) under way. */
  move: { phase: 'store' | 'backups'; done: number; total: number } | null;
  /** Plain copies kept beside the store from before it was encrypted: the user may delete them. */
  plainCopies: string[];
  /** Automatic backups a move could not rewrite (still in their earlier form). */
  backupsLeft: string[];
}

export interface Strength {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  /** Long and varied enough to be accepted. */
  acceptable: boolean;
  /** What to do to make it stronger, or why it is fine. */
  hint: string;
}

export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1_000;
const LABELS = ['Rất yếu', 'Yếu', 'Vừa phải', 'Mạnh', 'Rất mạnh'] as const;
const COMMON = ['matkhau', 'password', '123456', 'qwerty', 'bienban', 'admin', 'abc123', '111111', 'iloveyou'];

/**
 * An estimate of how hard a passphrase is to guess: the alphabet it draws on times its length, less what
 * repeats, runs (abc, 123) and common words give away. Several words with spaces are the advice.
 */
export function passphraseStrength(text: string): Strength {
  const value = text.normalize('NFC');
  const chars = [...value];
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^\p{L}\p{N}]/u.test(value)) pool += 33;
  if (/[^\p{ASCII}]/u.test(value)) pool += 60;
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]?.codePointAt(0) ?? 0;
    const previous = chars[i - 1]?.codePointAt(0);
    // A repeat or a step of one (aa, ab, 12) adds little.
    effective += previous !== undefined && Math.abs(code - previous) <= 1 ? 0.25 : 1;
  }
  const folded = value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '');
  for (const word of COMMON) if (folded.includes(word)) effective -= word.length * 0.75;
  const words = value
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 2).length;
  const bits = Math.max(0, effective) * Math.log2(Math.max(pool, 1)) + (words >= 3 ? 10 : 0);
  const score = (bits < 30 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4) as Strength['score'];
  const acceptable = chars.length >= MIN_PASSPHRASE_LENGTH && score >= 2;
  const hint =
    chars.length < MIN_PASSPHRASE_LENGTH
      ? `Cần ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự; nên dùng vài từ dễ nhớ cách nhau bằng dấu cách.`
      : !acceptable
        ? 'Còn dễ đoán: hãy thêm từ, tránh lặp ký tự, dãy số hay mật khẩu quen thuộc.'
        : score < 4
          ? 'Dùng được; thêm một từ nữa sẽ an toàn hơn.'
          : 'Cụm mật khẩu an toàn.';
  return { score, label: LABELS[score], acceptable, hint };
}
