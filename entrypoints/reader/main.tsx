import { render } from 'preact';
import { browser } from 'wxt/browser';
import 'pdfjs-dist/web/pdf_viewer.css';
import '@/components/theme.css';
import '@/components/reader/reader.css';
import { ReaderApp } from '@/components/reader/ReaderApp';
import { startLinkCards } from '@/lib/content/link-cards';
import { createScriptContext } from '@/lib/content/script-context';
import { requestFromWorker } from '@/lib/protocol/client';
import { createCitationIndex } from '@/lib/reader/citations';
import { createPaperActions } from '@/lib/reader/paper-actions';
import { paperOfPdf } from '@/lib/reader/paper-identity';
import { openDatabase } from '@/lib/db';
import { readSettings, updateSettings } from '@/lib/settings';

const resolveTexts = (texts: string[]) => requestFromWorker('resolveReferences', { texts });
const citations = createCitationIndex(resolveTexts);
const root = document.getElementById('app');
// The reader is web-accessible (redirects land on it): inside another site's frame it does
// nothing, so no page can dress it up and have the user click its buttons.
if (window.top !== window && root) {
  root.textContent = 'PaperPeek’s reader opens in a tab of its own.';
} else if (root) {
  render(
    <ReaderApp
      location={location}
      storage={browser.storage.local}
      permissions={browser.permissions}
      // The redirect lets this address through once, so the browser's viewer shows it.
      leaveFor={(url) =>
        void requestFromWorker('openInBrowserViewer', { url })
          .catch(() => undefined)
          .then(() => location.assign(url))
      }
      citations={citations}
      paperOf={paperOfPdf({
        resolve: resolveTexts,
        fetchCard: (key) => requestFromWorker('fetchPaper', { key }),
      })}
      // The same database the popup opens: the reading list's status and BibTeX come from it.
      paperActions={createPaperActions(openDatabase(), requestFromWorker)}
      arxivPdfsSetting={{
        read: async () => (await readSettings(browser.storage.local)).arxivPdfsInReader,
        write: (on) => updateSettings(browser.storage.local, { arxivPdfsInReader: on }),
      }}
    />,
    root,
  );
  // The PDF's links (PDF.js's annotation layer) get the same cards as links on web pages, and
  // its citations the cards of the papers they cite.
  void startLinkCards(
    browser,
    document,
    createScriptContext(browser.runtime),
    { card: '/card-ui.js', citation: '/citation-ui.js' },
    citations.lookup,
  );
}
