// The command-line tool: the same store and services as the app, without Electron.
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_KINDS, DOCUMENTS, OUTPUTS, type DocumentKind, type DocumentOutput } from '../../shared/documents.ts';
import { AppError } from '../../shared/errors.ts';
import { isRealDate } from '../../shared/model/fields.ts';
import { SEARCH_KIND_LABELS, type Passage } from '../../shared/search.ts';
import { FORMATS, type Format } from '../../shared/model/meeting.ts';
import { STATUS_LABELS } from '../../shared/model/labels.ts';
import { writeDocument, type Printer } from '../minutes/documents.ts';
import type { LegacyChoice } from './prepare.ts';
import { fsErrorCode } from '../fs-errors.ts';
import { defaultDatabasePath } from '../paths.ts';
import { damagedMessage } from '../store/db.ts';
import { createStore, openDatabase, type Store } from '../store/index.ts';
import { deriveKey, keyFromRecovery, readHeader } from '../store/keys.ts';
import { askHidden, readPassphraseFile } from './secrets.ts';
import { usage } from './usage.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Asks on the terminal without echo (absent without a terminal); null when the user gives up. */
  ask?: ((question: string) => Promise<string | null>) | undefined;
}

interface Options {
  format?: Format | undefined;
  pdf: boolean;
  date?: string | undefined;
  printer: () => Printer | Promise<Printer>;
  site?: string | undefined;
  legacy: LegacyChoice;
  /** The passphrase of a sealed meeting file, asked or read from --file-passphrase-file. */
  filePassphrase(question: string): Promise<string>;
  encrypt: boolean;
  plain: boolean;
  /** package: send each site's expected attendees. */
  withAttendees: boolean;
}

interface Command {
  /** How many arguments: exactly, or from … to. */
  args: number | readonly [number, number];
  /** Only reads the store (db.ts: OpenOptions.reading). */
  reads?: true;
  /** A command that loads what it uses or writes a file finishes asynchronously; one may return its exit code. */
  run(store: Store, args: string[], io: Io, options: Options): Promise<number | undefined> | number | undefined;
}

// A command loads what only it uses when it runs, so that `minutes` does not load the readers of meeting files,
// site reports and spreadsheets (their schemas and parsers are built as they load).
const meetingFiles = () => import('../services/meeting-file.ts');
// The browser that prints a PDF, and the child processes it takes, only for --pdf.
const browser = async (): Promise<Printer> => (await import('../minutes/browser-pdf.ts')).browserPrinter();
const prepare = () => import('./prepare.ts');
const siteCommands = () => import('./site-commands.ts');

