/**
 * What a storage failure means for the user, in one sentence. Owns: recognising the failures
 * IndexedDB and Dexie report (by name: their messages differ between browsers).
 */

/** The names of an error and of what it wraps (Dexie's `inner`, `cause`, a BulkError's failures). */
function names(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const value = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const found = typeof value.name === 'string' ? [value.name] : [];
  const failures = Array.isArray(value.failures) ? value.failures.slice(0, 5) : [];
  for (const wrapped of [value.inner, value.cause, ...failures]) {
    found.push(...names(wrapped, depth + 1));
  }
  return found;
}

export function describeStorageError(error: unknown): string {
  const found = names(error);
  const raw = error instanceof Error ? error.message || error.name : String(error);
  if (found.includes('QuotaExceededError')) {
    return 'The browser has no room left for PaperPeek (disk or storage quota full): nothing was changed. Free some space, or clear the digest on the options page.';
  }
  if (
    found.some((name) =>
      ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError'].includes(name),
    )
  ) {
    return `The browser does not let PaperPeek open its database here (a private window, or storage turned off for extensions): ${raw}`;
  }
  if (found.includes('VersionError')) {
    return 'The database was written by a newer PaperPeek: update the extension.';
  }
  return raw;
}
