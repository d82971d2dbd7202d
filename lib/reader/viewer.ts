/**
 * The reader's PDF viewer: PDF.js's own viewer components (PDFViewer, EventBus, PDFLinkService,
 * PDFFindController) with the text layer and the annotation layer, so the page's DOM is PDF.js's
 * (`.page[data-page-number]`, `.textLayer`, `.annotationLayer a`). Owns: setting them up safely
 * (the bundled worker, no eval, no PDF scripting, forms not rendered, external links in a new tab
 * without a referrer) and the viewer's events as plain callbacks. Never: fetches a PDF (it is
 * handed bytes) or follows a link annotation's `javascript:`, `file:` or `data:` target.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { isReaderLinkAllowed } from './links';
import { ownWork } from './own-work';
import { linkArxivIds, quietDuplicateLinks } from './text-ids';

/** At most this long, a new PDF waits for PDF.js to finish with the one before (see `open`). */
const SET_UP_WAIT_MS = 1_500;
const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** What the reader's page shows of the viewer. */
export interface ViewerEvents {
  /** The page in view changed (1-based), or the page count is known. */
  page(page: number, pages: number): void;
  /** Find's state: how many matches, and which one is current. */
  found(state: { current: number; total: number; pending: boolean; query: string }): void;
  /** The first page is painted. */
  firstPaint(): void;
}

export interface ReaderViewer {
  open(data: Uint8Array, password?: string): Promise<PDFDocumentProxy>;
  goToPage(page: number): void;
  /** Shows an outline entry's place in the document. */
  goToDestination(dest: string | unknown[]): void;
  /** `page-width`, `page-fit`, `auto` or a number (1 = 100 %). */
  setScale(scale: string): void;
  find(query: string, options: { again: boolean; backwards: boolean }): void;
  closeFind(): void;
  readonly document: PDFDocumentProxy | null;
  destroy(): Promise<void>;
}

type Viewer = typeof import('pdfjs-dist/web/pdf_viewer.mjs');

let components: Promise<Viewer> | null = null;
/**
 * PDF.js's viewer components read the library from `globalThis.pdfjsLib`: it is set before they
 * are imported, and the worker is the bundled one (nothing from a CDN).
 */