const COMMANDS: Record<string, Command> = {
  list: {
    args: 0,
    reads: true,
    run(store, _args, io) {
      const meetings = store.meetings.list();
      if (meetings.length === 0) {
        io.out('Chưa có hội nghị nào.');
        return;
      }
      io.out(['Mã', 'Ngày', 'Số', 'Trạng thái', 'Điểm cầu', 'Đại biểu', 'Phát biểu', 'Tiêu đề'].join('\t'));
      for (const m of meetings) {
        io.out(
          [m.id, m.date ?? '', m.number ?? '', STATUS_LABELS[m.status], m.siteCount, m.attendeeCount, m.speechCount, m.title || '(chưa có tiêu đề)'].join('\t'),
        );
      }
    },
  },
  import: {
    args: 1,
    async run(store, [file = ''], io, { filePassphrase }) {
      const { importAnyMeetingFile, importMeetingFile } = await meetingFiles();
      try {
        io.out(String(importMeetingFile(store, file)));
        return;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'PASSPHRASE_NEEDED') throw error;
      }
      // A sealed file: its passphrase, then the same import.
      const passphrase = await filePassphrase(`Cụm mật khẩu của tệp ${file}: `);
      io.out(String(await importAnyMeetingFile(store, file, passphrase)));
    },
  },
  export: {
    args: 2,
    async run(store, [id = '', file = ''], io, { encrypt, plain, filePassphrase }) {
      const meetingId = parseMeetingId(id);
      const { exportMeetingFile, exportSealedMeetingFile } = await meetingFiles();
      if (!encrypt) {
        exportMeetingFile(store, meetingId, file, { confirmed: plain });
        io.out(`Đã xuất hội nghị ${id} ra ${file}.`);
        return;
      }
      store.meetings.get(meetingId);
      await exportSealedMeetingFile(store, meetingId, file, await filePassphrase(`Cụm mật khẩu cho tệp ${file}: `));
      io.out(`Đã xuất hội nghị ${id} ra ${file} (đã mã hóa).`);
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
  merge: {
    args: [2, Infinity],
    async run(store, [id, ...paths], io) {
      return (await siteCommands()).mergeCommand(store, parseMeetingId(id ?? ''), paths, io);
    },
  },
  package: {
    args: 2,
    async run(store, [id, file], io, { withAttendees, plain }) {
      (await siteCommands()).packageCommand(store, parseMeetingId(id ?? ''), file ?? '', io, { withAttendees, plain });
      return undefined;
    },
  },
  'open-package': {
    args: 2,
    async run(store, [file, site], io) {
      (await siteCommands()).openPackageCommand(store, file ?? '', site ?? '', io);
      return undefined;
    },
  },
  'site-report': {
    args: 2,
    async run(store, [id, file], io, { site }) {
      (await siteCommands()).siteReportCommand(store, parseMeetingId(id ?? ''), file ?? '', io, site);
      return undefined;
    },
  },
  // One command per document of the registry: minutes, notice, stats.
  ...Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [
      DOCUMENTS[kind].command,
      {
        args: 2,
        reads: true,
        run: (store: Store, [id, file]: string[], io: Io, options: Options) => writeOne(store, kind, id, file, io, options),
      },
    ]),
  ),
  profile: {
    args: [0, 50],
    async run(store, args, io) {
      (await prepare()).profileCommand(store, args, io);
    },
  },
  new: {
    args: [1, 50],
    async run(store, args, io) {
      (await prepare()).newMeetingCommand(store, args, io);
    },
  },
  sites: {
    args: 2,
    async run(store, [id, file], io, { legacy }) {
      await (await prepare()).sitesCommand(store, parseMeetingId(id ?? ''), file ?? '', io, legacy);
    },
  },
  attendees: {
    args: 2,
    async run(store, [id, file], io, { legacy, site }) {
      await (await prepare()).attendeesCommand(store, parseMeetingId(id ?? ''), file ?? '', io, legacy, site);
    },
  },
};

/** The names of the commands (the bundled tool keeps a code cache for each). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** The file's kind: PDF with --pdf, else as its name ends; refused when the document has no such output. */
function outputOf(kind: DocumentKind, file: string, pdf: boolean): DocumentOutput {
  const { outputs, noun } = DOCUMENTS[kind];
  const wanted = pdf ? 'pdf' : outputs.find((o) => extname(file).toLowerCase() === `.${OUTPUTS[o].extension}`);
  if (wanted && outputs.includes(wanted)) return wanted;
  const names = outputs.map((o) => `.${OUTPUTS[o].extension}`).join(', ');
  throw new AppError('INVALID_INPUT', `Tên tệp "${file}" không có đuôi của một dạng ${noun} xuất được (${names}); hoặc dùng --pdf.`);
}

