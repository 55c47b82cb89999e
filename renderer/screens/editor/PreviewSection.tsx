// Xem trước và xuất: the minutes (or the notice) as they will be printed, what is still missing,
// and the Word files.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DocumentKind, Preview } from '../../../shared/api.ts';
import { FORMATS, type Format } from '../../../shared/model/meeting.ts';
import { FORMAT_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { optionsOf, SelectField } from '../../components/fields.tsx';
import { useToast, useTracker, type ToastInput } from '../../context.tsx';
import { useMeetingFileExport } from '../MeetingFileDialogs.tsx';
import { useEditor } from './meeting-state.tsx';

/** Elements a preview never needs and that could load, navigate or run something. */
const INERT_DROPS = 'script, style, link, meta, base, iframe, frame, object, embed, form, a, audio, video, source, svg, math';

/**
 * Puts the preview's HTML (escaped by its renderer in the main process, styled by the stylesheet sent
 * with it) into the page. Parsing happens in an inert <template>, and anything that could load, run or
 * navigate is dropped before the fragment reaches the page: defence in depth behind the escaping.
 */
export function insertPreview(container: HTMLElement, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = template.content;
  for (const element of fragment.querySelectorAll(INERT_DROPS)) element.remove();
  for (const element of fragment.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      if (/^on|^(href|src|srcset|style|formaction|xlink:href)$/i.test(attribute.name)) element.removeAttribute(attribute.name);
    }
  }
  container.replaceChildren(fragment);
}

/**
 * The preview's stylesheet, adopted by the document through the CSSOM (the CSP allows no <style>
 * element). One sheet per mounted preview, replaced on each refresh and dropped on unmount.
 */
function usePreviewStylesheet(css: string | null): void {
  const sheet = useRef<CSSStyleSheet | null>(null);
  useEffect(() => {
    if (css === null || typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return;
    if (!sheet.current) {
      sheet.current = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet.current];
    }
    sheet.current.replaceSync(css);
  }, [css]);
  useEffect(() => () => {
    const own = sheet.current;
    if (own && 'adoptedStyleSheets' in document) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
    sheet.current = null;
  }, []);
}

/** The message after an export; what printed as "…" is said, and the message stays until closed. */
export function exportedToast(kind: DocumentKind, file: { path: string; missing: string[] }): ToastInput {
  const what = kind === 'minutes' ? 'biên bản' : 'thông báo kết luận';
  if (file.missing.length === 0) return { text: `Đã xuất ${what}: ${file.path}` };
  return {
    text: `Đã xuất ${what}: ${file.path}. Lưu ý: ${file.missing.length} chỗ còn thiếu được in là “…”: ${file.missing.map((m) => m.replace(/\.$/, '')).join('; ')}.`,
    tone: 'warning',
  };
}

export function PreviewSection() {
  const ops = useEditor();
  const tracker = useTracker();
  const toast = useToast();
  const [kind, setKind] = useState<DocumentKind>('minutes');
  // Each document has its own format: the minutes the meeting's (stored with it), the notice its own choice here.
  const minutesFormat = ops.record.meeting.format;
  const [noticeFormat, setNoticeFormat] = useState<Format>(minutesFormat);
  const format = kind === 'minutes' ? minutesFormat : noticeFormat;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const page = useRef<HTMLDivElement>(null);
  const noticeFormatId = useId();
  const { meetingId, client } = ops;

  const load = useCallback(async () => {
    try {
      await tracker.settle();
      setPreview(await client.previewDocument({ meetingId, kind, format }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [client, meetingId, kind, format, tracker]);

  useEffect(() => {
    void load();
  }, [load]);

  usePreviewStylesheet(preview ? preview.css : null);
  useEffect(() => {
    if (page.current && preview) insertPreview(page.current, preview.html);
  }, [preview]);

  const exportDocx = async (which: DocumentKind) => {
    setBusy(true);
    try {
      await tracker.settle();
      const file = await client.exportDocument({ meetingId, kind: which, format: which === 'minutes' ? minutesFormat : noticeFormat });
      if (file) toast(exportedToast(which, file));
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const meetingFile = useMeetingFileExport();

  return (
    <div className="section-body preview-section">
      <div className="row preview-controls">
        <fieldset className="choice inline">
          <legend>Xem trước</legend>
          <label><input type="radio" name="doc-kind" checked={kind === 'minutes'} onChange={() => setKind('minutes')} /> Biên bản</label>
          <label><input type="radio" name="doc-kind" checked={kind === 'notice'} onChange={() => setKind('notice')} /> Thông báo kết luận</label>
        </fieldset>
        <button type="button" onClick={() => void load()}>Làm mới bản xem trước</button>
      </div>
      <div className="export-grid">
        <div className="export-card">
          <SelectField label="Thể thức biên bản (lưu cùng hội nghị)" value={minutesFormat} options={optionsOf(FORMATS, FORMAT_LABELS)} save={(f) => ops.saveMeeting({ format: f })} />
          <button type="button" className="primary" disabled={busy} onClick={() => void exportDocx('minutes')}>Xuất biên bản (Word) <kbd>Ctrl+E</kbd></button>
        </div>
        <div className="export-card">
          <div className="field">
            <label htmlFor={noticeFormatId} className="field-label">Thể thức thông báo kết luận</label>
            <select id={noticeFormatId} value={noticeFormat} onChange={(e) => setNoticeFormat(e.target.value as Format)}>
              {FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
            </select>
          </div>
          <button type="button" disabled={busy} onClick={() => void exportDocx('notice')}>Xuất thông báo kết luận (Word)</button>
        </div>
        <div className="export-card">
          <p className="muted">Một hội nghị trong một tệp, để chuyển sang máy khác hoặc lưu trữ.</p>
          <button type="button" onClick={() => void tracker.settle().then(() => meetingFile.exportFile(meetingId))}>Xuất tệp hội nghị</button>
          {meetingFile.dialog}
        </div>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {preview ? (
        <section className="missing" aria-labelledby="missing-title">
          <h3 id="missing-title">{preview.missing.length > 0 ? `Còn thiếu (${preview.missing.length})` : 'Không còn thiếu thông tin nào'}</h3>
          {preview.missing.length > 0 ? (
            <>
              <p className="muted">Những chỗ này sẽ in là “…” trong văn bản; khi xuất, ứng dụng nhắc lại.</p>
              <ul>{preview.missing.map((m, i) => <li key={`${i}-${m}`}>{m}</li>)}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      <div className="preview-frame" aria-label={kind === 'minutes' ? 'Bản xem trước biên bản' : 'Bản xem trước thông báo kết luận'} role="document">
        {preview ? null : <p className="muted">Đang tạo bản xem trước…</p>}
        <div ref={page} className="preview-page" />
      </div>
    </div>
  );
}
