// A row the user is typing that the store may not have yet (a new speech, a conclusion, the entry line
// under a list). The first save creates it in the store with everything typed so far, so a crash or a
// closed window loses nothing; later saves update it; an entry line emptied again removes it. Saves run
// in order, and one is sent at once whenever it can be (a flush from pagehide leaves during the event).
// The fields that edit it are autosaved like any other field, so the save tracker flushes them. A value
// refused is not kept: it never goes into a later creation.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ListName } from '../../../shared/api.ts';
import { AppError } from '../../../shared/errors.ts';
import { parsePatch } from '../../../shared/model/validate.ts';
import { ApiError } from '../../api.ts';
import { useWrites, type MeetingWrites } from './meeting-state.tsx';

type Values = Record<string, unknown>;

export interface DraftRowOptions {
  list: ListName;
  writes(): MeetingWrites;
  /** Fields the row is created with besides what was typed (the agenda item of a new speech). */
  initial?(): Values;
  /** When what was typed is empty again, the row is removed (an entry line, a new speech). */
  isEmpty?(typed: Values): boolean;
  /**
   * The list's fields and the store's name of one row ("phát biểu"): a value saved before the row is stored
   * (kept until there is something to store) is judged at once by the store's schema, in its words, and by
   * `check`, the store's rules across fields (what is wrong with the row as it would be, or null).
   */
  schema?: { fields: z.ZodObject; label: string; check?(row: Values): string | null };
  onCreated?(id: number): void;
  onRemoved?(): void;
}

export class DraftRow {
  private id: number | null;
  private creating: Promise<number> | null = null;
  private last: Promise<unknown> = Promise.resolve();
  private readonly typed: Values = {};
  private readonly options: DraftRowOptions;

  constructor(options: DraftRowOptions, existingId: number | null = null) {
    this.options = options;
    this.id = existingId;
  }

  /** True once something was saved into it (or it was stored already). */
  get touched(): boolean {
    return this.id !== null || this.creating !== null || Object.keys(this.typed).length > 0;
  }

  save(patch: Values): Promise<void> {
    const schema = this.options.schema;
    if (this.id === null && schema) {
      try {
        parsePatch(schema.fields, patch, `Không lưu được ${schema.label}`);
        const problem = schema.check?.({ ...this.typed, ...patch });
        if (problem) throw new AppError('INVALID_INPUT', `Không lưu được ${schema.label}: ${problem}`);
      } catch (error) {
        return Promise.reject(error instanceof AppError ? new ApiError(error.code, error.message, { cause: error }) : error);
      }
    }
    const before = new Map(Object.keys(patch).map((key) => [key, { had: key in this.typed, value: this.typed[key] }]));
    Object.assign(this.typed, patch);
    const work = this.send(patch).catch((error: unknown) => {
      // A value the store refused for the stored row is forgotten (unless typed again meanwhile).
      if (error instanceof ApiError && error.code === 'INVALID_INPUT' && this.id !== null) {
        for (const [key, was] of before) {
          if (!Object.is(this.typed[key], patch[key])) continue;
          if (was.had) this.typed[key] = was.value;
          else Reflect.deleteProperty(this.typed, key);
        }
      }
      throw error;
    });
    this.last = work.catch(() => undefined);
    return work;
  }

  /** Resolves with the row's id once every save so far has landed (null: nothing stored). */
  async settled(): Promise<number | null> {
    await this.last;
    return this.id;
  }

  private send(patch: Values): Promise<void> {
    // While the row is being created, later saves wait for its id (or, if creation fails, try again).
    if (this.creating)
      return this.creating.then(
        () => this.send(patch),
        () => this.send(patch),
      );
    const { list, writes, isEmpty } = this.options;
    const empty = isEmpty?.(this.typed) ?? false;
    if (this.id !== null) {
      if (!empty) return writes().update(list, this.id, patch);
      const id = this.id;
      this.id = null;
      return writes()
        .remove(list, id)
        .then(() => this.options.onRemoved?.());
    }
    if (empty) return Promise.resolve();
    const creating = writes().add(list, { ...this.options.initial?.(), ...this.typed });
    this.creating = creating;
    return creating.then(
      (id) => {
        this.id = id;
        this.creating = null;
        this.options.onCreated?.(id);
      },
      (error: unknown) => {
        // The next save tries again, with everything typed.
        this.creating = null;
        throw error;
      },
    );
  }
}

/** One DraftRow for the life of a component, always calling the latest writes and callbacks. */
export function useDraftRow(options: DraftRowOptions, existingId: number | null = null): DraftRow {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  /* eslint-disable react-hooks/refs -- the row reads `latest` when it saves, never during render */
  const [row] = useState(
    () =>
      new DraftRow(
        {
          list: options.list,
          writes: () => latest.current.writes(),
          initial: () => latest.current.initial?.() ?? {},
          isEmpty: options.isEmpty ? (typed) => latest.current.isEmpty?.(typed) ?? false : undefined,
          schema: options.schema,
          onCreated: (id) => latest.current.onCreated?.(id),
          onRemoved: () => latest.current.onRemoved?.(),
        },
        existingId,
      ),
  );
  /* eslint-enable react-hooks/refs */
  return row;
}

/**
 * The entry line under a list: its draft row, which the list leaves out while it is being typed
 * (`draftId`), and `commit()`, which hands the row over to the list and starts a fresh draft.
 */
export function useEntryRow(list: ListName, isEmpty: (typed: Values) => boolean) {
  const writes = useWrites();
  const [draftId, setDraftId] = useState<number | null>(null);
  // Which draft is the line's: one handed over to the list no longer hides or shows anything.
  const generation = useRef(0);
  const make = useCallback(
    (at: number) =>
      new DraftRow({
        list,
        writes,
        isEmpty,
        onCreated: (id) => {
          if (generation.current === at) setDraftId(id);
        },
        onRemoved: () => {
          if (generation.current === at) setDraftId(null);
        },
      }),
    [list, writes, isEmpty],
  );
  // eslint-disable-next-line react-hooks/refs -- `make`'s callbacks read `generation` when the row is stored, not during render
  const [row, setRow] = useState(() => make(0));

  /** Resolves with the committed row's id once it is stored (null when nothing was typed). */
  const commit = useCallback((): Promise<number | null> => {
    const done = row;
    if (!done.touched) return Promise.resolve(null);
    generation.current += 1;
    setRow(make(generation.current));
    setDraftId(null);
    return done.settled();
  }, [row, make]);

  return { row, draftId, commit };
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/**
 * A one-field entry line (a site, an agenda item, a recipient, a task): the props of its NewRowInput,
 * and the draft's id, which the list leaves out while it is being typed.
 */
export function useTextEntry<I extends { id: number }>(list: ListName, field: keyof I & string, items: readonly I[], onCommitted?: (id: number) => void) {
  const isEmpty = useCallback((typed: Values) => blank(typed[field]), [field]);
  const entry = useEntryRow(list, isEmpty);
  const draft = items.find((item) => item.id === entry.draftId);
  const committed = useRef(onCommitted);
  useEffect(() => {
    committed.current = onCommitted;
  });
  return {
    draftId: entry.draftId,
    line: {
      value: draft ? String(draft[field]) : '',
      save: (text: string) => entry.row.save({ [field]: text }),
      onCommit: () => {
        void entry.commit().then(
          (id) => {
            if (id !== null) committed.current?.(id);
          },
          () => undefined,
        );
      },
    },
  };
}
