// The meetings: search, open, new (blank or copying the sites and attendees of an earlier one),
// delete with confirmation and undo, import and export of meeting files.
import { FieldError } from '../components/fields.tsx';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MeetingSummary } from '../../shared/model/meeting.ts';
import { SEARCH_KIND_LABELS, type SearchResults } from '../../shared/search.ts';
import { FORMAT_LABELS } from '../../shared/model/labels.ts';
import { errorMessage } from '../api.ts';
import { Highlight } from '../components/Highlight.tsx';
import { VirtualList } from '../components/VirtualList.tsx';
import { DeletedMeetings } from './DeletedMeetings.tsx';
import { DeleteMeetingDialog } from './DeleteMeetingDialog.tsx';
import { useMeetingFileExport } from './MeetingFileDialogs.tsx';
import { useClient, useToast, useTracker } from '../context.tsx';
import { SitePackageOpen } from './SitePackageOpen.tsx';
import { NewMeetingDialog } from './NewMeetingDialog.tsx';
import { fold } from '../../shared/vietnamese/fold.ts';
import { formatCount, formatDate, untitled } from '../lib/format.ts';

/** Enough letters or digits to search the meetings' content. */
const searchable = (query: string) => fold(query).replace(/[^\p{L}\p{N}]/gu, '').length >= 2;

/**
 * Full-text results under the list, asked for at every keystroke: each answer is shown as it arrives, unless an
 * answer to a later keystroke is already shown (answers may come back out of order).
 */
export function useContentSearch(query: string): { results: SearchResults | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ results: SearchResults | null; error: string | null }>({ results: null, error: null });
  const asked = useRef(0);
  const shown = useRef(0);
  useEffect(() => {
    const turn = ++asked.current;
    const show = (next: { results: SearchResults | null; error: string | null }) => {
      if (turn <= shown.current) return;
      shown.current = turn;
      setState(next);
    };
    if (!searchable(query)) {
      show({ results: null, error: null });
      return;
    }
    client.search({ query }).then(
      (results) => show({ results, error: null }),
      (error: unknown) => show({ results: null, error: errorMessage(error) }),
    );
  }, [client, query]);
  return state;
}

