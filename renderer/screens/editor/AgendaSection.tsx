// Chương trình: the agenda items, in order; Alt+↑ / Alt+↓ or the arrows move an item.
import { useState } from 'react';
import type { AgendaItem } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/fields.tsx';
import { NewRowInput } from '../../components/NewRowInput.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { useToast } from '../../context.tsx';
import { useTextEntry } from './draft-row.ts';
import { useEditor } from './meeting-state.tsx';
import { useRemoveWithUndo } from './undo.ts';

export function AgendaSection() {
  const ops = useEditor();
  const toast = useToast();
  const { speeches, conclusions } = ops.record;
  const entry = useTextEntry('agenda', 'title', ops.record.agenda);
  const agenda = ops.record.agenda.filter((item) => item.id !== entry.draftId);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const move = (id: number) => (position: number) => void ops.move('agenda', id, position).catch(fail);

  const removeRow = useRemoveWithUndo();
  // The store removes the item's own conclusions with it and keeps its speeches (Hoàn tác brings all back).
  const remove = async (item: AgendaItem) => {
    setRemoving(null);
    await removeRow('agenda', item.id, `mục “${item.title || '(chưa có nội dung)'}”`);
  };

  return (
    <div className="section-body agenda">
      {agenda.length === 0 ? (
        <p className="muted">Chưa có mục nào trong chương trình.</p>
      ) : (
        <ol className="rows agenda-list">
          {agenda.map((item, index) => (
            <li key={item.id} className="row" onKeyDown={reorderKeys(index, agenda.length, move(item.id))}>
              <span className="row-number">{index + 1}.</span>
              <TextField label={`Nội dung mục ${index + 1}`} value={item.title} save={(title) => ops.update('agenda', item.id, { title })} className="grow" />
              <TextField label={`Người trình bày mục ${index + 1}`} value={item.presenter} save={(presenter) => ops.update('agenda', item.id, { presenter })} />
              <RowTools
                name={`mục ${index + 1}`}
                index={index}
                count={agenda.length}
                onMove={move(item.id)}
                onRemove={() => {
                  const used = speeches.some((s) => s.agendaItemId === item.id) || conclusions.some((c) => c.agendaItemId === item.id && c.content);
                  if (used) setRemoving(item);
                  else void remove(item);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <NewRowInput
        {...entry.line}
        label="Thêm mục chương trình"
        placeholder="Nội dung mục, Enter để thêm"
        hint="Dán nhiều dòng (nội dung, người trình bày) để thêm nhiều mục."
        onAddBlock={(rows) =>
          ops.addMany(
            'agenda',
            rows.map(([title = '', presenter = '']) => ({ title, presenter })),
          )
        }
      />
      {removing ? (
        <ConfirmDialog
          title="Xóa mục chương trình?"
          message={
            <p>Mục “{removing.title}” đã có phát biểu hoặc kết luận. Các phát biểu được giữ lại nhưng không còn thuộc mục nào; kết luận của mục sẽ bị xóa.</p>
          }
          confirmLabel="Xóa mục"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      ) : null}
    </div>
  );
}
