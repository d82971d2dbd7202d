import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  enableSite,
  isSiteDisabled,
  readSettings,
  settingsFrom,
  updateSettings,
  type SettingsStorage,
} from '@/lib/settings';

function memoryStorage(
  initial: Record<string, unknown> = {},
): SettingsStorage & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('settings', () => {
  it('fall back to defaults when nothing is stored', async () => {
    expect(await readSettings(memoryStorage())).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [null],
    ['on'],
    [{ previewsEnabled: 'yes', hoverDelayMs: -5, markersEnabled: 1, disabledSites: 'example.org' }],
    [{ hoverDelayMs: Number.NaN }],
    [{ hoverDelayMs: 99_999 }],
  ])('replace each bad stored field with its default: %j', (stored) => {
    expect(settingsFrom(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keep good fields and drop non-string sites', () => {
    expect(settingsFrom({ hoverDelayMs: 0, disabledSites: ['a.org', 5, null] })).toEqual({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 0,
      disabledSites: ['a.org'],
    });
  });

  it('update on top of what is stored', async () => {
    const area = memoryStorage({ settings: { hoverDelayMs: 800 } });
    await updateSettings(area, { previewsEnabled: false });
    expect(await readSettings(area)).toEqual({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 800,
      previewsEnabled: false,
    });
  });

  it.each([
    ['example.org', true],
    ['www.example.org', true],
    ['EXAMPLE.org', true],
    ['notexample.org', false],
    ['example.org.evil', false],
  ])('disabling example.org covers %s: %s', (host, disabled) => {
    expect(isSiteDisabled({ ...DEFAULT_SETTINGS, disabledSites: ['example.org'] }, host)).toBe(
      disabled,
    );
  });
});

describe('turning a site back on', () => {
  it.each([
    [['example.org'], 'example.org', []],
    [['example.org'], 'news.example.org', []],
    [['news.example.org', 'arxiv.org'], 'news.example.org', ['arxiv.org']],
    [['news.example.org'], 'example.org', ['news.example.org']], // a subdomain stays off
  ])('%j without %s leaves %j', (disabledSites, host, left) => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites };
    expect(enableSite(settings, host)).toEqual(left);
    expect(isSiteDisabled({ ...settings, disabledSites: left }, host)).toBe(false);
  });
});
