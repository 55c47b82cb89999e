// Xem trước và xuất: each document of the registry (shared/documents.ts) as it will be printed, what is
// still missing, its files (Word, PDF, CSV) and printing.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Preview } from '../../../shared/api.ts';
import { DOCUMENT_KINDS, DOCUMENTS, OUTPUTS, QUICK_EXPORT, type DocumentKind, type DocumentOutput } from '../../../shared/documents.ts';
import { FORMATS, type Format } from '../../../shared/model/meeting.ts';
import { FORMAT_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { FieldError, optionsOf, SelectField } from '../../components/fields.tsx';
import { useToast, useTracker, type ToastInput } from '../../context.tsx';
import { useMeetingFileExport } from '../MeetingFileDialogs.tsx';
import { useEditor } from './meeting-state.tsx';
import { SiteReports } from './SiteReports.tsx';

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
  useEffect(
    () => () => {
      const own = sheet.current;
      if (own && 'adoptedStyleSheets' in document) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
      sheet.current = null;
    },
    [],
  );
}

/** The message after an export; what printed as "…" is said, and the message stays until closed. */
export function exportedToast(kind: DocumentKind, file: { path: string; missing: string[] }): ToastInput {
  const what = DOCUMENTS[kind].noun;
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
  // A document follows the meeting's format (stored with it), or its own choice here (the notice).
  const meetingFormat = ops.record.meeting.format;
  const [chosen, setChosen] = useState<Partial<Record<DocumentKind, Format>>>({});
  const formatOf = useCallback(
    (k: DocumentKind): Format => (DOCUMENTS[k].format === 'meeting' ? meetingFormat : (chosen[k] ?? meetingFormat)),
    [chosen, meetingFormat],
  );
  const format = formatOf(kind);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const page = useRef<HTMLDivElement>(null);
  const formatId = useId();
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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after awaiting the store
    void load();
  }, [load]);

  usePreviewStylesheet(preview ? preview.css : null);
  useEffect(() => {
    if (page.current && preview) insertPreview(page.current, preview.html);
  }, [preview]);

  const exportFile = async (which: DocumentKind, output: DocumentOutput) => {
    setBusy(true);
    try {
      await tracker.settle();
      const file = await client.exportDocument({ meetingId, kind: which, format: formatOf(which), output });
      if (file) toast(exportedToast(which, file));
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const printShown = useCallback(async () => {
    try {
      await tracker.settle();
      const printed = await client.printDocument({ meetingId, kind, format });
      if (printed && printed.missing.length > 0)
        toast({ text: `Đã gửi ${DOCUMENTS[kind].noun} tới máy in; ${printed.missing.length} chỗ còn thiếu được in là “…”.`, tone: 'warning' });
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    }
  }, [client, meetingId, kind, format, toast, tracker]);
  // Ctrl+P here prints the document shown (elsewhere the menu's Ctrl+P prints the minutes).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void printShown();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [printShown]);
  const meetingFile = useMeetingFileExport();

  return (
    <div className="section-body preview-section">
      <div className="row preview-controls">
        <fieldset className="choice inline">
          <legend>Xem trước</legend>
          {DOCUMENT_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="doc-kind" checked={kind === k} onChange={() => setKind(k)} /> {DOCUMENTS[k].title}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => void load()}>
          Làm mới bản xem trước
        </button>
        <button type="button" onClick={() => void printShown()}>
          In {DOCUMENTS[kind].noun} <kbd>Ctrl+P</kbd>
        </button>
      </div>
      <div className="export-grid">
        {DOCUMENT_KINDS.map((k, index) => (
          <div className="export-card" key={k}>
            {DOCUMENTS[k].format === 'meeting' && index === DOCUMENT_KINDS.findIndex((d) => DOCUMENTS[d].format === 'meeting') ? (
              <SelectField
                label="Thể thức (lưu cùng hội nghị)"
                value={meetingFormat}
                options={optionsOf(FORMATS, FORMAT_LABELS)}
                save={(f) => ops.saveMeeting({ format: f })}
              />
            ) : DOCUMENTS[k].format === 'chosen' ? (
              <div className="field">
                <label htmlFor={`${formatId}-${k}`} className="field-label">
                  Thể thức {DOCUMENTS[k].noun}
                </label>
                <select id={`${formatId}-${k}`} value={formatOf(k)} onChange={(e) => setChosen((c) => ({ ...c, [k]: e.target.value as Format }))}>
                  {FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {FORMAT_LABELS[f]}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p className="muted">Theo thể thức của hội nghị.</p>
            )}
            {DOCUMENTS[k].outputs.map((output) => {
              const quick = k === QUICK_EXPORT.kind && output === QUICK_EXPORT.output;
              return (
                <button key={output} type="button" className={quick ? 'primary' : undefined} disabled={busy} onClick={() => void exportFile(k, output)}>
                  Xuất {DOCUMENTS[k].noun} ({OUTPUTS[output].label})
                  {quick ? (
                    <>
                      {' '}
                      <kbd>Ctrl+E</kbd>
                    </>
                  ) : null}
                </button>
              );
            })}
          </div>
        ))}
        <div className="export-card">
          <p className="muted">Một hội nghị trong một tệp, để chuyển sang máy khác hoặc lưu trữ.</p>
          <button type="button" onClick={() => void tracker.settle().then(() => meetingFile.exportFile(meetingId))}>
            Xuất tệp hội nghị
          </button>
          {meetingFile.dialog}
        </div>
        <SiteReports />
      </div>
      <FieldError error={error} />
      {preview ? (
        <section className="missing" aria-labelledby="missing-title">
          <h3 id="missing-title">{preview.missing.length > 0 ? `Còn thiếu (${preview.missing.length})` : 'Không còn thiếu thông tin nào'}</h3>
          {preview.missing.length > 0 ? (
            <>
              <p className="muted">Những chỗ này sẽ in là “…” trong văn bản; khi xuất, ứng dụng nhắc lại.</p>
              <ul>
                {preview.missing.map((m, i) => (
                  <li key={`${i}-${m}`}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {preview && preview.advice.length > 0 ? (
        <section className="missing" aria-labelledby="advice-title">
          <h3 id="advice-title">Cần xem lại ({preview.advice.length})</h3>
          <p className="muted">Những chỗ này vẫn in như đã ghi; hãy xem lại trước khi xuất.</p>
          <ul>
            {preview.advice.map((m, i) => (
              <li key={`${i}-${m}`}>{m}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="preview-frame" aria-label={`Bản xem trước ${DOCUMENTS[kind].noun}`} role="document">
        {preview ? null : <p className="muted">Đang tạo bản xem trước…</p>}
        <div ref={page} className="preview-page" />
      </div>
    </div>
  );
}
