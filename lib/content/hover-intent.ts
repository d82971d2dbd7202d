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
  open(target: T): void;
  close(target: T): void;
}

export function createHoverIntent<T>({
  dwellMs,
  graceMs,
  timers,
  open,
  close,
}: HoverIntentOptions<T>) {
  let pending: T | null = null;
  let opened: T | null = null;
  let dwellTimer = 0;
  let graceTimer = 0;

  const cancelDwell = () => {
    timers.clear(dwellTimer);
    pending = null;
  };
  const cancelGrace = () => timers.clear(graceTimer);
  const closeNow = () => {
    cancelGrace();
    const target = opened;
    opened = null;
    if (target !== null) close(target);
  };

  return {
    /** The link whose card is waiting to open or is open: an answer for any other is stale. */
    isCurrent: (target: T) => target === pending || target === opened,
    get opened() {
      return opened;
    },
    enterLink(target: T): void {
      if (target === opened) {
        cancelGrace();
        return;
      }
      if (target === pending) return;
      cancelDwell();
      pending = target;
      dwellTimer = timers.set(() => {
        pending = null;
        cancelGrace();
        if (opened !== null && opened !== target) closeNow();
        opened = target;
        open(target);
      }, dwellMs());
    },
    leaveLink(target: T): void {
      if (target === pending) cancelDwell();
      if (target === opened) {
        cancelGrace();
        graceTimer = timers.set(closeNow, graceMs);
      }
    },
    enterCard: cancelGrace,
    leaveCard(): void {
      if (opened === null) return;
      cancelGrace();
      graceTimer = timers.set(closeNow, graceMs);
    },
    dismiss(): void {
      cancelDwell();
      closeNow();
    },
  };
}

export type HoverIntent<T> = ReturnType<typeof createHoverIntent<T>>;
