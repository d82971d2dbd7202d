import { defineConfig } from 'wxt';
import { LOOKUP_DATA_COLLECTION } from './lib/sources/lookup-consent';
import { findBrowser } from './scripts/lib/find-browser';

const FEED_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// `npm run dev` opens the same browser `npm start` finds (CHROME_PATH or the usual places);
// Chromium refuses to run as root with its sandbox on (containers, CI machines).
const devBrowser = findBrowser();

// Explicit imports everywhere (no auto-imports): every module says where its names come from.
export default defineConfig({
  imports: false,
  // Every icon size (toolbar, extensions page, the stores' 128 px) from one drawing.
  modules: ['@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  manifest: ({ browser }) => ({
    name: 'PaperPeek',
    description:
      "Hover an arXiv or GitHub link to read the paper's abstract; search papers and keep a reading list.",
    // Each is justified in docs/PRIVACY.md.
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      // The popup's "Open in PaperPeek reader" for the PDF in the tab it was opened over: the
      // tab's address, only after the user's click on the toolbar button (no install warning).
      'activeTab',
      // arXiv PDF addresses to the reader (lib/worker/pdf-redirect.ts). "WithHostAccess": only
      // on hosts the extension may read (arxiv.org), so it adds no install warning.
      'declarativeNetRequestWithHostAccess',
    ],
    host_permissions: [
      'https://huggingface.co/*',
      'https://export.arxiv.org/*',
      // The reader opens arXiv's PDFs, and their addresses (http or https, arxiv.org, www. and
      // export.) are redirected to it (docs/PRIVACY.md). No new warning: the content script on
      // every page already asks for access to all sites.
      '*://*.arxiv.org/*',
      // Look-ups of venue links no digest paper lists (docs/PRIVACY.md).
      'https://api2.openreview.net/*',
      'https://api.openalex.org/*',
    ],
    // A custom feed's site, asked for when the user adds the feed. WXT drops this key from the
    // MV2 (Firefox) manifest, where origins go in optional_permissions: below.
    optional_host_permissions: FEED_ORIGINS,
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open PaperPeek',
      },
    },
    // The card's rendering, imported by the content script on the first hover of a paper link
    // (lib/content/card/loader.ts). A per-session URL, so pages cannot probe for it.
    web_accessible_resources: [
      {
        resources: ['card-ui.js', 'citation-ui.js'],
        matches: ['<all_urls>'],
        use_dynamic_url: true,
      },
      // A redirect may only land on a web-accessible page: an arXiv PDF followed from any site
      // opens the reader. It refuses to run framed (entrypoints/reader/main.tsx).
      { resources: ['reader.html'], matches: ['<all_urls>'] },
    ],
    // entrypoints/link-previews.ts: an unlisted script, so the manifest lists it here.
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['link-previews.js'],
        all_frames: true,
        // At document_start: a page shows its links long before document_end when a script
        // holds its parser (or DOMContentLoaded waits on a deferred script that never comes), and
        // Chromium runs document_end scripts with DOMContentLoaded, document_idle ones only at
        // `load`. Links are picked up as the parser adds them, in idle slices
        // (lib/content/markers.ts).
        run_at: 'document_start',
      },
    ],
    ...(browser === 'firefox'
      ? {
          optional_permissions: FEED_ORIGINS,
          browser_specific_settings: {
            gecko: {
              id: 'paperpeek@paperpeek.dev',
              // The first versions with Firefox's own consent for data an extension sends (140
              // is also an ESR; Android got it in 142).
              strict_min_version: '140.0',
              // Nothing is collected to run; arXiv look-ups send a link's paper id to arXiv
              // (lib/sources/lookup-consent.ts), so they wait for this optional consent.
              data_collection_permissions: {
                required: ['none'],
                optional: [...LOOKUP_DATA_COLLECTION],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: {
    ...(devBrowser ? { binaries: { chrome: devBrowser } } : {}),
    ...(process.getuid?.() === 0 ? { chromiumArgs: ['--no-sandbox'] } : {}),
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // `PAPERPEEK_PROFILE_BUILD=1`: readable function names in CPU profiles (benchmarks only).
    ...(process.env.PAPERPEEK_PROFILE_BUILD ? { build: { minify: false } } : {}),
  }),
});
