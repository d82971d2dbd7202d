/**
 * Bundle sizes (gzip): the content script (budget 10 KB, also enforced by a test), the card
 * module it loads on the first hover, the popup, the options page, the worker, and the zip a
 * store would receive.
 */
import { execSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const output = join(root, '.output/chrome-mv3');

async function gzipBytes(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

/** A page's HTML and every script and stylesheet it loads (Vite lists shared chunks there too). */
async function pageBytes(html: string): Promise<number> {
  const text = await readFile(join(output, html), 'utf8');
  const files = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  let total = await gzipBytes(join(output, html));
  for (const file of new Set(files)) total += await gzipBytes(join(output, file));
  return total;
}

export async function benchSizes(): Promise<Record<string, unknown>> {
  execSync('npx wxt zip', { cwd: root, stdio: 'ignore' });
  const zips = (await readdir(join(root, '.output'))).filter((name) =>
    name.endsWith('-chrome.zip'),
  );
  const zip = zips[0] ? (await stat(join(root, '.output', zips[0]))).size : Number.NaN;
  return {
    'sizes (bytes, gzip)': {
      contentScript: await gzipBytes(join(output, 'link-previews.js')),
      contentScriptBudget: 10_240,
      cardModule: await gzipBytes(join(output, 'card-ui.js')),
      popup: await pageBytes('popup.html'),
      options: await pageBytes('options.html'),
      worker: await gzipBytes(join(output, 'background.js')),
      zip,
    },
  };
}
