import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import idTable from '@/assets/seed/arxiv-ids.tsv?raw';
import { DataSection } from '@/components/options/DataSection';
import { ImportDigest } from '@/components/options/ImportDigest';
import { SettingsSection } from '@/components/options/SettingsSection';
import { SourcesSection } from '@/components/options/SourcesSection';
import { ZoteroSection } from '@/components/options/ZoteroSection';
import { ZOTERO_ORIGIN } from '@/lib/zotero/connector';
import { openDatabase } from '@/lib/db';
import { sendImport } from '@/components/options/send-import';
import type { DigestStatus } from '@/lib/protocol/messages';
import {
  clearReadingList,
  downloadFile,
  exportFile,
  importBackupText,
} from '@/lib/reading-list/actions';
import { listEntries } from '@/lib/reading-list/store';
import { requestFromWorker } from '@/lib/protocol/client';
import { describeStorageError } from '@/lib/storage-errors';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  settingsFrom,
  updateSettings,
  type Settings,
} from '@/lib/settings';
import { JOB_KEY, type DigestJob } from '@/lib/sources/digest-jobs';
import { lookupConsentFor, type DataCollectionPermissions } from '@/lib/sources/lookup-consent';
import {
  DEFAULT_SOURCE_SETTINGS,
  originPattern,
  readSourceSettings,
  sourceSettingsFrom,
  sourceSettingsItem,
  updateSourceSettings,
  type SourceSettings,
} from '@/lib/sources/source-settings';

/** The options page: sources, imports, settings and the user's data. */
/** Zotero's server on this computer (the same origin a custom feed on 127.0.0.1 needs). */
const zoteroPermission = {
  granted: () => browser.permissions.contains({ origins: [ZOTERO_ORIGIN] }),
  request: () => browser.permissions.request({ origins: [ZOTERO_ORIGIN] }),
  remove: () => browser.permissions.remove({ origins: [ZOTERO_ORIGIN] }),
};

export function OptionsApp() {
  const db = useMemo(() => openDatabase(), []);
  const local = browser.storage.local;
  const [status, setStatus] = useState<DigestStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<DigestJob | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sources, setSources] = useState<SourceSettings>(DEFAULT_SOURCE_SETTINGS);
  const [entryCount, setEntryCount] = useState(0);
  const [now, setNow] = useState(Date.now());
  const lookupConsent = useMemo(
    () =>
      lookupConsentFor(
        import.meta.env.FIREFOX,
        browser.permissions as unknown as DataCollectionPermissions,
      ),
    [],
  );
  const [lookupsConsented, setLookupsConsented] = useState(true);
  useEffect(() => {
    void lookupConsent.granted().then(setLookupsConsented);
  }, [lookupConsent]);

  // Never rejects: a failure is shown on the page.
  const reload = useCallback(async () => {
    setNow(Date.now());
    try {
      setEntryCount(await db.readingList.count());
      setStatus(await requestFromWorker('status', {}));
      setProblem(null);
    } catch (error) {
      setProblem(`PaperPeek's database cannot be read: ${describe(error)}`);
    }
  }, [db]);

  useEffect(() => {
    void reload();
    void readSettings(local).then(setSettings);
    void readSourceSettings().then(setSources);
    void local.get(JOB_KEY).then((stored) => setJob((stored[JOB_KEY] as DigestJob | null) ?? null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (changes[SETTINGS_KEY]) setSettings(settingsFrom(changes[SETTINGS_KEY].newValue));
      if (changes[JOB_KEY]) {
        const next = (changes[JOB_KEY].newValue as DigestJob | null | undefined) ?? null;
        setJob(next);
        if (!next) void reload(); // a job ended: new counts, new errors
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    const unwatch = sourceSettingsItem.watch((value) => setSources(sourceSettingsFrom(value)));
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      unwatch();
    };
  }, [reload, local]);

  return (
    <main class="options">
      <h1 class="popup__title">PaperPeek settings</h1>
      {problem && (
        <p role="alert" class="error">
          {problem}
        </p>
      )}
      <SourcesSection
        status={status}
        job={job}
        now={now}
        refresh={async () => {
          const outcomes = await requestFromWorker('refreshNow', {});
          await reload();
          return outcomes;
        }}
      />
      <ImportDigest
        idTable={idTable}
        apply={async (papers, label, onSent) => {
          const summary = await sendImport(papers, label, requestFromWorker, onSent);
          await reload();
          return summary;
        }}
      />
      <SettingsSection
        settings={settings}
        sources={sources}
        updateSettings={(changes) => void updateSettings(local, changes)}
        updateSources={(changes) => void updateSourceSettings(changes)}
        grantFeed={(url) => browser.permissions.request({ origins: [originPattern(url)] })}
        lookupsConsented={lookupsConsented}
        requestLookupConsent={async () => {
          const granted = await lookupConsent.request();
          setLookupsConsented(granted);
          return granted;
        }}
      />
      <ZoteroSection permission={zoteroPermission} />
      <DataSection
        entryCount={entryCount}
        exportBackup={() =>
          void listEntries(db).then(
            (entries) => downloadFile(exportFile(entries, 'json')),
            (error: unknown) => setProblem(`The reading list cannot be read: ${describe(error)}`),
          )
        }
        importBackup={async (file) => {
          const outcome = await importBackupText(db, await file.text());
          await reload();
          requestFromWorker('syncReadingList', {}).catch(() => undefined);
          return outcome;
        }}
        clearReadingList={async () => {
          const removed = await clearReadingList(db);
          await reload();
          requestFromWorker('syncReadingList', {}).catch(() => undefined);
          return removed;
        }}
        clearDigest={async () => {
          await requestFromWorker('clearDigest', {});
          await reload();
        }}
      />
    </main>
  );
}

function describe(error: unknown): string {
  return describeStorageError(error);
}
