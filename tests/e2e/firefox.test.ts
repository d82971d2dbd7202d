/**
 * The Firefox build passes Mozilla's addons-linter (the checks addons.mozilla.org runs) with no
 * errors, and no warning but those understood: Preact's own innerHTML branch (used only by
 * dangerouslySetInnerHTML, which PaperPeek never uses; ESLint forbids it), the content script's
 * import() of its own card module, whose address is `runtime.getURL('/card-ui.js')`, and PDF.js's
 * in the reader (below). The
 * manifest declares what data PaperPeek sends, as Firefox's built-in consent asks.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/**
 * Vitest sets NODE_ENV=test, which a child build would inherit: Preact's JSX then compiles in
 * development form, and every later test would run that build instead of the product.
 */
const PRODUCTION = { ...process.env, NODE_ENV: 'production' };

describe('the Firefox build', () => {
  it('passes addons-linter with no errors', { timeout: 120_000 }, async () => {
    execSync('npx wxt build -b firefox', { cwd: root, stdio: 'ignore', env: PRODUCTION });
    const instance = linter.createInstance({
      config: {
        _: [resolve(root, '.output/firefox-mv2')],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: true,
        selfHosted: false,
      },
      runAsBinary: false,
    });
    const result = await instance.run();
    for (const warning of result.warnings) {
      console.log(`addons-linter warning ${warning.code} ${warning.file ?? ''}`);
    }
    expect(result.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    // PDF.js, in the reader's files: its check whether eval works and its font compiler (both
    // off: the reader passes isEvalSupported: false, and the extension's CSP allows no eval),
    // and its import of the worker for a fallback it never takes (the worker is bundled).
    const pdfjsFile = (file = '') =>
      /^chunks\/(?:reader|pdf_viewer)-[\w-]+\.js$|^assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(
        file,
      );
    const understood = (warning: { code: string; file?: string; message: string }) =>
      (warning.code === 'UNSAFE_VAR_ASSIGNMENT' &&
        (warning.message === 'Unsafe assignment to innerHTML' ||
          (warning.message === 'Unsafe call to import for argument 0' &&
            (warning.file === 'link-previews.js' || pdfjsFile(warning.file))))) ||
      (warning.code === 'DANGEROUS_EVAL' &&
        warning.message === 'The Function constructor is eval.' &&
        pdfjsFile(warning.file));
    expect(result.warnings.filter((warning) => !understood(warning))).toEqual([]);
  });

  it('declares no data collection to run, and arXiv look-ups as optional website content', () => {
    const manifest = JSON.parse(
      readFileSync(resolve(root, '.output/firefox-mv2/manifest.json'), 'utf8'),
    ) as { browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['websiteContent'],
    });
  });
});
