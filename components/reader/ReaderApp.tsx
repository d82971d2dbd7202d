import { useEffect, useRef, useState } from 'preact/hooks';
import { readerSource, requestedPage, type ReaderSource } from '@/lib/reader/address';
import { checkedPdf, fetchPdf } from '@/lib/reader/pdf-bytes';
import { lastPage, positionKey, rememberPage, type PositionStorage } from '@/lib/reader/positions';
import { createReaderViewer, PasswordNeeded, type ReaderViewer } from '@/lib/reader/viewer';
import type { CitationIndex } from '@/lib/reader/citations';
import type { CardView } from '@/lib/content/card/view';
import type { PaperActions } from '@/lib/reader/paper-actions';
import type { PdfDocument } from '@/lib/reader/pdf-references';
import { arxivIdFromUrl } from '@/lib/links/arxiv';
import { originPattern } from '@/lib/sources/source-settings';
import { FindBar } from './FindBar';
import { outlineEntries, type OutlineEntry } from '@/lib/reader/outline';
import { Outline } from './Outline';
import { PaperBar } from './PaperBar';
import { ReaderToolbar } from './ReaderToolbar';
import { pdfError, StageMessage, type Stage } from './StageMessage';

export interface ReaderAppProps {
  location: { search: string; hash: string };
  storage: PositionStorage;
  permissions: {
    contains(permissions: { origins: string[] }): Promise<boolean>;
    request(permissions: { origins: string[] }): Promise<boolean>;
  };
  /** Leaves for the original address (the browser's own viewer). */
  leaveFor(url: string): void;
  /** Resolves the open PDF's citations (after its first page is painted). */
  citations: Pick<CitationIndex, 'resolve'>;
  /** The setting "Open arXiv PDFs in PaperPeek": its value now, and a change. */
  arxivPdfsSetting: { read(): Promise<boolean>; write(on: boolean): Promise<void> };
  /** Which paper the open PDF is (after its first page is painted), or null for none known. */
  paperOf(pdf: PdfDocument, arxivIdOfAddress: string | null): Promise<CardView | null>;
  /** The header's Save, reading status and BibTeX. */
  paperActions: PaperActions;
}

interface Opened {
  name: string;
  bytes: Uint8Array;
  key: string;
  /** The arXiv id in the PDF's address, when it has one. */
  arxivId: string | null;
}

const REMEMBER_AFTER_MS = 500;

