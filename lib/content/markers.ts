/**
 * Markers on links whose paper is in the digest. Owns: finding links cheaply, in slices of at most
 * ~4 ms, with one batched question to the worker per slice: while the parser is still adding the
 * page (the script starts at document_start), one cursor along the document's live list of links,
 * looked at every PARSER_POLL_MS; once it is parsed, one catch-up pass (links a script put before
 * the cursor), then only nodes a MutationObserver reports as added, or links whose href changed.
 * Never: observes the document while it is parsed (the parser would write a record per node, a
 * second's work on a 50,000-link page), changes a link's layout box (the marker is a text
 * decoration), or scans the whole document again after the catch-up.
 */
import { MAX_KEYS_PER_MESSAGE } from '../protocol/messages';
import type { LinkResolver } from './link-resolver';

export const MARKER_ATTRIBUTE = 'data-paperpeek';
// Dotted for a paper in the digest, solid for one on the reading list.
const MARKER_CSS = `a[${MARKER_ATTRIBUTE}]{text-decoration-line:underline!important;text-decoration-style:dotted!important;text-decoration-color:#b31b1b!important;text-decoration-thickness:from-font;text-underline-offset:.18em}a[${MARKER_ATTRIBUTE}=saved]{text-decoration-style:solid!important}`;
const SLICE_MS = 4;
/** How often the links the parser has added are looked at while a page is parsed. */
export const PARSER_POLL_MS = 250;
/** At most one resolveLinks message per slice. */
const SLICE_LINKS = 500;

/** A run of links still to look at: an added anchor, or the links under an added subtree. */
interface Walk {
  links: ArrayLike<Element>;
  next: number;
}

function walkOf(node: Node): Walk | null {
  if (node instanceof HTMLAnchorElement) return { links: [node], next: 0 };
  if (node instanceof Element) return { links: node.getElementsByTagName('a'), next: 0 };
  return null;
}

export interface MarkerDependencies {
  document: Document;
  resolver: LinkResolver;
  /** Runs work when the page is idle (requestIdleCallback, or a timeout where there is none). */
  whenIdle(work: () => void): void;
  /** Runs work after `ms` (the script context's timer, which ends with it); returns its cancel. */
  after(ms: number, work: () => void): () => void;
  now(): number;
  /** The ids of the distinct digest papers linked so far, whenever that set grows. */
  onKnownPapers(paperIds: string[]): void;
  /** Whether to decorate links; the resolving and counting go on either way for the badge. */
  decorate(): boolean;
}

