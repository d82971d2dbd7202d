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
        <Toggle
          label="Look up papers that are not in my digest"
          checked={sources.arxivLookups}
          onChange={(arxivLookups) => updateSources({ arxivLookups })}
        />
        <p class="muted options__hint">
          When you hover an arXiv link to a paper your digest does not have, PaperPeek asks the
          arXiv API (export.arxiv.org) for its abstract: arXiv sees the paper's id and your IP
          address. Papers in your digest never cause a request.
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

function SiteList({ sites, update }: { sites: string[]; update(sites: string[]): void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = (event: Event) => {
    event.preventDefault();
    const site = siteOf(draft);
    if (!site) return setProblem(`"${draft}" is not a site name (for example: example.org).`);
    setProblem(null);
    setDraft('');
    if (!sites.includes(site)) update([...sites, site]);
  };
  return (
    <div class="options__list">
      <p>Sites where PaperPeek does nothing (their subdomains too):</p>
      <ul aria-label="Disabled sites">
        {sites.length === 0 && <li class="muted">None.</li>}
        {sites.map((site) => (
          <li key={site}>
            {site}{' '}
            <button
              type="button"
              aria-label={`Enable on ${site}`}
              onClick={() => update(sites.filter((s) => s !== site))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="options__row">
        <input
          type="text"
          aria-label="Site to disable"
          placeholder="example.org"
          value={draft}
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Disable on this site</button>
      </form>
      {problem && <p class="error">{problem}</p>}
    </div>
  );
}

function FeedList({ sources, updateSources, grantFeed }: SettingsSectionProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const url = feedUrl(draft);
    if (!url) return setProblem('A feed needs a full https:// address.');
    if (sources.feeds.length >= MAX_FEEDS) return setProblem(`At most ${MAX_FEEDS} feeds.`);
    // Asked here, in the click: the browser only shows its prompt for a user gesture.
    if (!(await grantFeed(url)))
      return setProblem(`PaperPeek was not allowed to read ${new URL(url).host}.`);
    setProblem(null);
    setDraft('');
    if (!sources.feeds.includes(url)) updateSources({ feeds: [...sources.feeds, url] });
  };
  return (
    <div class="options__list">
      <p>Custom feeds (a PaperPeek digest or a Daily Papers API response, as JSON):</p>
      <ul aria-label="Custom feeds">
        {sources.feeds.length === 0 && <li class="muted">None.</li>}
        {sources.feeds.map((feed) => (
          <li key={feed}>
            {feed}{' '}
            <button
              type="button"
              aria-label={`Remove feed ${feed}`}
              onClick={() => updateSources({ feeds: sources.feeds.filter((f) => f !== feed) })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void add(event)} class="options__row">
        <input
          type="url"
          aria-label="Feed address"
          placeholder="https://example.org/papers.json"
          value={draft}
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Add feed</button>
      </form>
      {problem && <p class="error">{problem}</p>}
    </div>
  );
}
