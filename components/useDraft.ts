import { useEffect, useRef, useState } from 'preact/hooks';

/** How long typing may pause before what was typed is saved. */
export const DRAFT_PAUSE_MS = 400;

export interface Draft {
  /** The field's text: what the user typed while editing, the stored text otherwise. */
  text: string;
  onInput(event: Event): void;
  onFocus(): void;
  onBlur(): void;
}

/**
 * A text field whose text belongs to the user while they edit it. What they type stays exactly
 * as typed; it is saved when typing pauses, when the field loses the focus and when the page is
 * hidden or the field goes away. The stored text replaces the field's only while the user is
 * not in it: a controlled field given the stored text on every render reset itself whenever a
 * save landed, and the keys typed since (the first letters of the next field) were lost.
 */
export function useDraft(stored: string, save: (text: string) => Promise<void>): Draft {
  const [text, setText] = useState(stored);
  const focused = useRef(false);
  const typed = useRef(stored);
  const saved = useRef(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = typed.current;
    const before = saved.current;
    if (text === before) return;
    saved.current = text;
    // A failed save leaves the text in the field, and the next edit or blur tries again.
    saveRef.current(text).catch(() => {
      if (saved.current === text) saved.current = before;
    });
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  // A change from elsewhere (sync, an import, a save landing) shows while the user is not in the
  // field; one that lands while they type is written over by what they typed, as they expect.
  useEffect(() => {
    if (focused.current || timer.current !== undefined) return;
    typed.current = stored;
    saved.current = stored;
    setText(stored);
  }, [stored]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flushRef.current();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      flushRef.current();
    };
  }, []);

  return {
    text,
    onInput(event) {
      const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
      typed.current = value;
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flushRef.current(), DRAFT_PAUSE_MS);
    },
    onFocus() {
      focused.current = true;
    },
    onBlur() {
      focused.current = false;
      flush();
    },
  };
}