export function createMarkers(deps: MarkerDependencies) {
  const { document: doc, resolver } = deps;
  const queue: Walk[] = [];
  const enqueue = (node: Node) => {
    const walk = walkOf(node);
    if (walk) queue.push(walk);
  };
  /**
   * Every link of the document. Named without instanceof, and nothing scheduled for a page with
   * no links: on every page, each DOM interface named here and the idle callback's deadline
   * object are built in this isolated world, a cost of injection.
   */
  const enqueueDocument = () => {
    const links = doc.getElementsByTagName('a');
    if (links.length > 0) queue.push({ links, next: 0 });
  };
  const knownPapers = new Set<string>();
  let scheduled = false;
  let stopped = false;
  let sheet: CSSStyleSheet | null = null;
  /**
   * While the parser adds the page, it appends: new links come at the end of the document's live
   * list, and one cursor along it finds them. A parser held by a script that never arrives is
   * followed all the same: the cursor is looked at on a timer, not on the parser's events.
   */
  let parsing = false;
  let parsedLinks: Walk | null = null;
  let cancelLook: () => void = () => undefined;
  const followParser = () => {
    if (!parsing || stopped) return;
    if (doc.readyState !== 'loading') {
      parsed();
      return;
    }
    parsedLinks ??= { links: doc.getElementsByTagName('a'), next: 0 };
    if (parsedLinks.next < parsedLinks.links.length && !queue.includes(parsedLinks))
      queue.push(parsedLinks);
    schedule();
    cancelLook = deps.after(PARSER_POLL_MS, followParser);
  };
  // `readystatechange` to interactive: DOMContentLoaded may wait on a deferred script forever.
  const parsed = () => {
    if (!parsing || stopped || doc.readyState === 'loading') return;
    parsing = false;
    doc.removeEventListener('readystatechange', parsed);
    cancelLook();
    observe();
    // Links a page script put before the cursor while the parser ran; the rest are known, and
    // are passed over without a question to the worker.
    enqueueDocument();
    schedule();
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(enqueue);
      else if (mutation.target instanceof HTMLAnchorElement) relink(mutation.target);
    }
    schedule();
  });
  // Changed hrefs too: the pointer path trusts what is known of a link without re-reading it.
  const observe = () =>
    observer.observe(doc, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href'],
    });

  /** A link whose href a page changed (single-page apps reuse anchors): known afresh. */
  function relink(anchor: HTMLAnchorElement): void {
    resolver.forget(anchor);
    if (anchor.hasAttribute(MARKER_ATTRIBUTE)) anchor.removeAttribute(MARKER_ATTRIBUTE);
    enqueue(anchor);
  }

  function schedule(): void {
    if (scheduled || stopped || queue.length === 0) return;
    scheduled = true;
    deps.whenIdle(() => {
      scheduled = false;
      void runSlice();
    });
  }

  /** Takes anchors from the queue for up to SLICE_MS, then asks about them in one message. */
  async function runSlice(): Promise<void> {
    const started = deps.now();
    const anchors: HTMLAnchorElement[] = [];
    // Walks live collections by index, checking the clock every 64 links: a 50,000-link page
    // is taken in many short slices, never copied or walked whole in one.
    while (queue.length > 0 && anchors.length < SLICE_LINKS && deps.now() - started < SLICE_MS) {
      const walk = queue[queue.length - 1] as Walk;
      const end = Math.min(
        walk.links.length,
        walk.next + 64,
        walk.next + SLICE_LINKS - anchors.length,
      );
      for (; walk.next < end; walk.next += 1) {
        const link = walk.links[walk.next];
        if (link instanceof HTMLAnchorElement) anchors.push(link);
      }
      if (walk.next >= walk.links.length) queue.pop();
    }
    if (anchors.length > 0) {
      try {
        await resolver.resolveAnchors(anchors);
      } catch {
        // The worker is gone (extension updated or reloaded): the new content script takes over.
        stopped = true;
        return;
      }
      if (stopped) return;
      const sizeBefore = knownPapers.size;
      for (const anchor of anchors) {
        const card = resolver.cardFor(anchor);
        // A card that says there is no abstract (a reference PaperPeek does not know) is no mark.
        if (!card || card.missing) continue;
        // By paper, not by link form: a paper's arXiv page and its repo are one paper.
        knownPapers.add(card.paperId);
        if (deps.decorate() && !anchor.hasAttribute(MARKER_ATTRIBUTE)) {
          // The sheet comes with the first marker: most pages link to no paper at all.
          installSheet();
          anchor.setAttribute(MARKER_ATTRIBUTE, card.saved ? 'saved' : '');
        }
      }
      if (knownPapers.size !== sizeBefore) {
        deps.onKnownPapers([...knownPapers].slice(0, MAX_KEYS_PER_MESSAGE));
      }
    }
    schedule();
  }

  function installSheet(): void {
    if (sheet || !deps.decorate()) return;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(MARKER_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      sheet = null; // very old engines: links still get cards, just no marker
    }
  }

  function removeDecorations(): void {
    if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = null;
    for (const anchor of doc.querySelectorAll(`a[${MARKER_ATTRIBUTE}]`))
      anchor.removeAttribute(MARKER_ATTRIBUTE);
  }

  return {
    start(): void {
      if (doc.readyState === 'loading') {
        parsing = true;
        doc.addEventListener('readystatechange', parsed);
        // Not at once: most pages are parsed before the first look, and a look names the DOM's
        // collections in this isolated world, a cost every page would pay at injection.
        cancelLook = deps.after(PARSER_POLL_MS, followParser);
        return;
      }
      observe();
      enqueueDocument();
      schedule();
    },
    /** Re-reads the decorate setting: adds or removes the markers. */
    refresh(): void {
      if (!deps.decorate()) removeDecorations();
      else {
        enqueueDocument();
        schedule();
      }
    },
    stop(): void {
      stopped = true;
      doc.removeEventListener('readystatechange', parsed);
      cancelLook();
      observer.disconnect();
      queue.length = 0;
      removeDecorations();
    },
  };
}
