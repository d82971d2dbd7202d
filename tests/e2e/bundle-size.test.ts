import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/** Issue budget: everything the manifest injects into every page. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 10 * 1024;
/**
 * The card's rendering (Preact, the card, its styles), loaded on the first hover of a paper link:
 * together with the injected script it stays within what the budget once allowed for both.
 */
// Raised from 11 KB on 2026-11-27: Undo, "Open reading list", the card for papers with no
// abstract and the card's focus rules added 706 bytes (the first hover's cost, not every page's).
// Raised from 12 KB on 2026-12-07: Retry that shows it is trying and what came of it, a control
// that opens the settings, and "Saved" as a mark rather than a button added 340 bytes.
// Raised from 12.5 KB on 2026-12-07 (issue 28): Save to Zotero on the card, what came of it and
// the way to the settings when the permission is missing added 203 bytes (12,837), after
// trimming what it could share with Save (its failure path, its "Saving…" and settings labels).
// Raised from 12.75 KB on 2026-12-07 (issues 28 and 29): Copy citation on the card (its button,
// what came of it, and the loader of the citation module, which carries the processor itself) and
// following the parser from document_start added 371 bytes (13,208); the script alone is 5,877.
export const CARD_UI_PLUS_SCRIPT_BYTES = 13 * 1024;

const gzipped = (file: string) =>
  gzipSync(readFileSync(join(EXTENSION_DIR, file), 'utf8'), { level: 9 }).length;

describe('the content script', () => {
  it(`is at most ${CONTENT_SCRIPT_BUDGET_BYTES} bytes gzip, and carries no database or search code`, () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: { js?: string[]; css?: string[] }[];
    };
    const files = manifest.content_scripts.flatMap((script) => [
      ...(script.js ?? []),
      ...(script.css ?? []),
    ]);
    expect(files).toEqual(['link-previews.js']);
    const source = files.map((file) => readFileSync(join(EXTENSION_DIR, file), 'utf8')).join('\n');
    const gzipped = gzipSync(source, { level: 9 }).length;
    console.log(`content script: ${source.length} bytes, ${gzipped} bytes gzip`);
    expect(gzipped).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
    expect(source).not.toMatch(/indexedDB|Dexie|Fuse/);
  });

  it('leaves Preact and the card to the module loaded on the first hover', () => {
    const script = readFileSync(join(EXTENSION_DIR, 'link-previews.js'), 'utf8');
    const cardUi = readFileSync(join(EXTENSION_DIR, 'card-ui.js'), 'utf8');
    // The card's class names and Preact's diffing live only in the card module.
    expect(cardUi).toMatch(/aria-labelledby/);
    expect(script).not.toMatch(/aria-labelledby|__k/);
    const total = gzipped('link-previews.js') + gzipped('card-ui.js');
    console.log(`card module: ${gzipped('card-ui.js')} bytes gzip; with the script ${total}`);
    expect(total).toBeLessThanOrEqual(CARD_UI_PLUS_SCRIPT_BYTES);
    expect(cardUi).not.toMatch(/indexedDB|Dexie|Fuse/);
  });
});
