// The command-line tool: the same store and services as the app, without Electron.
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.ts';
import { SEARCH_KIND_LABELS, type Passage } from '../../shared/search.ts';
import { FORMATS, type Format } from '../../shared/model/meeting.ts';
import { STATUS_LABELS } from '../../shared/model/labels.ts';
import { writeMinutesDocx } from '../minutes/documents.ts';
import { defaultDatabasePath } from '../paths.ts';
import { exportMeetingFile, exportSealedMeetingFile, importAnyMeetingFile, importMeetingFile } from '../services/meeting-file.ts';
import { createStore, openDatabase, type Store } from '../store/index.ts';
import { deriveKey, keyFromRecovery, readHeader } from '../store/keys.ts';
import { askHidden, readPassphraseFile } from './secrets.ts';

const USAGE = `Cách dùng: npm run cli -- <lệnh> [tham số] [--db <tệp cơ sở dữ liệu>]

Lệnh:
  list                            liệt kê các hội nghị
  import <tệp.json>               nhập tệp hội nghị thành một hội nghị mới, in mã của nó
  export <mã hội nghị> <tệp.json> xuất một hội nghị ra tệp
  minutes <mã hội nghị> <tệp.docx> [--format party|state]
                                  xuất biên bản ra tệp Word (mặc định theo thể thức của hội nghị:
                                  party là thể thức Đảng, state là thể thức hành chính nhà nước)
  notice <mã hội nghị> <tệp.docx> [--format party|state]
                                  xuất thông báo kết luận ra tệp Word, đề ngày hôm nay
  search "<từ cần tìm>"           tìm trong mọi hội nghị (tiêu đề, điểm cầu, đại biểu, phát biểu,
                                  kết luận); gõ có dấu hay không dấu đều được
  help                            hiện hướng dẫn này

Nếu hội nghị còn thiếu thông tin, tệp Word vẫn được ghi, với "…" ở chỗ thiếu, và các chỗ thiếu
được liệt kê trên stderr.

Cơ sở dữ liệu mã hóa: cụm mật khẩu (hoặc khóa khôi phục) được hỏi trên terminal, không hiện ra khi
gõ, hoặc đọc từ dòng đầu của một tệp: --passphrase-file <tệp>. Không bao giờ gõ cụm mật khẩu ngay trên
dòng lệnh (lịch sử lệnh và danh sách tiến trình sẽ giữ nó).
Tệp hội nghị mã hóa: import hỏi cụm mật khẩu của tệp (hoặc --file-passphrase-file <tệp>); export một
hội nghị MẬT trở lên cần --encrypt (mã hóa tệp, hỏi cụm mật khẩu cho tệp) hoặc --plain (xác nhận
xuất không mã hóa).

Mặc định dùng cơ sở dữ liệu của ứng dụng: ${defaultDatabasePath()}`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Asks on the terminal without echo (absent without a terminal); null when the user gives up. */
  ask?: ((question: string) => Promise<string | null>) | undefined;
}

interface Options {
  format?: Format | undefined;
  /** The passphrase of a sealed meeting file, asked or read from --file-passphrase-file. */
  filePassphrase(question: string): Promise<string>;
  encrypt: boolean;
  plain: boolean;
}

interface Command {
  args: number;
  /** A command that writes a Word file finishes asynchronously and returns its promise. */
  run(store: Store, args: string[], io: Io, options: Options): Promise<void> | undefined;
}

