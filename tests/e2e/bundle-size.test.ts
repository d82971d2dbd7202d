import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/** Issue budget: everything the manifest injects into a page, Preact and the card included. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 10 * 1024;

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
});
