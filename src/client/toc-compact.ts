/**
 * The chapter's compact contents on narrow screens (a 目次 bar that stays at the top): choosing a
 * section closes the list, so it does not cover the text it jumped to. Without JavaScript the
 * list stays open until its summary is pressed again.
 */
for (const details of document.querySelectorAll<HTMLDetailsElement>('.toc-compact details')) {
  details.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest?.('a')) details.open = false;
  });
}
