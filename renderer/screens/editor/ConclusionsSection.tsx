// Kết luận: the chair's conclusion on each agenda item and overall, vote results, and the tasks given.
import type { AgendaItem, Conclusion } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { CheckboxField, NumberField, TextField } from '../../components/fields.tsx';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { WordImport } from '../../components/WordImport.tsx';
import { useToast } from '../../context.tsx';
import { useDraftRow, useTextEntry } from './draft-row.ts';
import { useEditor, useWrites } from './meeting-state.tsx';
import { useRemoveWithUndo } from './undo.ts';

export function ConclusionsSection() {
  const ops = useEditor();
  const { agenda, conclusions } = ops.record;
  const overall = conclusions.find((c) => c.agendaItemId === null) ?? null;
  return (
    <div className="section-body conclusions">
      {agenda.map((item, index) => (
        <ConclusionEditor
          key={item.id}
          item={item}
          title={`Mục ${index + 1}: ${item.title || '(chưa có nội dung)'}`}
          label={`Kết luận mục ${index + 1}`}
          conclusion={conclusions.find((c) => c.agendaItemId === item.id) ?? null}
        />
      ))}
      <ConclusionEditor item={null} title="Kết luận chung của hội nghị" label="Kết luận chung" conclusion={overall} />
      <ActionItems />
      <section className="group" aria-labelledby="closing-title">
        <h3 id="closing-title">Kết thúc hội nghị</h3>
        <CheckboxField
          label="Biên bản đã được đọc lại và thông qua trước hội nghị"
          value={ops.record.meeting.minutesApproved}
          save={(minutesApproved) => ops.saveMeeting({ minutesApproved })}
          hint="Khi chọn, biên bản ghi: “Biên bản đã được thông qua trước hội nghị.”"
        />
      </section>
    </div>
  );
}

function ConclusionEditor({ item, title, label, conclusion }: { item: AgendaItem | null; title: string; label: string; conclusion: Conclusion | null }) {
  // Created when something is first typed into it.
  const lazy = useDraftRow({ list: 'conclusions', writes: useWrites(), initial: () => ({ agendaItemId: item?.id ?? null }) }, conclusion?.id ?? null);
  const headingId = `conclusion-${item?.id ?? 'overall'}`;
  return (
    <section className="group conclusion" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <TextField multiline rows={5} label={label} value={conclusion?.content ?? ''} save={(content) => lazy.save({ content })} className="wide" />
      <WordImport target="conclusion" current={conclusion?.content ?? ''} onTake={(content) => lazy.save({ content })} />
      <fieldset className="votes">
        <legend>Biểu quyết (nếu có) — {label.toLowerCase()}</legend>
        <div className="row">
          <NumberField label="Tán thành" value={conclusion?.voteFor ?? null} save={(voteFor) => lazy.save({ voteFor })} />
          <NumberField label="Không tán thành" value={conclusion?.voteAgainst ?? null} save={(voteAgainst) => lazy.save({ voteAgainst })} />
          <NumberField label="Ý kiến khác" value={conclusion?.voteOther ?? null} save={(voteOther) => lazy.save({ voteOther })} />
        </div>
      </fieldset>
    </section>
  );
}

function ActionItems() {
  const ops = useEditor();
  const toast = useToast();
  const entry = useTextEntry('actionItems', 'task', ops.record.actionItems);
  const removeRow = useRemoveWithUndo();
  const actionItems = ops.record.actionItems.filter((a) => a.id !== entry.draftId);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const move = (id: number) => (position: number) => void ops.move('actionItems', id, position).catch(fail);
  return (
    <section className="group" aria-labelledby="action-items-title">
      <h3 id="action-items-title">Nhiệm vụ được giao</h3>
      {actionItems.length > 0 ? (
        <ol className="rows">
          {actionItems.map((a, index) => (
            <li key={a.id} className="row" onKeyDown={reorderKeys(index, actionItems.length, move(a.id))}>
              <span className="row-number">{index + 1}.</span>
              <TextField label={`Nhiệm vụ ${index + 1}`} value={a.task} save={(task) => ops.update('actionItems', a.id, { task })} className="grow" />
              <TextField
                label={`Người hoặc đơn vị thực hiện nhiệm vụ ${index + 1}`}
                value={a.responsible}
                save={(responsible) => ops.update('actionItems', a.id, { responsible })}
              />
              <DateTimeField
                type="date"
                label={`Thời hạn nhiệm vụ ${index + 1}`}
                value={a.dueDate}
                save={(dueDate) => ops.update('actionItems', a.id, { dueDate })}
              />
              <RowTools
                name={`nhiệm vụ ${index + 1}`}
                index={index}
                count={actionItems.length}
                onMove={move(a.id)}
                onRemove={() => void removeRow('actionItems', a.id, `nhiệm vụ ${index + 1}`)}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <NewRowInput
        {...entry.line}
        label="Thêm nhiệm vụ"
        placeholder="Nội dung nhiệm vụ, Enter để thêm"
        hint="Dán nhiều dòng (nhiệm vụ, người thực hiện) để thêm nhiều nhiệm vụ."
        onAddBlock={(rows) =>
          ops.addMany(
            'actionItems',
            rows.map(([task = '', responsible = '']) => ({ task, responsible })),
          )
        }
      />
    </section>
  );
}
