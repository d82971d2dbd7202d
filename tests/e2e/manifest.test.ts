import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/** What the built extension asks of the browser: only what docs/PRIVACY.md justifies. */
describe('the built manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  it('asks for the documented permissions and nothing more', () => {
    expect(manifest.permissions).toEqual([
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      'activeTab',
      'declarativeNetRequestWithHostAccess',
    ]);
    expect(manifest.host_permissions).toEqual([
      'https://huggingface.co/*',
      'https://export.arxiv.org/*',
      '*://*.arxiv.org/*',
      'https://api2.openreview.net/*',
      'https://api.openalex.org/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual([
      'https://*/*',
      'http://127.0.0.1/*',
      'http://localhost/*',
    ]);
  });

  it('lets no web page or other extension talk to it', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    // The card module and the citation module (a card's Copy citation), for content scripts
    // to import, at a per-session URL a page cannot
    // guess (it holds code only, no data), and the reader, which arXiv PDF addresses are
    // redirected to (it refuses to run in a frame).
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['card-ui.js', 'citation-ui.js'],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      },
      { resources: ['reader.html'], matches: ['<all_urls>'] },
    ]);
    const code = ['background.js', 'link-previews.js']
      .map((file) => readFileSync(join(EXTENSION_DIR, file), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/onMessageExternal|onConnectExternal/);
  });
});
