/**
 * What `npm run zip` and `npm run zip:firefox` produce is what the Chrome Web Store and
 * addons.mozilla.org are sent: each package must carry its icons (the 128 px store icon among
 * them, real PNGs of the size they claim), a toolbar icon, a name and a short description.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const output = join(root, '.output');
/**
 * Vitest sets NODE_ENV=test, which the zip's build would inherit: Preact's JSX then compiles in
 * development form, the package would not be the product, and every later test would run it.
 */
const PRODUCTION = { ...process.env, NODE_ENV: 'production' };

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, index) => bytes[index] === byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

async function readPackage(suffix: string) {
  const name = readdirSync(output).find((file) => file.endsWith(`-${suffix}.zip`));
  if (!name) throw new Error(`no *-${suffix}.zip in .output`);
  const zip = await JSZip.loadAsync(readFileSync(join(output, name)));
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw new Error(`${name} has no manifest.json`);
  const manifest = JSON.parse(await manifestFile.async('string')) as Record<string, unknown>;
  return { zip, manifest };
}

describe.each([
  ['chrome', 'npx wxt zip', 'action'],
  ['firefox', 'npx wxt zip -b firefox', 'browser_action'],
] as const)('the %s package', (browser, command, actionKey) => {
  let pkg: Awaited<ReturnType<typeof readPackage>>;

  beforeAll(async () => {
    execSync(command, { cwd: root, stdio: 'ignore', env: PRODUCTION });
    pkg = await readPackage(browser);
  }, 120_000);

  it('has a name and a description a store accepts', () => {
    expect(pkg.manifest.name).toBe('PaperPeek');
    const description = String(pkg.manifest.description ?? '');
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(132); // the Chrome Web Store's limit
    expect(pkg.manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('carries every icon it names, as a PNG of that size, the 128 px store icon included', async () => {
    const icons = pkg.manifest.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(icons)) {
      const file = pkg.zip.file(path.replace(/^\//, ''));
      if (!file) throw new Error(`${path} is not in the package`);
      expect(pngSize(await file.async('uint8array'))).toEqual({
        width: Number(size),
        height: Number(size),
      });
    }
  });

  it('shows its own icon on the toolbar', () => {
    const action = pkg.manifest[actionKey] as { default_icon?: Record<string, string> };
    const icons = pkg.manifest.icons as Record<string, string>;
    expect(Object.keys(action.default_icon ?? {}).sort()).toEqual(Object.keys(icons).sort());
    for (const path of Object.values(action.default_icon ?? {})) {
      expect(pkg.zip.file(path.replace(/^\//, ''))).not.toBeNull();
    }
  });
});
