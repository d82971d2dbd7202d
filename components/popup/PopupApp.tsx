import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DigestStatusView, type StatusState } from '@/components/DigestStatusView';
import { SearchPanel } from '@/components/SearchPanel';
import { createAbstractLookup } from '@/lib/search/abstract-lookup';
import type { PaperPeekDatabase, ReadingListEntry } from '@/lib/db';
import {
  loadPopupData,
  withSearchAuthors,
  type FullRecordRequest,
  rowsFor,
  type PopupData,
} from '@/lib/search/popup-data';
import {
  downloadFile,
  exportFile,
  importBackupText,
  type ExportFormat,
} from '@/lib/reading-list/actions';
import { citedEntries, citedPapers } from '@/lib/reading-list/cited';
import { toBibTeX } from '@/lib/reading-list/export';
import { initialPopupTab, type PopupTab } from '@/lib/reading-list/open-view';
import {
  listEntries,
  removeEntry,
  restoreEntry,
  updateEntries,
  updateEntry,
  type EntryChanges,
} from '@/lib/reading-list/store';
import { readSyncReport, SYNC_REPORT_KEY, type SyncReport } from '@/lib/reading-list/sync';
import { requestFromWorker } from '@/lib/protocol/client';
import type { VenueKey } from '@/lib/links/venue';
import { describeStorageError } from '@/lib/storage-errors';
import { siteOfActivePage, type TabsForSite } from '@/lib/protocol/page-site';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  settingsFrom,
  updateSettings,
  type Settings,
} from '@/lib/settings';
import { readerAddress } from '@/lib/reader/address';
import { pdfOfActiveTab, type PdfTab, type TabsForPdf } from '@/lib/reader/pdf-tab';
import { saveToZoteroFromPage } from '@/lib/zotero/from-page';
import { citationStyleName, rememberedCitationStyle } from '@/lib/citations/styles';
import type { CitationActions } from '@/components/EntryRow';
import { PdfTabOffer } from './PdfTabOffer';
import { SiteSwitch } from './SiteSwitch';

type Tab = PopupTab;

/**
 * The reading list's code (its rows, Copy citation, Save to Zotero) is a chunk of its own, loaded
 * once search's first results are on screen or when the reading list is asked for: in the first
 * chunk it held up the first results at 100,000 papers (issue 28's benchmark).
 */
type ReadingListModule = typeof import('@/components/ReadingListPanel');
let readingListModule: Promise<ReadingListModule> | null = null;
const loadReadingList = () =>
  (readingListModule ??= import('@/components/ReadingListPanel').catch((error: unknown) => {
    // Asked for again the next time (the tab shown again), not stuck on a failed load.
    readingListModule = null;
    throw error;
  }));

/**
 * Resolves once the browser has painted the current frame, or after 100 ms in a page it does not
 * paint (a tab opened in the background gets no animation frames).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

export interface PopupAppProps {
  db: PaperPeekDatabase;
  /** The full search record, asked for as the popup started (`requestSearchRecord`). */
  fullRecord: FullRecordRequest;
}

