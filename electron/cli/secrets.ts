// Passphrases for the command-line tool: typed on the terminal without echo, or read from a file named by
// an option. Never taken from the command line itself, where the shell's history and the process list
// would keep it.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { readFileBounded } from '../services/read-file.ts';

/** The passphrase in a file: its first line (a final newline, as editors write, is not part of it). */
export function readPassphraseFile(path: string): string {
  const bytes = readFileBounded(path, { maxBytes: 4096, context: `Không đọc được tệp cụm mật khẩu ${basename(path)}` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('FILE_MALFORMED', `Tệp cụm mật khẩu ${basename(path)} không phải văn bản UTF-8.`, { cause: error });
  }
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new AppError('INVALID_INPUT', `Tệp cụm mật khẩu ${basename(path)} rỗng.`);
  return line;
}

/** Asks on the terminal, nothing echoed; resolves null on Ctrl+C or Ctrl+D. */
export function askHidden(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string | null> {
  return new Promise((resolve) => {
    output.write(question);
    const chars: string[] = [];
    const wasRaw = input.isRaw;
    input.setRawMode?.(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') return finish(chars.join('').normalize('NFC'));
        if (char === '\u0003' || char === '\u0004') return finish(null);
        if (char === '\u007f' || char === '\b') chars.pop();
        else chars.push(char);
      }
    };
    input.on('data', onData);
  });
}