const COMMANDS: Record<string, Command> = {
  list: {
    args: 0,
    run(store, _args, io) {
      const meetings = store.meetings.list();
      if (meetings.length === 0) {
        io.out('Chưa có hội nghị nào.');
        return;
      }
      io.out(['Mã', 'Ngày', 'Số', 'Trạng thái', 'Điểm cầu', 'Đại biểu', 'Phát biểu', 'Tiêu đề'].join('\t'));
      for (const m of meetings) {
        io.out([m.id, m.date ?? '', m.number ?? '', STATUS_LABELS[m.status],
          m.siteCount, m.attendeeCount, m.speechCount, m.title || '(chưa có tiêu đề)'].join('\t'));
      }
    },
  },
  import: {
    args: 1,
    run(store, [file = ''], io, { filePassphrase }) {
      try {
        io.out(String(importMeetingFile(store, file)));
        return undefined;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'PASSPHRASE_NEEDED') throw error;
      }
      // A sealed file: its passphrase, then the same import.
      return filePassphrase(`Cụm mật khẩu của tệp ${file}: `)
        .then((passphrase) => importAnyMeetingFile(store, file, passphrase))
        .then((id) => io.out(String(id)));
    },
  },
  export: {
    args: 2,
    run(store, [id = '', file = ''], io, { encrypt, plain, filePassphrase }) {
      const meetingId = parseMeetingId(id);
      if (!encrypt) {
        exportMeetingFile(store, meetingId, file, { confirmed: plain });
        io.out(`Đã xuất hội nghị ${id} ra ${file}.`);
        return undefined;
      }
      store.meetings.get(meetingId);
      return filePassphrase(`Cụm mật khẩu cho tệp ${file}: `)
        .then((passphrase) => exportSealedMeetingFile(store, meetingId, file, passphrase))
        .then(() => io.out(`Đã xuất hội nghị ${id} ra ${file} (đã mã hóa).`));
    },
  },
  search: {
    args: 1,
    run(store, [query], io) {
      // A batch tool: the index is brought up to date first (after an import, or a new folding: with progress).
      const waiting = store.search.index.pending();
      let told = 0;
      store.search.index.update({
        onProgress(done, total) {
          if (waiting < 5000 || done / total < told + 0.1) return;
          told = Math.floor((done / total) * 10) / 10;
          io.err(`Đang cập nhật chỉ mục tìm kiếm: ${Math.round((done / total) * 100)}%`);
        },
      });
      const { groups, truncated } = store.search.search(query ?? '');
      if (groups.length === 0) {
        io.out(`Không tìm thấy "${query ?? ''}" trong hội nghị nào.`);
        return;
      }
      for (const group of groups) {
        io.out(`[${group.meetingId}] ${group.date ?? ''} ${group.title || '(chưa có tiêu đề)'} — ${group.hitCount} kết quả`.replace(/\] {2}/, '] '));
        for (const hit of group.hits) io.out(`    ${SEARCH_KIND_LABELS[hit.kind]}: ${marked(hit.passage)}`);
      }
      if (truncated) io.out('(Còn nhiều kết quả khác; hãy gõ cụ thể hơn.)');
    },
  },
  minutes: {
    args: 2,
    run: (store, [id, file], io, { format }) => writeDocument(store, id, file, io, { kind: 'minutes', format }),
  },
  notice: {
    args: 2,
    run: (store, [id, file], io, { format }) => writeDocument(store, id, file, io, { kind: 'notice', format }),
  },
};

/** Writes the minutes or the notice; what is missing is warned about, one line each, and the file is still written. */
async function writeDocument(store: Store, id = '', file = '', io: Io, request: { kind: 'minutes' | 'notice'; format: Format | undefined }): Promise<void> {
  const { missing } = await writeMinutesDocx(store, parseMeetingId(id), file, request);
  for (const gap of missing) io.err(`Cảnh báo: ${gap}`);
  io.out(`Đã ghi ${request.kind === 'minutes' ? 'biên bản' : 'thông báo kết luận'} của hội nghị ${id} ra ${file}.`);
}

/** A passage with its matches in [brackets], for the terminal. */
function marked({ text, ranges }: Passage): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

function parseMeetingId(text: string): number {
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw new AppError('INVALID_INPUT', `Mã hội nghị "${text}" không hợp lệ; mã là một số nguyên dương (xem lệnh list).`);
  }
  return Number(text);
}

