// The text of a Word (.docx) file taken into one field (a speech, a conclusion, the content summary, the
// documents list): the file is read in the main process, what will be taken is shown first, then it replaces
// the field's text or follows it. Each paragraph or list item of the file is a paragraph (a line) of the field.
import { useState } from 'react';
import type { WordTarget } from '../../shared/api.ts';
import type { WordFile } from '../../shared/word-file.ts';
import { errorMessage } from '../api.ts';
import { useClient } from '../context.tsx';
import { formatCount } from '../lib/format.ts';
import { Dialog } from './Dialog.tsx';
import { FieldError } from './fields.tsx';

export const PREVIEW_PARAGRAPHS = 6;

const TARGET_WORDS: Record<WordTarget, string> = {
  speech: 'nội dung phát biểu',
  conclusion: 'nội dung kết luận',
  content: 'nội dung hội nghị',
  documents: 'tài liệu sử dụng trong hội nghị',
};

export interface WordImportProps {
  target: WordTarget;
  /** The field's text now. */
  current: string;
  /** Stores the field's new text. */
  onTake(text: string): Promise<unknown>;
}

export function WordImport({ target, current, onTake }: WordImportProps) {
  const client = useClient();
  const [file, setFile] = useState<WordFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const words = TARGET_WORDS[target];

  const pick = async () => {
    try {
      const read = await client.readWordFile({ target });
      setError(null);
      if (read) setFile(read);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const take = async (how: 'replace' | 'append') => {
    if (!file) return;
    const text = file.paragraphs.join('\n');
    setFile(null);
    try {
      await onTake(how === 'append' && current.trim() ? `${current.replace(/\s+$/, '')}\n${text}` : text);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <button type="button" className="word-import" onClick={() => void pick()}>
        Lấy chữ từ tệp Word…
      </button>
      <FieldError error={error} />
      {file ? (
        <Dialog title={`Lấy chữ từ tệp ${file.fileName}`} onClose={() => setFile(null)}>
          <div className="dialog-body word-preview">
            {file.paragraphs.length === 0 ? (
              <p>Tệp không có chữ nào để lấy.</p>
            ) : (
              <>
                <p>
                  Sẽ lấy {formatCount(file.paragraphs.length)} đoạn ({file.length.toLocaleString('vi-VN')} ký tự) vào {words}, mỗi đoạn một dòng
                  {file.paragraphs.length > PREVIEW_PARAGRAPHS ? `; ${PREVIEW_PARAGRAPHS} đoạn đầu:` : ':'}
                </p>
                <ul className="word-paragraphs">
                  {file.paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p, i) => (
                    <li key={i}>{p.length > 300 ? `${p.slice(0, 300)}…` : p}</li>
                  ))}
                </ul>
                {file.paragraphs.length > PREVIEW_PARAGRAPHS ? (
                  <p className="muted">… và {formatCount(file.paragraphs.length - PREVIEW_PARAGRAPHS)} đoạn nữa.</p>
                ) : null}
              </>
            )}
            {file.dropped.length > 0 ? <p className="muted">Không lấy: {file.dropped.join('; ')}.</p> : null}
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => setFile(null)}>
              Hủy
            </button>
            {file.paragraphs.length > 0 && current.trim() ? (
              <button type="button" onClick={() => void take('append')}>
                Thêm vào sau chữ đã có
              </button>
            ) : null}
            {file.paragraphs.length > 0 ? (
              <button type="button" className="primary" data-autofocus onClick={() => void take('replace')}>
                {current.trim() ? `Thay ${words} bằng chữ trong tệp` : `Lấy vào ${words}`}
              </button>
            ) : null}
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