/** The reader: a PDF on PDF.js's viewer, its toolbar, and what it says when it cannot open one. */
export function ReaderApp({
  location,
  storage,
  permissions,
  leaveFor,
  citations,
  arxivPdfsSetting,
  paperOf,
  paperActions,
}: ReaderAppProps) {
  const source: ReaderSource = readerSource(location.search);
  const container = useRef<HTMLDivElement>(null);
  const pagesElement = useRef<HTMLDivElement>(null);
  const viewer = useRef<ReaderViewer | null>(null);
  const opened = useRef<Opened | null>(null);
  const [stage, setStage] = useState<Stage>(
    source.kind === 'url'
      ? { kind: 'loading', what: new URL(source.url).host }
      : { kind: 'choose' },
  );
  const [page, setPage] = useState({ page: 0, pages: 0 });
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState({ current: 0, total: 0, pending: false, query: '' });
  const [title, setTitle] = useState('');
  const [dragging, setDragging] = useState(false);
  const [arxivPdfsHere, setArxivPdfsHere] = useState<boolean | null>(null);
  useEffect(() => {
    arxivPdfsSetting.read().then(setArxivPdfsHere, () => undefined);
  }, [arxivPdfsSetting]);
  const [references, setReferences] = useState<{ entries: number; resolved: number } | null>(null);
  const [paper, setPaper] = useState<CardView | null>(null);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [outlineShown, setOutlineShown] = useState(true);

  /** Shows `bytes` in the viewer, at the page asked for or the last one read. */
  const show = async (file: Opened, password?: string) => {
    opened.current = file;
    setTitle(file.name);
    setPaper(null);
    setOutline([]);
    const current = viewer.current;
    if (!current) return;
    // Marks the benchmark reads (npm run bench -- reader): bytes here, first paint, citations.
    performance.mark('paperpeek:pdf-bytes');
    try {
      await current.open(file.bytes.slice(), password);
    } catch (error) {
      if (error instanceof PasswordNeeded) setStage({ kind: 'password', wrong: error.wrong });
      else setStage({ kind: 'error', message: pdfError(error) });
      return;
    }
    setStage({ kind: 'ready' });
    // The viewer waits for its pages to be laid out before going there (viewer.ts).
    const wanted = requestedPage(location.hash) ?? (await lastPage(storage, file.key));
    if (wanted) current.goToPage(wanted);
  };

  const load = async (url: string) => {
    setStage({ kind: 'loading', what: new URL(url).host });
    try {
      const bytes = await fetchPdf(url);
      const arxivId = arxivIdFromUrl(new URL(url));
      await show({
        name: decodeURIComponent(new URL(url).pathname.split('/').pop() || 'paper.pdf'),
        bytes,
        key: positionKey({ url, arxivId }),
        arxivId,
      });
    } catch (error) {
      // Nothing is shown now: the title and paper of the PDF before go too.
      setTitle('');
      setPaper(null);
      setStage({ kind: 'error', message: pdfError(error) });
    }
  };

  const openFile = async (file: File) => {
    setStage({ kind: 'loading', what: file.name });
    try {
      const bytes = checkedPdf(new Uint8Array(await file.arrayBuffer()), file.name);
      await show({ name: file.name, bytes, key: positionKey({ file }), arxivId: null });
    } catch (error) {
      // Nothing is shown now: the title and paper of the PDF before go too.
      setTitle('');
      setPaper(null);
      setStage({ kind: 'error', message: pdfError(error) });
    }
  };

  useEffect(() => {
    let remember: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      if (!container.current || !pagesElement.current) return;
      viewer.current = await createReaderViewer(container.current, pagesElement.current, {
        page(current, pages) {
          setPage({ page: current, pages });
          clearTimeout(remember);
          const file = opened.current;
          if (file && current > 0) {
            remember = setTimeout(
              () => void rememberPage(storage, file.key, current),
              REMEMBER_AFTER_MS,
            );
          }
        },
        found: setFound,
        // Citations after the first page is on screen: reading the bibliography never delays it.
        firstPaint: () => {
          performance.mark('paperpeek:first-paint');
          const pdf = viewer.current?.document;
          setReferences(null);
          if (pdf) {
            const arxivId = opened.current?.arxivId ?? null;
            pdf.getOutline().then(
              (items) => viewer.current?.document === pdf && setOutline(outlineEntries(items)),
              () => setOutline([]),
            );
            paperOf(pdf as unknown as PdfDocument, arxivId).then(
              (found) => viewer.current?.document === pdf && setPaper(found),
              () => setPaper(null),
            );
            citations.resolve(pdf as unknown as PdfDocument).then(
              (found) => {
                performance.mark('paperpeek:citations');
                setReferences(found);
              },
              () => setReferences(null),
            );
          }
        },
      });
      if (source.kind !== 'url') return;
      const granted =
        !source.needsPermission ||
        (await permissions.contains({ origins: [originPattern(source.url)] }).catch(() => false));
      if (granted) await load(source.url);
      else setStage({ kind: 'permission', origin: source.origin, refused: false });
    };
    void start();
    return () => {
      clearTimeout(remember);
      void viewer.current?.destroy();
    };
    // The address is read once: a new address is a new page.
  }, []);

  // Ctrl+F finds in the PDF, not in the reader's own text.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFinding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const download = () => {
    const file = opened.current;
    if (!file) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.bytes.slice()], { type: 'application/pdf' }));
    link.download = file.name.endsWith('.pdf') ? file.name : `${file.name}.pdf`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  const original = source.kind === 'url' ? source.url : null;

  return (
    <div
      class={dragging ? 'reader reader--dropping' : 'reader'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer?.files[0];
        if (file) void openFile(file);
      }}
    >
      <header>
        <ReaderToolbar
          title={title}
          page={page}
          ready={stage.kind === 'ready'}
          goToPage={(n) => viewer.current?.goToPage(n)}
          setScale={(value) => viewer.current?.setScale(value)}
          openFind={() => setFinding(true)}
          outlineShown={outline.length > 0 && stage.kind === 'ready' ? outlineShown : null}
          toggleOutline={() => setOutlineShown((shown) => !shown)}
          openFile={(file) => void openFile(file)}
          download={download}
          original={original}
          leaveFor={leaveFor}
          references={references}
          arxivPdfsHere={arxivPdfsHere}
          setArxivPdfsHere={(on) => {
            setArxivPdfsHere(on);
            void arxivPdfsSetting.write(on);
          }}
        />
        {paper && stage.kind === 'ready' && <PaperBar paper={paper} actions={paperActions} />}
      </header>
      {finding && (
        <FindBar
          found={found}
          find={(query, options) => viewer.current?.find(query, options)}
          close={() => {
            setFinding(false);
            viewer.current?.closeFind();
            container.current?.focus();
          }}
        />
      )}
      <main class="reader__main">
        <StageMessage
          stage={stage}
          original={original}
          leaveFor={leaveFor}
          allow={async (origin) => {
            // Asked from the click: the browser shows its prompt only during a user action.
            const granted = await permissions
              .request({ origins: [originPattern(origin)] })
              .catch(() => false);
            if (granted && original) await load(original);
            else setStage({ kind: 'permission', origin, refused: true });
          }}
          unlock={(password) => {
            const file = opened.current;
            if (file) void show(file, password);
          }}
          openFile={(file) => void openFile(file)}
        />
        {/* PDF.js wants its container absolutely placed: it fills this box. */}
        <div class="reader__body">
          {outlineShown && outline.length > 0 && stage.kind === 'ready' && (
            <Outline entries={outline} go={(dest) => viewer.current?.goToDestination(dest)} />
          )}
          <div class="reader__viewport" hidden={stage.kind !== 'ready'}>
            <div class="reader__pages" ref={container} tabIndex={0} aria-label="Pages">
              <div class="pdfViewer" ref={pagesElement} />
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}
