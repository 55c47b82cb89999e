// A zip file (Excel .xlsx, Word .docx) opened with every size bounded before it is spent: the entry count and
// the declared sizes, one by one and in total, read from the central directory before anything is inflated;
// while inflating, yauzl checks the real sizes against the declared ones, so a "zip bomb" that lies about
// them is cut at its declared size. XML parts are refused when they carry a DOCTYPE (no entity expansion).
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  entries: number;
  /** Uncompressed bytes of any one part, and of all parts together. */
  partBytes: number;
  totalBytes: number;
}

/** A refusal, in Vietnamese: a clause to follow "Không đọc được … từ tệp …: ". */
export class ZipRefusal extends Error {}

export interface BoundedZip {
  zip: ZipFile;
  entries: Map<string, Entry>;
  /** A part's text (UTF-8); undefined when there is no such part. */
  text(name: string): Promise<string | undefined>;
  close(): void;
}

/** "tệp Excel", "tệp Word": how the messages name the file. */
export async function openBoundedZip(bytes: Buffer, limits: ZipLimits, what: string): Promise<BoundedZip> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  try {
    const entries = await entriesOf(zip, limits, what);
    return {
      zip,
      entries,
      async text(name) {
        const entry = entries.get(name);
        if (!entry) return undefined;
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
        if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw doctype(what);
        return text;
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

export const doctype = (what: string): ZipRefusal => new ZipRefusal(`${what} chứa khai báo DOCTYPE, điều không có trong ${what} thật (có thể là tệp độc hại)`);

async function entriesOf(zip: ZipFile, limits: ZipLimits, what: string): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.entries) throw new ZipRefusal(`${what} chứa quá nhiều phần (${zip.entryCount.toLocaleString('vi-VN')})`);
  const entries = new Map<string, Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      const over = entry.uncompressedSize > limits.partBytes ? `một phần của ${what}` : total > limits.totalBytes ? what : null;
      if (over) {
        const limit = over === what ? limits.totalBytes : limits.partBytes;
        reject(new ZipRefusal(`${over} khi giải nén lớn hơn ${Math.round(limit / 1048576)} MB (có thể là “bom nén”)`));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}
