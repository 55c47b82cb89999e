// The Word file's package: the parts as docx compiles them, zipped with Node's own zlib (adm-zip, which deflates
// synchronously). docx's Packer zips them with a pure-JavaScript deflate, which in a fresh process (the command
// line) cost about as much as building all of document.xml. The parts are docx's, byte for byte (test/minutes/docx-package.test.ts compares them with
// the Packer's). Where a docx release no longer has its compiler where this looks, the Packer zips as before.
import { Packer, type Document } from 'docx';
import AdmZip from 'adm-zip';

type Parts = Map<string, string | Uint8Array>;

interface Compiler {
  compile(file: Document): Parts;
}

/** docx's compiler, which its Packer holds (a static member the typings call private). */
function compiler(): Compiler | undefined {
  const found = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  return typeof found?.compile === 'function' ? (found as Compiler) : undefined;
}

/** The package's parts in docx's order, or undefined where this docx has no compiler to ask. */
export function packageParts(document: Document): Parts | undefined {
  return compiler()?.compile(document);
}

function zip(parts: Parts): Uint8Array {
  // In docx's order, as its Packer writes them; adm-zip's own sort (localeCompare) loads ICU's collation, 12 ms in a fresh process.
  const file = new AdmZip({ noSort: true });
  for (const [path, data] of parts)
    file.addFile(path, typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return file.toBuffer();
}

/** The .docx bytes of a document. */
export async function packDocx(document: Document): Promise<Uint8Array> {
  const parts = packageParts(document);
  return parts ? zip(parts) : Packer.toBuffer(document);
}
