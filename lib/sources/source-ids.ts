/** What the user sees for a source id (the ids themselves are stable storage keys). */
export function sourceName(id: string): string {
  if (id === 'bundled') return 'Bundled digest';
  if (id === 'hf-daily') return 'Hugging Face Daily Papers';
  if (id === 'import') return 'Imported files';
  if (id.startsWith('feed:')) return `Feed ${id.slice(5)}`;
  return id;
}