function failure(io: Io, error: unknown): number {
  io.err(`Lỗi: ${error instanceof AppError ? error.message : `lỗi không mong đợi (${error instanceof Error ? error.message : String(error)}).`}`);
  return 1;
}

/**
 * Runs one command; returns the process exit code (0 success, 1 failure, 2 wrong usage) — directly for the commands
 * that work on the store alone, as a promise for those that write a Word file.
 */
export function runCli(argv: string[], io: Io): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        'passphrase-file': { type: 'string' }, 'file-passphrase-file': { type: 'string' }, encrypt: { type: 'boolean' }, plain: { type: 'boolean' },
      },
    });
  } catch {
    if (argv.some((arg) => /^--(passphrase|password|key|recovery-key)(=|$)/.test(arg))) {
      io.err('Lỗi: không nhận cụm mật khẩu trên dòng lệnh (lịch sử lệnh và danh sách tiến trình sẽ giữ nó); hãy gõ khi được hỏi, hoặc dùng --passphrase-file <tệp>.');
      return 2;
    }
    io.err(`Lỗi: tham số không hợp lệ. Gõ "npm run cli -- help" để xem cách dùng.`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (!name || name === 'help' || parsed.values.help) {
    io.out(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lỗi: không có lệnh "${name}". Gõ "npm run cli -- help" để xem các lệnh.`);
    return 2;
  }
  if (args.length !== command.args) {
    io.err(`Lỗi: lệnh ${name} cần ${command.args} tham số. Gõ "npm run cli -- help" để xem cách dùng.`);
    return 2;
  }
  const { format } = parsed.values;
  if (format !== undefined && !isFormat(format)) {
    io.err(`Lỗi: thể thức "${format}" không hợp lệ; dùng --format party (thể thức Đảng) hoặc --format state (thể thức hành chính nhà nước).`);
    return 2;
  }
  const values = parsed.values;
  const secret = async (file: string | undefined, question: string): Promise<string> => {
    if (file !== undefined) return readPassphraseFile(file);
    const answer = io.ask ? await io.ask(question) : null;
    if (answer === null || answer === '') {
      throw new AppError('PASSPHRASE_NEEDED', io.ask ? 'Chưa nhập cụm mật khẩu; không có gì thay đổi.'
        : 'Cần cụm mật khẩu nhưng không có terminal để hỏi: hãy dùng --passphrase-file <tệp> (hoặc --file-passphrase-file cho tệp hội nghị).');
    }
    return answer;
  };
  const options: Options = {
    format, encrypt: values.encrypt ?? false, plain: values.plain ?? false,
    filePassphrase: (question) => secret(values['file-passphrase-file'], question),
  };
  const file = values.db ?? defaultDatabasePath();
  let store: Store | undefined;
  const close = () => store?.db.close();
  const run = (opened: Store) => {
    store = opened;
    return command.run(opened, args, io, options);
  };
  try {
    const { kind, header } = readHeader(file);
    if (kind === 'encrypted') {
      // The key is derived (asynchronously) before the store is opened.
      return (async () => {
        const typed = await secret(values['passphrase-file'], `Cụm mật khẩu của cơ sở dữ liệu ${file}: `);
        const key = keyFromRecovery(typed, header) ?? (await deriveKey(typed, header));
        if (!key) throw new AppError('KEY_WRONG', 'Cụm mật khẩu hoặc khóa khôi phục không đúng với cơ sở dữ liệu này; không có gì thay đổi.');
        await run(createStore(openDatabase(file, { key })));
      })().then(() => 0, (error: unknown) => failure(io, error)).finally(close);
    }
    const pending = run(createStore(openDatabase(file)));
    if (pending) return pending.then(() => 0, (error: unknown) => failure(io, error)).finally(close);
    close();
    return 0;
  } catch (error) {
    close();
    return failure(io, error);
  }
}

/** The tool on this process's arguments and standard streams; sets the exit code. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`),
    ask: process.stdin.isTTY ? (question) => askHidden(question) : undefined,
  });
}

if (import.meta.main) await main();
