// Thông tin chung: what the opening of the minutes is made of.
import { useMemo, useState } from 'react';
import type { DocumentKind } from '../../../shared/documents.ts';
import { CONFIDENTIALITY, FORMATS, MODES, STATUSES, type Meeting } from '../../../shared/model/meeting.ts';
import { CONFIDENTIALITY_LABELS, FORMAT_LABELS, MODE_LABELS, STATUS_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { NumberField, optionsOf, SelectField, TextField } from '../../components/fields.tsx';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { WordImport } from '../../components/WordImport.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { useToast } from '../../context.tsx';
import { matchSpeakers, PICKER_ORDER_HINT, useAttendeeOptions } from './attendee-views.ts';
import { useTextEntry } from './draft-row.ts';
import { pastMidnight, useMeetingStamp } from './MeetingClock.tsx';
import { useEditor } from './meeting-state.tsx';
import { MEETING_KEYS } from './shortcuts.ts';
import { useRemoveWithUndo } from './undo.ts';

const KINDS = ['Hội nghị', 'Hội nghị trực tuyến', 'Cuộc họp', 'Phiên họp', 'Hội nghị Ban Chấp hành', 'Hội nghị Ban Thường vụ', 'Giao ban'];

export function GeneralSection() {
  const ops = useEditor();
  const { meeting } = ops.record;
  const save =
    <K extends keyof Meeting>(key: K) =>
    (value: Meeting[K]) =>
      ops.saveMeeting({ [key]: value });
  const stamp = useMeetingStamp();

  return (
    <div className="section-body general">
      <fieldset className="group">
        <legend>Hội nghị</legend>
        <TextField label="Tên hội nghị (trích yếu)" value={meeting.title} save={save('title')} className="wide" />
        <div className="row">
          <TextField label="Loại hội nghị" value={meeting.kind} save={save('kind')} list="meeting-kinds" />
          <datalist id="meeting-kinds">
            {KINDS.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <SelectField label="Thể thức" value={meeting.format} options={optionsOf(FORMATS, FORMAT_LABELS)} save={save('format')} />
          <TextField label="Nhiệm kỳ" value={meeting.term} save={save('term')} placeholder="2025-2030" />
        </div>
        <div className="row">
          <DocumentNumber label="Số biên bản" kind="minutes" value={meeting.number} save={save('number')} />
          <DocumentNumber label="Số thông báo kết luận" kind="notice" value={meeting.noticeNumber} save={save('noticeNumber')} />
          <DateTimeField
            label="Ngày thông báo kết luận"
            type="date"
            value={meeting.noticeDate}
            save={save('noticeDate')}
            hint="Để trống: thông báo in “ngày … tháng … năm …” để ghi khi ký."
          />
        </div>
        <div className="row">
          <SelectField
            label="Độ mật"
            value={meeting.confidentiality}
            options={optionsOf(CONFIDENTIALITY, CONFIDENTIALITY_LABELS)}
            save={save('confidentiality')}
          />
          <SelectField label="Trạng thái" value={meeting.status} options={optionsOf(STATUSES, STATUS_LABELS)} save={save('status')} />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>Thời gian và địa điểm</legend>
        <div className="row">
          <DateTimeField type="date" label="Ngày" value={meeting.date} save={save('date')} />
          <DateTimeField type="time" label="Giờ bắt đầu" value={meeting.startTime} save={save('startTime')} />
          <DateTimeField type="time" label="Giờ kết thúc" value={meeting.endTime} save={save('endTime')} hint={pastMidnight(meeting) ?? undefined} />
          <SelectField label="Hình thức" value={meeting.mode} options={optionsOf(MODES, MODE_LABELS)} save={save('mode')} />
        </div>
        <div className="row stamps">
          <button type="button" onClick={() => stamp('start')}>
            Ghi giờ bắt đầu là bây giờ <kbd>{MEETING_KEYS.start}</kbd>
          </button>
          <button type="button" onClick={() => stamp('end')}>
            Ghi giờ kết thúc là bây giờ <kbd>{MEETING_KEYS.end}</kbd>
          </button>
        </div>
        <TextField label="Địa điểm" value={meeting.venue} save={save('venue')} className="wide" />
      </fieldset>

      <fieldset className="group">
        <legend>Nội dung</legend>
        <TextField multiline rows={3} label="Nội dung hội nghị" value={meeting.content} save={save('content')} className="wide" />
        <WordImport target="content" current={meeting.content} onTake={save('content')} />
        <TextField multiline rows={2} label="Tài liệu sử dụng trong hội nghị" value={meeting.documents} save={save('documents')} className="wide" />
        <WordImport target="documents" current={meeting.documents} onTake={save('documents')} />
      </fieldset>

      <fieldset className="group">
        <legend>Chủ trì và ghi biên bản</legend>
        <Chairs />
        <TextField
          label="Chức danh thành viên của cơ quan họp"
          value={meeting.memberTitle}
          save={save('memberTitle')}
          className="wide"
          placeholder="Ví dụ: Ủy viên Ban Thường vụ Tỉnh ủy"
          hint="Khi đánh dấu thành viên (cột TV hoặc phím T trên dòng đại biểu), biên bản ghi số thành viên có mặt trên tổng số và người vắng, có lý do."
        />
        <div className="row">
          <TextField label="Người ghi biên bản" value={meeting.minuteTakerName} save={save('minuteTakerName')} />
          <TextField label="Chức vụ người ghi biên bản" value={meeting.minuteTakerPosition} save={save('minuteTakerPosition')} className="grow" />
        </div>
      </fieldset>

      <Recipients />
    </div>
  );
}

function DocumentNumber({
  label,
  kind,
  value,
  save,
}: {
  label: string;
  kind: DocumentKind;
  value: number | null;
  save(value: number | null): Promise<unknown>;
}) {
  const ops = useEditor();
  const toast = useToast();
  const suggest = async () => {
    try {
      const next = await ops.client.suggestNumber({ meetingId: ops.meetingId, kind });
      await save(next);
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  return (
    <div className="with-action">
      <NumberField label={label} value={value} save={save} />
      <button type="button" onClick={() => void suggest()} aria-label={`Lấy số tiếp theo cho ${label.toLowerCase()}`}>
        Lấy số tiếp theo
      </button>
    </div>
  );
}

/** The meeting's chairs: attendees whose role is "chair". */
function Chairs() {
  const ops = useEditor();
  const toast = useToast();
  const options = useAttendeeOptions(ops.record);
  const [text, setText] = useState('');
  const chairs = ops.record.attendees.filter((a) => a.role === 'chair');
  const matches = useMemo(
    () =>
      matchSpeakers(
        text,
        options.filter((o) => o.attendee.role !== 'chair'),
      ),
    [text, options],
  );

  const setRole = async (id: number, role: 'chair' | 'member') => {
    try {
      await ops.update('attendees', id, { role });
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <div className="chairs">
      <p className="field-label" id="chairs-label">
        Chủ trì hội nghị
      </p>
      {chairs.length === 0 ? (
        <p className="muted">Chưa chọn người chủ trì.</p>
      ) : (
        <ul aria-labelledby="chairs-label" className="chips">
          {chairs.map((a) => (
            <li key={a.id}>
              <span>
                {a.fullName}
                {a.positions ? ` - ${a.positions}` : ''}
              </span>
              <button type="button" className="danger-quiet" aria-label={`Bỏ chủ trì: ${a.fullName}`} onClick={() => void setRole(a.id, 'member')}>
                Bỏ
              </button>
            </li>
          ))}
        </ul>
      )}
      {options.length === 0 ? (
        <p className="muted">Người chủ trì được chọn trong danh sách đại biểu (phần Điểm cầu và thành phần).</p>
      ) : (
        <Combobox
          label="Thêm người chủ trì"
          text={text}
          onText={setText}
          options={matches}
          autoHighlight
          placeholder="Gõ vài chữ của tên, không cần dấu"
          footer={PICKER_ORDER_HINT}
          onPick={(option) => {
            setText('');
            void setRole(option.id, 'chair');
          }}
        />
      )}
    </div>
  );
}

function Recipients() {
  const ops = useEditor();
  const toast = useToast();
  const entry = useTextEntry('recipients', 'text', ops.record.recipients);
  const recipients = ops.record.recipients.filter((r) => r.id !== entry.draftId);
  const move = (id: number) => (position: number) =>
    void ops.move('recipients', id, position).catch((e: unknown) => toast({ text: errorMessage(e), tone: 'error' }));
  const removeRow = useRemoveWithUndo();
  const remove = (id: number) => void removeRow('recipients', id, `nơi nhận “${recipients.find((r) => r.id === id)?.text ?? ''}”`);
  return (
    <fieldset className="group">
      <legend>Nơi nhận</legend>
      {recipients.length > 0 ? (
        <ol className="rows">
          {recipients.map((r, index) => (
            <li key={r.id} className="row" onKeyDown={reorderKeys(index, recipients.length, move(r.id))}>
              <TextField label={`Nơi nhận ${index + 1}`} hideLabel value={r.text} save={(text) => ops.update('recipients', r.id, { text })} className="grow" />
              <RowTools name={`nơi nhận ${index + 1}`} index={index} count={recipients.length} onMove={move(r.id)} onRemove={() => remove(r.id)} />
            </li>
          ))}
        </ol>
      ) : null}
      <NewRowInput
        {...entry.line}
        label="Thêm nơi nhận"
        placeholder="Ví dụ: Các đồng chí Ủy viên Ban Thường vụ"
        hint="Enter để thêm; dán nhiều dòng để thêm nhiều nơi nhận."
        onAddBlock={(rows) =>
          ops.addMany(
            'recipients',
            rows.map((cells) => ({ text: cells.join(' ') })),
          )
        }
      />
    </fieldset>
  );
}
