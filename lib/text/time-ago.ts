/** How long ago something happened, for a source's status: minutes, then hours, then the date. */
export function timeAgo(time: number | undefined, now: number): string {
  if (!time) return 'never';
  const minutes = Math.round((now - time) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(time).toLocaleString();
}
