import { useEffect, useState } from 'preact/hooks';
import { PdfPicker } from './PdfPicker';

export interface ReaderToolbarProps {
  title: string;
  page: { page: number; pages: number };
  ready: boolean;
  goToPage(page: number): void;
  setScale(value: string): void;
  openFind(): void;
  /** Whether the PDF has an outline, and whether it is shown; null when it has none. */
  outlineShown: boolean | null;
  toggleOutline(): void;
  openFile(file: File): void;
  download(): void;
  /** The PDF's own address, when it came from the web. */
  original: string | null;
  leaveFor(url: string): void;
  /** How many of the PDF's references name a paper PaperPeek knows, once they are read. */
  references: { entries: number; resolved: number } | null;
  /** The setting "Open arXiv PDFs in PaperPeek", and how to change it. */
  arxivPdfsHere: boolean | null;
  setArxivPdfsHere(on: boolean): void;
}

const ZOOMS: readonly (readonly [string, string])[] = [
  ['page-width', 'Fit width'],
  ['page-fit', 'Fit page'],
  ['0.75', '75 %'],
  ['1', '100 %'],
  ['1.25', '125 %'],
  ['1.5', '150 %'],
  ['2', '200 %'],
  ['3', '300 %'],
];

/** The reader's toolbar: page n of N, zoom, find, open, download, the browser's viewer. */
export function ReaderToolbar(props: ReaderToolbarProps) {
  const { page, ready } = props;
  const [typed, setTyped] = useState(String(page.page || ''));
  const [zoom, setZoom] = useState('page-width');
  useEffect(() => setTyped(String(page.page || '')), [page.page]);
  const go = () => {
    const wanted = Number(typed);
    if (Number.isInteger(wanted) && wanted >= 1 && wanted <= page.pages) props.goToPage(wanted);
    else setTyped(String(page.page || ''));
  };
  return (
    <div class="reader__bar" role="toolbar" aria-label="Reader">
      <span class="reader__brand">PaperPeek</span>
      <span class="reader__title" title={props.title}>
        {props.title}
      </span>
      <span class="reader__group">
        <button
          type="button"
          aria-label="Previous page"
          disabled={!ready || page.page <= 1}
          onClick={() => props.goToPage(page.page - 1)}
        >
          ‹
        </button>
        <label class="reader__page">
          <span class="visually-hidden">Page</span>
          <input
            type="text"
            inputMode="numeric"
            aria-label="Page"
            size={3}
            disabled={!ready}
            value={typed}
            onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') go();
            }}
            onBlur={go}
          />
          <span aria-hidden="true">of {page.pages || '–'}</span>
        </label>
        <button
          type="button"
          aria-label="Next page"
          disabled={!ready || page.page >= page.pages}
          onClick={() => props.goToPage(page.page + 1)}
        >
          ›
        </button>
      </span>
      <select
        aria-label="Zoom"
        disabled={!ready}
        value={zoom}
        onChange={(event) => {
          const value = (event.target as HTMLSelectElement).value;
          setZoom(value);
          props.setScale(value);
        }}
      >
        {ZOOMS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!ready}
        onClick={props.openFind}
        aria-keyshortcuts="Control+F"
      >
        Find
      </button>
      {props.outlineShown !== null && (
        <button type="button" aria-pressed={props.outlineShown} onClick={props.toggleOutline}>
          Outline
        </button>
      )}
      <span class="reader__spacer" />
      {props.references && props.references.entries > 0 && (
        <span class="muted reader__references" role="status">
          {`${props.references.resolved} of ${props.references.entries} references found`}
        </span>
      )}
      <PdfPicker label="Open a PDF" openFile={props.openFile} />
      <button type="button" disabled={!ready} onClick={props.download}>
        Download
      </button>
      {props.arxivPdfsHere !== null && (
        <label class="reader__setting">
          <input
            type="checkbox"
            checked={props.arxivPdfsHere}
            onChange={(event) => props.setArxivPdfsHere((event.target as HTMLInputElement).checked)}
          />
          Open arXiv PDFs here
        </label>
      )}
      {props.original && (
        <button type="button" onClick={() => props.leaveFor(props.original ?? '')}>
          Open in the browser’s viewer
        </button>
      )}
    </div>
  );
}
