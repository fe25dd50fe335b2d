/**
 * Where the quick-exit button goes. Decision: a neutral, everyday page (a weather search) on
 * another site, opened with `location.replace`, which swaps this page's history entry for the
 * new one: Back does not return here and no entry for /report remains. It is a navigation the
 * person chose, not a request made by our page (the page itself loads nothing from elsewhere,
 * and `Referrer-Policy: no-referrer` keeps our address from the destination). A blank page or
 * a page on our own origin would leave Qorgau's address or a suspicious empty tab on screen.
 */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

export function quickExit(): void {
  window.location.replace(QUICK_EXIT_URL);
}
