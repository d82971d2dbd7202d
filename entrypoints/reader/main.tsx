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

const citations = createCitationIndex((texts) => requestFromWorker('resolveReferences', { texts }));
const root = document.getElementById('app');
if (root) {
  render(
    <ReaderApp
      location={location}
      storage={browser.storage.local}
      permissions={browser.permissions}
      leaveFor={(url) => location.assign(url)}
      citations={citations}
    />,
    root,
  );
}
// The PDF's links (PDF.js's annotation layer) get the same cards as links on web pages, and its
// citations the cards of the papers they cite.
void startLinkCards(
  browser,
  document,
  createScriptContext(browser.runtime),
  '/card-ui.js',
  citations.lookup,
);
