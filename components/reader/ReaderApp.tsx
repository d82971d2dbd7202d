import { useEffect, useRef, useState } from 'preact/hooks';
import { readerSource, requestedPage, type ReaderSource } from '@/lib/reader/address';
import { checkedPdf, fetchPdf, PdfUnavailable } from '@/lib/reader/pdf-bytes';
import { lastPage, positionKey, rememberPage, type PositionStorage } from '@/lib/reader/positions';
import { createReaderViewer, PasswordNeeded, type ReaderViewer } from '@/lib/reader/viewer';
import type { CitationIndex } from '@/lib/reader/citations';
import type { PdfDocument } from '@/lib/reader/pdf-references';
import { arxivIdFromUrl } from '@/lib/links/arxiv';
import { originPattern } from '@/lib/sources/source-settings';
import { FindBar } from './FindBar';
import { PdfPicker } from './PdfPicker';
import { ReaderToolbar } from './ReaderToolbar';

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
}

/** What the reader shows instead of (or before) the pages. */
type Stage =
  | { kind: 'choose' }
  | { kind: 'loading'; what: string }
  | { kind: 'permission'; origin: string; refused: boolean }
  | { kind: 'password'; wrong: boolean }
  | { kind: 'ready' }
  | { kind: 'error'; message: string };

interface Opened {
  name: string;
  bytes: Uint8Array;
  key: string;
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

  /** Shows `bytes` in the viewer, at the page asked for or the last one read. */
  const show = async (file: Opened, password?: string) => {
    opened.current = file;
    setTitle(file.name);
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
      });
    } catch (error) {
      // Nothing is shown now: the title of the PDF before goes too.
      setTitle('');
      setStage({ kind: 'error', message: pdfError(error) });
    }
  };

  const openFile = async (file: File) => {
    setStage({ kind: 'loading', what: file.name });
    try {
      const bytes = checkedPdf(new Uint8Array(await file.arrayBuffer()), file.name);
      await show({ name: file.name, bytes, key: positionKey({ file }) });
    } catch (error) {
      // Nothing is shown now: the title of the PDF before goes too.
      setTitle('');
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
        <div class="reader__viewport" hidden={stage.kind !== 'ready'}>
          <div class="reader__pages" ref={container} tabIndex={0} aria-label="Pages">
            <div class="pdfViewer" ref={pagesElement} />
          </div>
        </div>
      </main>
    </div>
  );
}

/** A PDF.js or fetch failure in the reader's words. */
function pdfError(error: unknown): string {
  if (error instanceof PdfUnavailable) return error.message;
  const name = (error as { name?: string }).name;
  if (name === 'InvalidPDFException')
    return 'This file is damaged or is not a PDF: PDF.js cannot read it.';
  if (name === 'MissingPDFException') return 'There is no PDF at this address.';
  return `The PDF could not be opened: ${(error as Error).message ?? String(error)}`;
}

function StageMessage({
  stage,
  original,
  leaveFor,
  allow,
  unlock,
  openFile,
}: {
  stage: Stage;
  original: string | null;
  leaveFor(url: string): void;
  allow(origin: string): Promise<void>;
  unlock(password: string): void;
  openFile(file: File): void;
}) {
  const [password, setPassword] = useState('');
  const escape = original && (
    <button type="button" onClick={() => leaveFor(original)}>
      Open in the browser’s viewer
    </button>
  );
  switch (stage.kind) {
    case 'ready':
      return null;
    case 'loading':
      return (
        <p class="reader__message" role="status" aria-busy="true">
          Opening the PDF from {stage.what}…
        </p>
      );
    case 'choose':
      return (
        <div class="reader__message reader__choose">
          <h1>PaperPeek reader</h1>
          <p>
            Drop a PDF here, or choose one. Links and citations in it get PaperPeek’s cards; the
            file stays on this computer.
          </p>
          <PdfPicker label="Choose a PDF" openFile={openFile} />
        </div>
      );
    case 'permission':
      return (
        <div class="reader__message" role={stage.refused ? 'alert' : 'status'}>
          <p>
            {stage.refused
              ? `The browser did not allow PaperPeek to read ${stage.origin}, so this PDF cannot open here.`
              : `To show this PDF, PaperPeek needs your permission to read ${stage.origin}. Nothing else is sent there.`}
          </p>
          <p class="reader__actions">
            <button type="button" onClick={() => void allow(stage.origin)}>
              {stage.refused ? 'Ask again' : `Allow ${new URL(stage.origin).host}`}
            </button>
            {escape}
          </p>
        </div>
      );
    case 'password':
      return (
        <form
          class="reader__message"
          onSubmit={(event) => {
            event.preventDefault();
            unlock(password);
            setPassword('');
          }}
        >
          <p role="alert">
            {stage.wrong
              ? 'That password is not this PDF’s. Try again.'
              : 'This PDF is protected by a password.'}
          </p>
          <p class="reader__actions">
            <input
              type="password"
              aria-label="Password of the PDF"
              autocomplete="off"
              value={password}
              onInput={(event) => setPassword((event.target as HTMLInputElement).value)}
            />
            <button type="submit">Open</button>
            {escape}
          </p>
        </form>
      );
    case 'error':
      return (
        <div class="reader__message" role="alert">
          <p>{stage.message}</p>
          <p class="reader__actions">
            {escape}
            <PdfPicker label="Choose another PDF" openFile={openFile} />
          </p>
        </div>
      );
  }
}