/** The toolbar popup: search over the digest and the reading list. */
export function PopupApp({ db, fullRecord }: PopupAppProps) {
  // "Open reading list" on a card opens the popup (or the popup page in a tab) on the list.
  const [tab, setTab] = useState<Tab>(() => initialPopupTab(location.hash));
  const [data, setData] = useState<PopupData | null>(null);
  const [entries, setEntries] = useState<ReadingListEntry[]>([]);
  const [status, setStatus] = useState<StatusState>({ kind: 'loading' });
  const [undo, setUndo] = useState<{ title: string; restore(): Promise<void> } | null>(null);
  const [syncReport, setSyncReport] = useState<SyncReport | null>(null);
  const [ReadingList, setReadingList] = useState<ReadingListModule['ReadingListPanel'] | null>(
    null,
  );
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const syncEnabled = settings.readingListSync;
  const [site, setSite] = useState<string | null>(null);
  const [pdfTab, setPdfTab] = useState<PdfTab | null>(null);

  // A tab opened on the reading list is named for it.
  useEffect(() => {
    document.title = tab === 'reading' ? 'Reading list · PaperPeek' : 'PaperPeek';
  }, [tab]);

  // Which papers are saved follows from the list itself.
  const savedIds = useMemo(() => new Set(entries.map((entry) => entry.paperId)), [entries]);

  // After a reading-list change only the list is read again, never the search record.
  const refresh = useCallback(async () => setEntries(await listEntries(db)), [db]);
  // The worker syncs; edits made here only tell it that there is something to send.
  const changed = useCallback(async () => {
    await refresh();
    requestFromWorker('syncReadingList', {}).catch(() => undefined);
  }, [refresh]);

  useEffect(() => {
    const local = browser.storage.local;
    void readSettings(local).then(setSettings);
    void siteOfActivePage(browser.tabs as unknown as TabsForSite).then(setSite, () => undefined);
    void pdfOfActiveTab(browser.tabs as unknown as TabsForPdf).then(setPdfTab, () => undefined);
    void local
      .get(SYNC_REPORT_KEY)
      .then((stored) => setSyncReport(readSyncReport(stored[SYNC_REPORT_KEY])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes[SETTINGS_KEY]) {
        setSettings(settingsFrom(changes[SETTINGS_KEY].newValue));
      }
      const report = changes[SYNC_REPORT_KEY] && readSyncReport(changes[SYNC_REPORT_KEY].newValue);
      if (report) {
        setSyncReport(report);
        // Edits from another browser arrived: show them.
        if (report.received > 0) void refresh();
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);

  // The newest papers first (one small row), then the record of every paper for search.
  const loadRecords = useCallback(async () => {
    const waitForWorker = () => requestFromWorker('status', {});
    // The full record (tens of MB at 100,000 papers) is asked for at start but turned into
    // objects only once the newest papers are on screen: arriving first, it held up the first
    // paint by about 100 ms; asked for after it, search was ready 250 ms after opening.
    const [newest] = await Promise.all([loadPopupData(db, 'newest', waitForWorker), refresh()]);
    setData(newest);
    await afterNextPaint();
    const record = await fullRecord.take().catch(() => undefined);
    const full = record
      ? { record, complete: true }
      : await loadPopupData(db, 'search', waitForWorker);
    setData(full);
    // The authors (a row of their own) only now: reading them before would delay search.
    if (!full.record.authors) setData(await withSearchAuthors(db, full, waitForWorker));
  }, [db, fullRecord, refresh]);

  // After the first results (or at once for the reading list): never ahead of search.
  useEffect(() => {
    if (ReadingList || (tab !== 'reading' && !data)) return;
    loadReadingList().then(
      (module) => setReadingList(() => module.ReadingListPanel),
      (error: unknown) => setStatus({ kind: 'error', message: describe(error) }),
    );
  }, [ReadingList, tab, data]);

  useEffect(() => {
    loadRecords().catch((error: unknown) => setStatus({ kind: 'error', message: describe(error) }));
    requestFromWorker('status', {}).then(
      (value) => setStatus({ kind: 'ready', status: value }),
      (error: unknown) => setStatus({ kind: 'error', message: describe(error) }),
    );
  }, [loadRecords]);

  const rowsOf = useCallback((ids: string[]) => rowsFor(db, ids), [db]);
  // The worker's venue index: the digest paper a pasted OpenReview, ACL, DOI, … link names.
  const paperOfLink = useCallback(
    async (key: VenueKey) =>
      (await requestFromWorker('lookup', { keys: [key] }))[key]?.paper.id ?? null,
    [],
  );
  const abstractWords = useMemo(() => {
    const stamp = data?.complete ? data.record.stamp : undefined;
    if (!data || !stamp) return undefined;
    return createAbstractLookup((bucket) => db.abstractIndex.get(bucket), stamp);
  }, [db, data]);
  const open = (url: string) => void browser.tabs.create({ url });
  const openSettings = () => void browser.runtime.openOptionsPage();
  const save = async (paperId: string) => {
    await requestFromWorker('save', { paperId }); // the worker syncs after a save itself
    await refresh();
  };
  const update = async (paperId: string, changes: EntryChanges) => {
    await updateEntry(db, paperId, changes);
    await changed();
  };
  const remove = async (paperId: string) => {
    const removed = await removeEntry(db, paperId);
    if (removed) {
      setUndo({
        title: removed.title,
        restore: async () => {
          await restoreEntry(db, removed);
          setUndo(null);
          await changed();
        },
      });
    }
    await changed();
  };
  const exportAs = (format: ExportFormat, paperIds?: string[]) => {
    const chosen = paperIds ? new Set(paperIds) : null;
    const exported = chosen ? entries.filter((entry) => chosen.has(entry.paperId)) : entries;
    // A backup holds the entries as they are; citations also use what is known of the papers.
    const ready = format === 'json' ? Promise.resolve(exported) : citedEntries(db, exported);
    void ready.then((cited) => downloadFile(exportFile(cited, format)));
  };
  const updateMany = async (paperIds: string[], changes: EntryChanges) => {
    await updateEntries(db, paperIds, changes);
    await changed();
  };
  const importFile = async (file: File) => {
    const outcome = await importBackupText(db, await file.text());
    await changed();
    return outcome;
  };
  // The PDF's tab becomes the reader's (the reader asks for the site's permission if it needs it).
  const openPdfInReader = (pdf: PdfTab) => {
    const url = readerAddress(browser.runtime.getURL('/reader.html'), pdf.url);
    void browser.tabs.update(pdf.tabId, { url }).then(
      () => window.close(),
      () => setPdfTab(null),
    );
  };
  const saveToZotero = (paperIds: string[]) =>
    saveToZoteroFromPage(paperIds, {
      permissions: browser.permissions,
      send: (ids) => requestFromWorker('saveToZotero', { paperIds: ids }),
    });
  const citations: CitationActions = {
    style: settings.citationStyle,
    setStyle: (citationStyle) => void updateSettings(browser.storage.local, { citationStyle }),
    prepare: (style) =>
      void import('@/lib/citations/format').then((m) => m.prepareCitations(style)),
    async copy(paperIds, style) {
      const [{ copyCitations }, cited] = await Promise.all([
        import('@/lib/citations/copy'),
        citedPapers(db, paperIds, Date.now()),
      ]);
      await copyCitations(cited, style, navigator.clipboard);
    },
  };
  const copyCitationOf = async (paperId: string) => {
    const style = rememberedCitationStyle(settings.citationStyle);
    await citations.copy([paperId], style);
    return citationStyleName(style);
  };
  const copyBibTeX = async (entry: ReadingListEntry) => {
    const [cited] = await citedEntries(db, [entry]);
    await navigator.clipboard.writeText(toBibTeX([cited ?? entry]));
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">PaperPeek</h1>
        <div role="tablist" aria-label="PaperPeek" class="tabs">
          {(['search', 'reading'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              class="tab"
              onClick={() => setTab(name)}
            >
              {name === 'search'
                ? 'Search'
                : `Reading list${entries.length ? ` (${entries.length})` : ''}`}
            </button>
          ))}
        </div>
      </header>
      {pdfTab && <PdfTabOffer pdf={pdfTab} open={openPdfInReader} />}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {!data ? (
          <p class="muted" aria-busy="true">
            Loading papers…
          </p>
        ) : tab === 'search' ? (
          <SearchPanel
            record={data.record}
            complete={data.complete}
            savedIds={savedIds}
            rowsFor={rowsOf}
            abstractWords={abstractWords}
            open={open}
            save={save}
            saveToZotero={saveToZotero}
            copyCitation={copyCitationOf}
            openSettings={openSettings}
            paperOfLink={paperOfLink}
          />
        ) : !ReadingList ? (
          <p class="muted" aria-busy="true">
            Loading the reading list…
          </p>
        ) : (
          <ReadingList
            entries={entries}
            update={update}
            updateMany={updateMany}
            remove={remove}
            undo={undo}
            exportAs={exportAs}
            importFile={importFile}
            copyBibTeX={copyBibTeX}
            saveToZotero={saveToZotero}
            citations={citations}
            readerAddressOf={(entry) =>
              entry.arxivId
                ? readerAddress(
                    browser.runtime.getURL('/reader.html'),
                    `https://arxiv.org/pdf/${entry.arxivId}`,
                  )
                : null
            }
            sync={{
              report: syncReport,
              enabled: syncEnabled,
              setEnabled: (enabled) =>
                void updateSettings(browser.storage.local, { readingListSync: enabled }),
            }}
          />
        )}
      </div>
      <footer class="popup__footer">
        <DigestStatusView state={status} />
        <SiteSwitch
          site={site}
          settings={settings}
          update={(changes) => void updateSettings(browser.storage.local, changes)}
        />
        <button type="button" class="popup__settings" onClick={openSettings}>
          Settings
        </button>
      </footer>
    </main>
  );
}

function describe(error: unknown): string {
  return describeStorageError(error);
}