function SearchResultsList({ results, onOpen }: { results: SearchResults; onOpen(id: number): void }) {
  const pending =
    results.pending > 0 ? (
      <p className="muted" role="status">
        Đang cập nhật chỉ mục tìm kiếm (còn {formatCount(results.pending)} mục), kết quả có thể chưa đầy đủ.
      </p>
    ) : null;
  if (results.groups.length === 0)
    return (
      <>
        {pending}
        <p className="empty">Không tìm thấy “{results.query}” trong nội dung các hội nghị.</p>
      </>
    );
  return (
    <section className="search-results" aria-label="Kết quả tìm trong nội dung">
      <h2>Tìm thấy trong nội dung</h2>
      <ol>
        {results.groups.map((group) => (
          <li key={group.meetingId} className="search-group">
            <button type="button" className="link" onClick={() => onOpen(group.meetingId)}>
              {untitled(group.title)}
            </button>
            <span className="muted">
              {' '}
              · {formatDate(group.date)} · {formatCount(group.hitCount)} kết quả
            </span>
            <ul>
              {group.hits.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`} className="search-hit">
                  <span className="search-kind">{SEARCH_KIND_LABELS[hit.kind]}</span> <Highlight passage={hit.passage} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {results.truncated ? <p className="muted">Còn nhiều kết quả khác; hãy gõ cụ thể hơn.</p> : null}
      {pending}
    </section>
  );
}

export function MeetingsScreen({
  newRequest,
  copySource,
  onOpen,
  onImport,
}: {
  newRequest: number;
  /** The meeting to offer as the one to copy from (Ctrl+N pressed inside it). */
  copySource?: number | undefined;
  onOpen(id: number): void;
  onImport(): void;
}) {
  const client = useClient();
  const toast = useToast();
  const tracker = useTracker();
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(newRequest > 0);
  const [seenRequest, setSeenRequest] = useState(newRequest);
  const [deleting, setDeleting] = useState<MeetingSummary | null>(null);
  const searchId = useId();
  const content = useContentSearch(query);

  if (newRequest !== seenRequest) {
    setSeenRequest(newRequest);
    if (newRequest > 0) setCreating(true);
  }

  const load = useCallback(async () => {
    try {
      await tracker.settle();
      setMeetings(await client.listMeetings({}));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [client, tracker]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load sets state only after awaiting the store
    void load();
  }, [load]);

  // Each meeting's searchable text, folded at the first search after a load rather than on every keystroke.
  const folded = useMemo(() => {
    let texts: { meeting: MeetingSummary; text: string }[] | null = null;
    return () =>
      (texts ??= (meetings ?? []).map((m) => ({ meeting: m, text: fold([m.title, m.kind, formatDate(m.date), m.date ?? '', m.number ?? ''].join(' ')) })));
  }, [meetings]);
  const shown = useMemo(() => {
    const q = fold(query);
    if (!meetings || !q) return meetings ?? [];
    return folded()
      .filter((entry) => entry.text.includes(q))
      .map((entry) => entry.meeting);
  }, [meetings, folded, query]);

  const remove = async (meeting: MeetingSummary, forGood: boolean) => {
    setDeleting(null);
    try {
      const { undoToken, purged } = await tracker.track(client.deleteMeeting({ id: meeting.id, forGood }));
      await load();
      if (undoToken === null) {
        toast({ text: `Đã xóa hẳn hội nghị “${untitled(meeting.title)}”${purged > 0 ? `, cả trong ${purged} bản sao lưu tự động` : ''}.` });
        return;
      }
      toast({
        text: `Đã xóa hội nghị “${untitled(meeting.title)}”.`,
        action: {
          label: 'Hoàn tác',
          run: () => {
            void (async () => {
              try {
                await tracker.track(client.undoDelete({ undoToken }));
                await load();
                toast({ text: `Đã khôi phục hội nghị “${untitled(meeting.title)}”.` });
              } catch (error) {
                toast({ text: errorMessage(error), tone: 'error' });
              }
            })();
          },
        },
      });
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  const { exportFile: exportMeeting, dialog: meetingFileDialog } = useMeetingFileExport();
  const exportFile = useCallback((meeting: MeetingSummary) => void exportMeeting(meeting.id), [exportMeeting]);

  return (
    <main className="screen meetings-screen">
      <div className="screen-head">
        <h1>Danh sách hội nghị</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Hội nghị mới <kbd>Ctrl+N</kbd>
          </button>
          <button type="button" onClick={onImport}>
            Nhập tệp hội nghị <kbd>Ctrl+O</kbd>
          </button>
          <SitePackageOpen onOpen={onOpen} />
          <DeletedMeetings onRestored={() => void load()} />
        </div>
      </div>
      <div className="field search">
        <label htmlFor={searchId} className="field-label">
          Tìm hội nghị
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Tên, ngày, số, hoặc bất kỳ nội dung nào (có dấu hay không dấu)"
          autoComplete="off"
        />
      </div>
      <FieldError error={loadError} />
      {meetings === null ? (
        <p>Đang tải…</p>
      ) : meetings.length === 0 ? (
        <p className="empty">Chưa có hội nghị nào. Bấm “Hội nghị mới” để bắt đầu.</p>
      ) : shown.length === 0 ? (
        <p className="empty">Không có tên hội nghị nào khớp với “{query}”.</p>
      ) : (
        <MeetingsTable meetings={shown} onOpen={onOpen} onExport={exportFile} onDelete={setDeleting} />
      )}
      <FieldError error={content.error} />
      {content.results ? <SearchResultsList results={content.results} onOpen={onOpen} /> : null}
      {creating ? <NewMeetingDialog meetings={meetings} source={copySource} onCancel={() => setCreating(false)} onCreated={onOpen} /> : null}
      {deleting ? <DeleteMeetingDialog meeting={deleting} onCancel={() => setDeleting(null)} onDelete={(forGood) => void remove(deleting, forGood)} /> : null}
      {meetingFileDialog}
    </main>
  );
}

/** Height of a row of the meetings list, in pixels: one line each, long titles cut with an ellipsis. */
const ROW_HEIGHT = 40;

interface RowActions {
  onOpen(id: number): void;
  onExport(meeting: MeetingSummary): void;
  onDelete(meeting: MeetingSummary): void;
}

/** The meetings in store order (newest first), as rows of columns; only the rows in view are rendered. */
function MeetingsTable({ meetings, ...actions }: RowActions & { meetings: MeetingSummary[] }) {
  return (
    <div className="meetings-table">
      <div className="meeting-row meetings-head" aria-hidden="true">
        <span>Ngày</span>
        <span>Số</span>
        <span>Tên hội nghị</span>
        <span>Thể thức</span>
        <span className="num">Điểm cầu</span>
        <span className="num">Đại biểu</span>
        <span className="num">Phát biểu</span>
        <span />
      </div>
      <VirtualList
        items={meetings}
        rowHeight={ROW_HEIGHT}
        label="Các hội nghị, mới nhất trước"
        className="meetings-list"
        getKey={(m) => m.id}
        renderRow={(m) => <MeetingRow meeting={m} {...actions} />}
      />
    </div>
  );
}

const MeetingRow = memo(function MeetingRow({ meeting: m, onOpen, onExport, onDelete }: RowActions & { meeting: MeetingSummary }) {
  const title = untitled(m.title);
  return (
    <div className="meeting-row">
      <span>{formatDate(m.date)}</span>
      <span>
        {m.number === null ? (
          ''
        ) : (
          <>
            <span className="sr-only">số </span>
            {m.number}
          </>
        )}
      </span>
      <span className="meeting-title" title={m.kind ? `${title} · ${m.kind}` : title}>
        <button type="button" className="link" onClick={() => onOpen(m.id)}>
          {title}
        </button>
        {m.kind ? <span className="muted"> · {m.kind}</span> : null}
      </span>
      <span>{FORMAT_LABELS[m.format]}</span>
      <span className="num">
        {formatCount(m.siteCount)}
        <span className="sr-only"> điểm cầu</span>
      </span>
      <span className="num">
        {formatCount(m.attendeeCount)}
        <span className="sr-only"> đại biểu</span>
      </span>
      <span className="num">
        {formatCount(m.speechCount)}
        <span className="sr-only"> phát biểu</span>
      </span>
      <span className="row-actions">
        <button type="button" aria-label={`Xuất tệp hội nghị ${title}`} onClick={() => onExport(m)}>
          Xuất tệp
        </button>
        <button type="button" className="danger-quiet" aria-label={`Xóa hội nghị ${title}`} onClick={() => onDelete(m)}>
          Xóa
        </button>
      </span>
    </div>
  );
});
