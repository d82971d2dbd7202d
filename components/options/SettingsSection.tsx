import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import {
  feedUrl,
  MAX_FEEDS,
  REFRESH_HOUR_CHOICES,
  type SourceSettings,
} from '@/lib/sources/source-settings';

export interface SettingsSectionProps {
  settings: Settings;
  sources: SourceSettings;
  updateSettings(changes: Partial<Settings>): void;
  updateSources(changes: Partial<SourceSettings>): void;
  /** Asks the browser for a feed's host; resolves to whether the user granted it. */
  grantFeed(url: string): Promise<boolean>;
  /** Whether the browser lets look-ups send ids to arXiv (Firefox's data consent; always in Chrome). */
  lookupsConsented: boolean;
  /** Asks the browser for that consent; resolves to whether the user gave it. */
  requestLookupConsent(): Promise<boolean>;
}

/** Every setting, each taking effect at once (open tabs included). */
export function SettingsSection(props: SettingsSectionProps) {
  const { settings, sources, updateSettings, updateSources } = props;
  return (
    <section aria-labelledby="settings-title" class="options__section">
      <h2 id="settings-title">Settings</h2>
      <fieldset>
        <legend>On web pages</legend>
        <Toggle
          label="Show previews when I hover a paper link"
          checked={settings.previewsEnabled}
          onChange={(previewsEnabled) => updateSettings({ previewsEnabled })}
        />
        <label class="options__field">
          Hover delay (milliseconds)
          <input
            type="number"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(event) => {
              const value = Number((event.target as HTMLInputElement).value);
              if (value >= 0 && value <= 2000) updateSettings({ hoverDelayMs: Math.round(value) });
            }}
          />
        </label>
        <Toggle
          label="Mark links to papers in my digest"
          checked={settings.markersEnabled}
          onChange={(markersEnabled) => updateSettings({ markersEnabled })}
        />
        <Toggle
          label="Open arXiv PDFs in PaperPeek"
          checked={settings.arxivPdfsInReader}
          onChange={(arxivPdfsInReader) => updateSettings({ arxivPdfsInReader })}
        />
        <p class="muted options__hint">
          PaperPeek’s reader shows cards on the links and citations inside the paper. Its toolbar
          has “Open in the browser’s viewer” for any paper.
        </p>
        <SiteList
          sites={settings.disabledSites}
          update={(disabledSites) => updateSettings({ disabledSites })}
        />
      </fieldset>
      <fieldset>
        <legend>Papers</legend>
        <Toggle
          label="Refresh from Hugging Face Daily Papers"
          checked={sources.huggingFace}
          onChange={(huggingFace) => updateSources({ huggingFace })}
        />
        <label class="options__field">
          Refresh every
          <select
            value={String(sources.refreshHours)}
            onChange={(event) =>
              updateSources({ refreshHours: Number((event.target as HTMLSelectElement).value) })
            }
          >
            {REFRESH_HOUR_CHOICES.map((hours) => (
              <option key={hours} value={String(hours)}>
                {hours === 1 ? '1 hour' : `${hours} hours`}
              </option>
            ))}
          </select>
        </label>
        <LookupsToggle {...props} />
        <p class="muted options__hint">
          When you hover a link to a paper your digest does not have, PaperPeek asks for its
          abstract: the arXiv API (export.arxiv.org) for an arXiv link, OpenReview
          (api2.openreview.net) for an OpenReview forum, OpenAlex (api.openalex.org) for a DOI or an
          ACL Anthology page. That service sees the paper's id or DOI and your IP address. Papers in
          your digest never cause a request.
        </p>
        <FeedList {...props} />
      </fieldset>
      <fieldset>
        <legend>Reading list</legend>
        <Toggle
          label="Sync my reading list across my browsers"
          checked={settings.readingListSync}
          onChange={(readingListSync) => updateSettings({ readingListSync })}
        />
        <p class="muted options__hint">
          Through your browser's own sync (storage.sync), signed in to your browser account.
        </p>
      </fieldset>
    </section>
  );
}

/**
 * On only when both the setting and the browser's consent say so. Turning it on asks for the
 * consent first, straight from the click (Firefox shows its prompt only during a user action).
 */
