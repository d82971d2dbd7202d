/** A file chooser for PDFs that looks like the other buttons; its input is named `label`. */
export function PdfPicker({ label, openFile }: { label: string; openFile(file: File): void }) {
  return (
    <label class="file-button">
      {label}…
      <input
        type="file"
        accept="application/pdf,.pdf"
        aria-label={label}
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) openFile(file);
          input.value = '';
        }}
      />
    </label>
  );
}
