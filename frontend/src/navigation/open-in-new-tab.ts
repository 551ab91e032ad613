/**
 * Opens a page the api serves itself (Bull Board) in a new tab. It authenticates with the
 * access-token cookie set at login, which lapses with the token, so a stale token is refreshed
 * first. The tab is opened at once, inside the click, because browsers block pop-ups opened
 * after an await.
 */
export function openInNewTab(
  href: string,
  session: { expiresWithin(seconds: number): boolean; refresh(): Promise<string | null> },
): void {
  if (!session.expiresWithin(30)) {
    window.open(href, '_blank', 'noopener');
    return;
  }
  const tab = window.open('about:blank', '_blank');
  void session.refresh().then(() => {
    if (!tab) return;
    tab.opener = null;
    tab.location.href = href;
  });
}