function LookupsToggle(props: SettingsSectionProps) {
  const { sources, updateSources, lookupsConsented, requestLookupConsent } = props;
  // A count, not a flag: a second refusal must re-render too, or the box would stay ticked.
  const [refusals, setRefusals] = useState(0);
  return (
    <>
      <Toggle
        label="Look up papers that are not in my digest"
        checked={sources.arxivLookups && lookupsConsented}
        onChange={(arxivLookups) => {
          if (!arxivLookups || lookupsConsented) {
            setRefusals(0);
            updateSources({ arxivLookups });
            return;
          }
          void requestLookupConsent().then((granted) => {
            setRefusals((count) => (granted ? 0 : count + 1));
            if (granted) updateSources({ arxivLookups: true });
          });
        }}
      />
      {refusals > 0 && (
        <p role="status" class="error">
          The browser did not allow PaperPeek to send paper ids to arXiv, OpenReview or OpenAlex, so
          look-ups stay off.
        </p>
      )}
    </>
  );
}

function Toggle(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label class="options__toggle">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange((event.target as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}

/** A hostname as the content script compares it: lower case, no scheme, path or port. */
export function siteOf(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

interface EditableListProps {
  intro: string;
  /** The list's accessible name. */
  name: string;
  items: string[];
  removeLabel(item: string): string;
  remove(item: string): void;
  input: { label: string; placeholder: string; type: 'text' | 'url' };
  submit: string;
  /** Adds the draft; resolves to a problem to show, or null when it was added. */
  add(draft: string): Promise<string | null>;
}

/** A list of strings the user adds to (through a small form) and removes from. */
function EditableList(props: EditableListProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // A browser that refuses outright (instead of answering no) still gets a sentence.
    const found = await props
      .add(draft)
      .catch(
        (error: unknown) => `Not added: ${error instanceof Error ? error.message : String(error)}`,
      );
    setProblem(found);
    if (!found) setDraft('');
  };
  return (
    <div class="options__list">
      <p>{props.intro}</p>
      <ul aria-label={props.name}>
        {props.items.length === 0 && <li class="muted">None.</li>}
        {props.items.map((item) => (
          <li key={item}>
            {item}{' '}
            <button
              type="button"
              aria-label={props.removeLabel(item)}
              onClick={() => props.remove(item)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void onSubmit(event)} class="options__row">
        <input
          type={props.input.type}
          aria-label={props.input.label}
          placeholder={props.input.placeholder}
          value={draft}
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        <button type="submit">{props.submit}</button>
      </form>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function SiteList({ sites, update }: { sites: string[]; update(sites: string[]): void }) {
  return (
    <EditableList
      intro="Sites where PaperPeek does nothing (their subdomains too):"
      name="Disabled sites"
      items={sites}
      removeLabel={(site) => `Enable on ${site}`}
      remove={(site) => update(sites.filter((s) => s !== site))}
      input={{ label: 'Site to disable', placeholder: 'example.org', type: 'text' }}
      submit="Add site"
      add={async (draft) => {
        const site = siteOf(draft);
        if (!site) return `"${draft}" is not a site name (for example: example.org).`;
        if (!sites.includes(site)) update([...sites, site]);
        return null;
      }}
    />
  );
}

function FeedList({ sources, updateSources, grantFeed }: SettingsSectionProps) {
  const { feeds } = sources;
  return (
    <EditableList
      intro="Custom feeds (a PaperPeek digest or a Daily Papers API response, as JSON):"
      name="Custom feeds"
      items={feeds}
      removeLabel={(feed) => `Remove feed ${feed}`}
      remove={(feed) => updateSources({ feeds: feeds.filter((f) => f !== feed) })}
      input={{ label: 'Feed address', placeholder: 'https://example.org/papers.json', type: 'url' }}
      submit="Add feed"
      add={async (draft) => {
        const url = feedUrl(draft);
        if (!url) return 'A feed needs a full https:// address.';
        if (feeds.length >= MAX_FEEDS) return `At most ${MAX_FEEDS} feeds.`;
        // Asked here, in the click: the browser only shows its prompt for a user gesture.
        if (!(await grantFeed(url)))
          return `PaperPeek was not allowed to read ${new URL(url).host}.`;
        if (!feeds.includes(url)) updateSources({ feeds: [...feeds, url] });
        return null;
      }}
    />
  );
}