/** Writes one document; what is missing is warned about, one line each, and the file is still written. */
async function writeOne(store: Store, kind: DocumentKind, id = '', file = '', io: Io, options: Options): Promise<void> {
  const meetingId = parseMeetingId(id);
  const output = outputOf(kind, file, options.pdf);
  const request = { kind, format: options.format, ...(options.date ? { issuedOn: options.date } : {}) };
  const { missing } = await writeDocument(store, meetingId, file, request, output, output === 'pdf' ? await options.printer() : undefined);
  for (const gap of missing) io.err(`Cảnh báo: ${gap}`);
  io.out(`Đã ghi ${DOCUMENTS[kind].noun} của hội nghị ${id} ra ${file}.`);
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

function failure(io: Io, error: unknown, file: string): number {
  // A damaged page met while reading (a command that reads does not check every page first).
  if (fsErrorCode(error).startsWith('SQLITE_CORRUPT')) error = new AppError('DB_DAMAGED', damagedMessage(file));
  io.err(`Lỗi: ${error instanceof AppError ? error.message : `lỗi không mong đợi (${error instanceof Error ? error.message : String(error)}).`}`);
  return 1;
}

/**
 * Runs one command; returns the process exit code (0 success, 1 failure, 2 wrong usage, 3 a merge's choices left) —
 * directly for wrong usage and the commands that need only the store, as a promise for those that load more or write a file.
 */
export function runCli(argv: string[], io: Io, printer: () => Printer | Promise<Printer> = browser): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        format: { type: 'string' },
        pdf: { type: 'boolean' },
        date: { type: 'string' },
        site: { type: 'string' },
        convert: { type: 'boolean' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'passphrase-file': { type: 'string' },
        'file-passphrase-file': { type: 'string' },
        encrypt: { type: 'boolean' },
        plain: { type: 'boolean' },
        attendees: { type: 'boolean' },
      },
    });
  } catch {
    if (argv.some((arg) => /^--(passphrase|password|key|recovery-key)(=|$)/.test(arg))) {
      io.err(
        'Lỗi: không nhận cụm mật khẩu trên dòng lệnh (lịch sử lệnh và danh sách tiến trình sẽ giữ nó); hãy gõ khi được hỏi, hoặc dùng --passphrase-file <tệp>.',
      );
      return 2;
    }
    io.err(`Lỗi: tham số không hợp lệ. Gõ "npm run cli -- help" để xem cách dùng.`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  if (!name || name === 'help' || parsed.values.help) {
    io.out(usage());
    return name || parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lỗi: không có lệnh "${name}". Gõ "npm run cli -- help" để xem các lệnh.`);
    return 2;
  }
  const [fewest, most] = typeof command.args === 'number' ? [command.args, command.args] : command.args;
  if (args.length < fewest || args.length > most) {
    const needs = fewest === most ? `${fewest}` : most > fewest + 1 ? `ít nhất ${fewest}` : `${fewest} hoặc ${most}`;
    io.err(`Lỗi: lệnh ${name} cần ${needs} tham số. Gõ "npm run cli -- help" để xem cách dùng.`);
    return 2;
  }
  if (parsed.values.convert && parsed.values.keep) {
    io.err('Lỗi: chỉ dùng một trong hai: --convert (chuyển sang Unicode) hoặc --keep (giữ nguyên).');
    return 2;
  }
  const { format } = parsed.values;
  if (format !== undefined && !isFormat(format)) {
    io.err(`Lỗi: thể thức "${format}" không hợp lệ; dùng --format party (thể thức Đảng) hoặc --format state (thể thức hành chính nhà nước).`);
    return 2;
  }
  const { date } = parsed.values;
  if (date !== undefined && !isRealDate(date)) {
    io.err(`Lỗi: ngày "${date}" không hợp lệ; dùng --date năm-tháng-ngày, ví dụ --date 2021-10-05.`);
    return 2;
  }
  const values = parsed.values;
  const secret = async (file: string | undefined, question: string): Promise<string> => {
    if (file !== undefined) return readPassphraseFile(file);
    const answer = io.ask ? await io.ask(question) : null;
    if (answer === null || answer === '') {
      throw new AppError(
        'PASSPHRASE_NEEDED',
        io.ask
          ? 'Chưa nhập cụm mật khẩu; không có gì thay đổi.'
          : 'Cần cụm mật khẩu nhưng không có terminal để hỏi: hãy dùng --passphrase-file <tệp> (hoặc --file-passphrase-file cho tệp hội nghị).',
      );
    }
    return answer;
  };
  const options: Options = {
    format,
    pdf: values.pdf === true,
    date,
    printer,
    site: values.site,
    legacy: values.convert ? 'convert' : values.keep ? 'keep' : undefined,
    encrypt: values.encrypt ?? false,
    plain: values.plain ?? false,
    withAttendees: values.attendees ?? false,
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
        const code = await run(createStore(openDatabase(file, { key, reading: command.reads })));
        return typeof code === 'number' ? code : 0;
      })()
        .then(
          (code) => code,
          (error: unknown) => failure(io, error, file),
        )
        .finally(close);
    }
    const pending = run(createStore(openDatabase(file, { reading: command.reads })));
    if (typeof pending === 'number') {
      close();
      return pending;
    }
    if (pending)
      return pending
        .then(
          (code) => (typeof code === 'number' ? code : 0),
          (error: unknown) => failure(io, error, file),
        )
        .finally(close);
    close();
    return 0;
  } catch (error) {
    close();
    return failure(io, error, file);
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

if (import.meta.main) void main();
