/**
 * Hover intent, after Wikipedia's Page Previews: a card opens after a dwell on a link, survives
 * the pointer travelling onto it, and closes a grace period after the pointer (or focus) has left
 * both. Owns: the timers and who is current. Never: touches the DOM; the caller opens and closes.
 */

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverIntentOptions<T> {
  dwellMs: () => number;
  graceMs: number;
  timers: Timers;
  now: () => number;
  /**
   * Whether the pointer or the focus is still on `target` when its dwell ends. The caller need
   * not report leaving a link whose card has not opened: following every exit costs a DOM read
   * per pointer event, this costs one per dwell. Absent: every exit is reported.
   */
  stillThere?: (target: T) => boolean;
  open(target: T): void;
  close(target: T): void;
}

export function createHoverIntent<T>({
  dwellMs,
  graceMs,
  timers,
  now,
  stillThere = () => true,
  open,
  close,
}: HoverIntentOptions<T>) {
  let pending: T | null = null;
  let opened: T | null = null;
  // One dwell timer at most, re-armed lazily: a pointer sweeping across many links moves the
  // deadline instead of creating and clearing a timer per link (timers are the costly part).
  let dwellTimer = 0;
  let dwellDue = 0;
  let graceTimer = 0;

  const cancelGrace = () => timers.clear(graceTimer);
  const closeNow = () => {
    cancelGrace();
    const target = opened;
    opened = null;
    if (target !== null) close(target);
  };
  const onDwell = () => {
    dwellTimer = 0;
    const target = pending;
    if (target === null) return;
    const wait = dwellDue - now();
    if (wait > 1) {
      dwellTimer = timers.set(onDwell, wait);
      return;
    }
    pending = null;
    if (!stillThere(target)) return;
    cancelGrace();
    if (opened !== null && opened !== target) closeNow();
    opened = target;
    open(target);
  };
  const startGrace = () => {
    cancelGrace();
    graceTimer = timers.set(closeNow, graceMs);
  };

  return {
    get opened() {
      return opened;
    },
    enterLink(target: T): void {
      if (target === opened) {
        pending = null;
        cancelGrace();
        return;
      }
      if (target === pending) return;
      pending = target;
      const dwell = dwellMs();
      dwellDue = now() + dwell;
      if (!dwellTimer) dwellTimer = timers.set(onDwell, dwell);
    },
    leaveLink(target: T): void {
      if (target === pending) pending = null;
      if (target === opened) startGrace();
    },
    enterCard: cancelGrace,
    leaveCard(): void {
      if (opened !== null) startGrace();
    },
    dismiss(): void {
      pending = null;
      timers.clear(dwellTimer);
      dwellTimer = 0;
      closeNow();
    },
  };
}

export type HoverIntent<T> = ReturnType<typeof createHoverIntent<T>>;
