/**
 * The Firefox build passes Mozilla's addons-linter (the checks addons.mozilla.org runs) with no
 * errors. Its warnings are listed: Preact's own innerHTML branch (used only by
 * dangerouslySetInnerHTML, which PaperPeek never uses; ESLint forbids it) and the not yet
 * required `data_collection_permissions` key.
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import linter from 'addons-linter';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('the Firefox build', () => {
  it('passes addons-linter with no errors', { timeout: 120_000 }, async () => {
    execSync('npx wxt build -b firefox', { cwd: root, stdio: 'ignore' });
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
    expect(
      result.warnings.filter(
        (warning) =>
          warning.code !== 'UNSAFE_VAR_ASSIGNMENT' &&
          warning.code !== 'MISSING_DATA_COLLECTION_PERMISSIONS',
      ),
    ).toEqual([]);
  });
});
