/**
 * What scrolling through a paper costs the browser's main thread, in the reader and in the bare
 * page (PDF.js's viewer components alone) on the same PDF: 16 jumps to other pages, each left
 * 900 ms for PDF.js to draw what came into view. A Chromium trace sums the layout, style, paint
 * and script time, and counts the layouts; the Long Animation Frames API sums the frames over
 * 50 ms. A card due while such a frame runs waits for it, so this is the work a hover after a
 * scroll can wait on, and the reader should add next to nothing to PDF.js's own.
 */
import type { Page } from 'playwright-core';
import { traceDuring } from './trace';

/** The pages jumped to, in this order (those past the PDF's end are passed over). */
const JUMPS = [3, 7, 12, 5, 9, 14, 2, 11, 6, 13, 4, 10, 8, 15, 1, 16];
const SETTLE_MS = 900;

export interface ScrollCost {
  /** Main-thread time in each kind of work, ms. */
  layoutMs: number;
  styleMs: number;
  paintMs: number;
  scriptMs: number;
  layouts: number;
  /** All animation frames over 50 ms, summed, ms. */
  longFramesMs: number;
}

/** Scrolls `page` (the reader or the bare page, a PDF open in it) and measures as it goes. */
export async function scrollCost(page: Page): Promise<ScrollCost> {
  await page.evaluate(() => {
    const frames: number[] = [];
    (globalThis as unknown as { paperpeekFrames: number[] }).paperpeekFrames = frames;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) frames.push(entry.duration);
    }).observe({ type: 'long-animation-frame' });
  });
  const events = await traceDuring(
    page,
    ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    async () => {
      const pages = await page.evaluate(() => document.querySelectorAll('.page').length);
      for (const jump of JUMPS) {
        if (jump > pages) continue;
        await page.evaluate((n) => {
          document.querySelector(`.page[data-page-number="${n}"]`)?.scrollIntoView();
        }, jump);
        await page.waitForTimeout(SETTLE_MS);
      }
    },
  );
  const ms = (...names: string[]) =>
    Math.round(
      events
        .filter((event) => event.ph === 'X' && names.includes(event.name))
        .reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000,
    );
  const frames = await page.evaluate(
    () => (globalThis as unknown as { paperpeekFrames: number[] }).paperpeekFrames,
  );
  return {
    layoutMs: ms('Layout'),
    styleMs: ms('UpdateLayoutTree'),
    paintMs: ms('Paint', 'PrePaint'),
    scriptMs: ms('FunctionCall', 'EvaluateScript', 'TimerFire'),
    layouts: events.filter((event) => event.ph === 'X' && event.name === 'Layout').length,
    longFramesMs: Math.round(frames.reduce((sum, duration) => sum + duration, 0)),
  };
}

/** The means of several runs; the reader's layout and long frames as ratios of the bare page's. */
export function compareScrollCosts(reader: ScrollCost[], bare: ScrollCost[]) {
  const mean = (runs: ScrollCost[]) => {
    const sum = (key: keyof ScrollCost) =>
      Math.round(runs.reduce((total, run) => total + run[key], 0) / Math.max(1, runs.length));
    return {
      layoutMs: sum('layoutMs'),
      styleMs: sum('styleMs'),
      paintMs: sum('paintMs'),
      scriptMs: sum('scriptMs'),
      layouts: sum('layouts'),
      longFramesMs: sum('longFramesMs'),
    };
  };
  const ofReader = mean(reader);
  const ofBare = mean(bare);
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
  return {
    runs: reader.length,
    reader: ofReader,
    barePdfjs: ofBare,
    layoutRatio: ratio(ofReader.layoutMs, ofBare.layoutMs),
    longFramesRatio: ratio(ofReader.longFramesMs, ofBare.longFramesMs),
  };
}
