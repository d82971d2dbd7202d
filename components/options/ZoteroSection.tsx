import { useEffect, useState } from 'preact/hooks';

export interface ZoteroSectionProps {
  /** The optional permission to reach Zotero's server on this computer. */
  permission: {
    granted(): Promise<boolean>;
    request(): Promise<boolean>;
    remove(): Promise<boolean>;
  };
}

/**
 * Zotero: what Save to Zotero sends and where, and the permission it needs, given or taken back
 * here (a card cannot ask for it: only the extension's own pages can).
 */
export function ZoteroSection({ permission }: ZoteroSectionProps) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    void permission.granted().then(setGranted, () => setGranted(false));
  }, [permission]);
  const change = (ask: () => Promise<boolean>, allow: boolean) =>
    void ask()
      .catch(() => false)
      .then(async (done) => {
        const now = await permission.granted().catch(() => false);
        setGranted(now);
        setSaid(
          done
            ? allow
              ? 'Allowed: Save to Zotero works from cards, search and the reading list.'
              : 'Taken back: PaperPeek no longer reaches Zotero.'
            : allow
              ? 'The browser did not give the permission, so Save to Zotero cannot work yet.'
              : '',
        );
      });
  return (
    <section aria-labelledby="zotero-title" class="options__section" id="zotero">
      <h2 id="zotero-title">Zotero</h2>
      <p class="muted">
        Save to Zotero sends a paper’s details (title, authors, abstract, identifiers, and a saved
        paper’s tags and note) to Zotero desktop on this computer, as the Zotero Connector does, at
        127.0.0.1. Zotero then fetches the PDF from arXiv itself. Nothing goes anywhere else.
      </p>
      <div class="options__row">
        {granted === null ? null : granted ? (
          <>
            <span>PaperPeek may reach Zotero.</span>
            <button type="button" onClick={() => change(permission.remove, false)}>
              Take the permission back
            </button>
          </>
        ) : (
          <button type="button" onClick={() => change(permission.request, true)}>
            Allow PaperPeek to reach Zotero
          </button>
        )}
      </div>
      <p role="status">{said}</p>
    </section>
  );
}
