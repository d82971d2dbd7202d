import { useEffect, useState } from 'preact/hooks';
import type { CardView } from '@/lib/content/card/view';
import type { PaperActions, PaperState } from '@/lib/reader/paper-actions';

export interface PaperBarProps {
  /** The open PDF's paper. */
  paper: CardView;
  actions: PaperActions;
}

/** How long "Copied" and the like stay before the buttons say what they do again. */
const SAID_FOR_MS = 4_000;

/**
 * The reader's header: which paper this is, with Save, the reading status and Copy BibTeX, as the
 * reading list has them. A paper PaperPeek has no abstract for (not in the digest, look-ups off)
 * is named, with why there is nothing more to offer.
 */
export function PaperBar({ paper, actions }: PaperBarProps) {
  const [state, setState] = useState<PaperState | null>(null);
  const [said, setSaid] = useState('');
  const known = !paper.missing;
  useEffect(() => {
    setState(null);
    setSaid('');
    if (known) actions.state(paper.paperId).then(setState, () => setState(null));
  }, [paper.paperId, known, actions]);
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), SAID_FOR_MS);
    return () => clearTimeout(timer);
  }, [said]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setState(await actions.state(paper.paperId));
      setSaid(done);
    } catch (error) {
      setSaid((error as Error).message || 'That did not work. Try again.');
    }
  };

  return (
    <section class="reader__paper" aria-label="This paper">
      <div class="reader__paper-text">
        <h1 class="reader__paper-title">{paper.title}</h1>
        {paper.meta && <span class="muted">{paper.meta}</span>}
        {paper.venue && <span class="muted"> · {paper.venue}</span>}
        {!known && <span class="muted"> · Not in your digest</span>}
      </div>
      {known && state && (
        <div class="reader__paper-actions">
          {state.saved ? (
            <>
              <span class="reader__saved">✓ On your reading list</span>
              <button
                type="button"
                aria-pressed={state.read}
                onClick={() =>
                  void run(
                    () => actions.setRead(paper.paperId, !state.read),
                    state.read ? 'Marked as unread.' : 'Marked as read.',
                  )
                }
              >
                {state.read ? '✓ Read' : 'Mark as read'}
              </button>
            </>
          ) : (
            <button
              type="button"
              onClick={() =>
                void run(() => actions.save(paper.paperId), 'Saved to your reading list.')
              }
            >
              Save
            </button>
          )}
          <button
            type="button"
            onClick={() =>
              void run(
                async () => navigator.clipboard.writeText(await actions.bibtex(paper.paperId)),
                'BibTeX copied to the clipboard.',
              )
            }
          >
            Copy BibTeX
          </button>
        </div>
      )}
      <span class="reader__paper-said muted" role="status">
        {said}
      </span>
    </section>
  );
}