function loadComponents(): Promise<Viewer> {
  (globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjs;
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  components ??= import('pdfjs-dist/web/pdf_viewer.mjs');
  return components;
}

/** The PDF needs a password (`wrong`: the one given is not it). */
export class PasswordNeeded extends Error {
  constructor(readonly wrong: boolean) {
    super(wrong ? 'That password is not this PDF’s.' : 'This PDF is protected by a password.');
  }
}

export async function createReaderViewer(
  container: HTMLDivElement,
  element: HTMLDivElement,
  events: ViewerEvents,
): Promise<ReaderViewer> {
  const { EventBus, PDFLinkService, PDFFindController, PDFViewer, LinkTarget } =
    await loadComponents();
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({
    eventBus,
    externalLinkTarget: LinkTarget.BLANK,
    externalLinkRel: 'noopener noreferrer nofollow',
  });
  const findController = new PDFFindController({ eventBus, linkService });
  const viewer = new PDFViewer({
    container,
    viewer: element,
    eventBus,
    linkService,
    findController,
    textLayerMode: 1,
    // Links and other annotations, but no form fields: a PDF's forms could run its scripts.
    annotationMode: pdfjs.AnnotationMode.ENABLE,
    annotationEditorMode: pdfjs.AnnotationEditorType.DISABLE,
  });
  linkService.setViewer(viewer);
  const listening = new AbortController();
  // PDF.js's text layers listen for the document's selectionchange and, at each one, put every
  // drawn text layer's end marker back in place, which has the browser lay those pages out
  // again. A text field's own selection changes bubble up to the document as selectionchange
  // too: the page number rewritten at every page turn while scrolling, each key typed in Find.
  // Those are stopped before the document (a quarter more layout while scrolling, the frames
  // a card waits on); the selection in the pages themselves still reaches PDF.js.
  container.ownerDocument.defaultView?.addEventListener(
    'selectionchange',
    (event) => {
      if (event.target !== container.ownerDocument) event.stopPropagation();
    },
    { capture: true, signal: listening.signal },
  );
  let document: PDFDocumentProxy | null = null;
  let painted = false;

  // A page asked for before PDF.js has laid the pages out is gone to once it has.
  let pageWhenReady: number | null = null;
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
    if (pageWhenReady !== null && pageWhenReady <= viewer.pagesCount)
      viewer.currentPageNumber = pageWhenReady;
    pageWhenReady = null;
  });
  eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) =>
    events.page(pageNumber, viewer.pagesCount),
  );
  eventBus.on('pagesloaded', ({ pagesCount }: { pagesCount: number }) =>
    events.page(viewer.currentPageNumber, pagesCount),
  );
  eventBus.on('pagerendered', () => {
    if (painted) return;
    painted = true;
    events.firstPaint();
  });
  const onFound = ({
    matchesCount,
    state,
  }: {
    matchesCount?: { current: number; total: number };
    state?: number;
  }) =>
    events.found({
      current: matchesCount?.current ?? 0,
      total: matchesCount?.total ?? 0,
      // FindState.PENDING
      pending: state === 3,
      query: lastQuery,
    });
  eventBus.on('updatefindmatchescount', onFound);
  eventBus.on('updatefindcontrolstate', onFound);
  // arXiv ids written in the text become links too (a PDF without hyperref has no others).
  eventBus.on(
    'textlayerrendered',
    ({ source }: { source: { textLayer?: { div?: HTMLElement } | null } }) => {
      const layer = source.textLayer?.div;
      if (!layer) return;
      ownWork('text-ids', () => {
        linkArxivIds(layer);
        if (layer.parentElement) quietDuplicateLinks(layer.parentElement);
      });
    },
  );
  // A link annotation PDF.js made of a target the reader does not follow is made inert.
  eventBus.on('annotationlayerrendered', ({ source }: { source: { div: HTMLElement } }) =>
    ownWork('links', () => {
      for (const link of source.div.querySelectorAll('a[href]')) {
        if (!isReaderLinkAllowed(link.getAttribute('href') ?? '')) link.removeAttribute('href');
      }
      if (source.div.parentElement) quietDuplicateLinks(source.div.parentElement);
    }),
  );
  let lastQuery = '';

  return {
    async open(data, password) {
      // The document before goes first: its pages may still be rendering.
      if (document) {
        const previous = document;
        // Once a page is painted PDF.js fetches every page of the document to set its viewer
        // up; destroying the document under those requests logs an error for each one left.
        const settingUp = painted ? viewer.pagesPromise : null;
        document = null;
        viewer.setDocument(null as unknown as PDFDocumentProxy);
        linkService.setDocument(null, null);
        if (settingUp) await Promise.race([settingUp, delay(SET_UP_WAIT_MS)]);
        await previous.destroy();
      }
      const task = pdfjs.getDocument({
        data,
        password,
        isEvalSupported: false,
        enableXfa: false,
        // No fetching of fonts or character maps from anywhere: what a PDF embeds is used.
        useSystemFonts: true,
        stopAtErrors: false,
      });
      // No onPassword: PDF.js then rejects with a PasswordException, 1 for "needs one", 2 for
      // "wrong one", which the page turns into its password form.
      let opened: PDFDocumentProxy;
      try {
        opened = await task.promise;
      } catch (error) {
        const { name, code } = error as { name?: string; code?: number };
        if (name === 'PasswordException') {
          throw new PasswordNeeded(code === pdfjs.PasswordResponses.INCORRECT_PASSWORD);
        }
        throw error;
      }
      document = opened;
      painted = false;
      pageWhenReady = null;
      viewer.setDocument(opened);
      linkService.setDocument(opened, null);
      return opened;
    },
    goToPage(page) {
      if (!document || page < 1) return;
      if (viewer.pagesCount === 0) pageWhenReady = page;
      else if (page <= viewer.pagesCount) viewer.currentPageNumber = page;
    },
    goToDestination(dest) {
      if (document) void linkService.goToDestination(dest).catch(() => undefined);
    },
    setScale(scale) {
      viewer.currentScaleValue = scale;
    },
    find(query, { again, backwards }) {
      lastQuery = query;
      eventBus.dispatch('find', {
        source: null,
        type: again ? 'again' : '',
        query,
        caseSensitive: false,
        entireWord: false,
        highlightAll: true,
        findPrevious: backwards,
        matchDiacritics: false,
      });
    },
    closeFind() {
      eventBus.dispatch('findbarclose', { source: null });
    },
    get document() {
      return document;
    },
    async destroy() {
      listening.abort();
      await document?.destroy();
      document = null;
    },
  };
}
