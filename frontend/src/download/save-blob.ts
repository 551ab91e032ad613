/** Saves a fetched file under its name (the session's token cannot ride on a plain link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Opens a file that is still being fetched in a new tab (the browser's PDF viewer prints and
 * saves it). The tab is opened before the fetch, while the click still counts as the user's,
 * so a popup blocker lets it through; without a tab the file is saved instead.
 */
export async function openInTab(fetchBlob: () => Promise<Blob>, fileName: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await fetchBlob();
    if (!tab) return saveBlob(blob, fileName);
    tab.location.href = URL.createObjectURL(blob);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
