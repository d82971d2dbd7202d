import { useState } from 'preact/hooks';
import { PdfUnavailable } from '@/lib/reader/pdf-bytes';
import { PdfPicker } from './PdfPicker';

/** What the reader shows instead of (or before) the pages. */
export type Stage =
  | { kind: 'choose' }
  | { kind: 'loading'; what: string }
  | { kind: 'permission'; origin: string; refused: boolean }
  | { kind: 'password'; wrong: boolean }
  | { kind: 'ready' }
  | { kind: 'error'; message: string };

/** A PDF.js or fetch failure in the reader's words. */
export function pdfError(error: unknown): string {
  if (error instanceof PdfUnavailable) return error.message;
  const name = (error as { name?: string }).name;
  if (name === 'InvalidPDFException')
    return 'This file is damaged or is not a PDF: PDF.js cannot read it.';
  if (name === 'MissingPDFException') return 'There is no PDF at this address.';
  return `The PDF could not be opened: ${(error as Error).message ?? String(error)}`;
}

/** The message for a stage (none once the PDF is shown): every one offers a way on. */
export function StageMessage({
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
