// Removing a row with "Hoàn tác" offered in the message that says it is gone (the store keeps what brings
// it back, with what pointed at it, for this session).
import { useCallback } from 'react';
import type { ListName } from '../../../shared/api.ts';
import { errorMessage } from '../../api.ts';
import { useToast } from '../../context.tsx';
import { useEditor } from './meeting-state.tsx';

/** remove(list, id, what): what is the row as the message names it ("mục 2", "đồng chí Nguyễn Văn Thông"). */
export function useRemoveWithUndo() {
  const ops = useEditor();
  const toast = useToast();
  const { remove, undoRemove } = ops;
  return useCallback(
    async (list: ListName, id: number, what: string, where = '') => {
      try {
        const undoToken = await remove(list, id);
        toast({
          text: `Đã xóa ${what}${where}.`,
          action: undoToken
            ? {
                label: 'Hoàn tác',
                run: () =>
                  void undoRemove(undoToken).then(
                    () => toast({ text: `Đã khôi phục ${what}.` }),
                    (error: unknown) => toast({ text: errorMessage(error), tone: 'error' }),
                  ),
              }
            : undefined,
        });
      } catch (error) {
        toast({ text: errorMessage(error), tone: 'error' });
      }
    },
    [remove, undoRemove, toast],
  );
}
