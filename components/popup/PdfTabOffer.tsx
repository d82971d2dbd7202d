import type { PdfTab } from '@/lib/reader/pdf-tab';

/** "This tab shows a PDF": the reader, where its links and citations get cards. */
export function PdfTabOffer({ pdf, open }: { pdf: PdfTab; open(pdf: PdfTab): void }) {
  return (
    <p class="pdf-offer">
      <span>This tab shows a PDF; in PaperPeek’s reader its citations get cards.</span>
      <button type="button" onClick={() => open(pdf)}>
        Open in PaperPeek reader
      </button>
    </p>
  );
}
