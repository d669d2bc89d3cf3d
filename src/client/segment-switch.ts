/**
 * The question page's segment switch (全体, each universe, each banner): one figure at a time.
 * Without JavaScript every segment is on the page and the switch is a list of links to them;
 * this script turns the links into tabs (WAI-ARIA tabs: arrow keys, Home, End), shows the chosen
 * segment and hides the others. A permalink to a segment (`#seg-…`) or to anything inside it (a
 * figure's `#fig-…` anchor) selects that segment, on load and when the hash changes.
 */

interface Switch {
  tabs: HTMLAnchorElement[];
  panels: HTMLElement[];
}

function select(sw: Switch, index: number, focus = false): void {
  sw.tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    sw.panels[i].hidden = !on;
  });
  if (focus) sw.tabs[index].focus();
}

function setUp(root: HTMLElement): Switch | null {
  const list = root.querySelector<HTMLElement>('.segment-tabs ul');
  if (!list) return null;
  const tabs = [...list.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const panels = tabs.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  if (tabs.length < 2 || panels.some((p) => !p)) return null;
  const sw: Switch = { tabs, panels: panels as HTMLElement[] };
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', root.querySelector('.segment-tabs')?.getAttribute('aria-label') ?? '');
  for (const li of list.querySelectorAll('li')) li.setAttribute('role', 'presentation');
  tabs.forEach((tab, i) => {
    const panel = sw.panels[i];
    tab.id = `tab-${panel.id}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', (e) => {
      e.preventDefault();
      select(sw, i);
      // The address names the segment shown (a link to share), without a jump or a history entry.
      history.replaceState(null, '', `#${panel.id}`);
    });
    tab.addEventListener('keydown', (e) => {
      const last = tabs.length - 1;
      const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
      if (to < 0) return;
      e.preventDefault();
      select(sw, to, true);
      history.replaceState(null, '', `#${sw.panels[to].id}`);
    });
  });
  root.classList.add('segment-switch-on');
  return sw;
}

/** The segment holding the element the address names, if any. */
function fromHash(sw: Switch): { index: number; target: HTMLElement } | null {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return null;
  const index = sw.panels.findIndex((p) => p === target || p.contains(target));
  return index < 0 ? null : { index, target };
}

for (const root of document.querySelectorAll<HTMLElement>('[data-segment-switch]')) {
  const sw = setUp(root);
  if (!sw) continue;
  const show = (scroll: boolean) => {
    const found = fromHash(sw);
    select(sw, found?.index ?? 0);
    // The browser scrolled to the anchor before the other segments were hidden: scroll again.
    if (found && scroll) found.target.scrollIntoView();
  };
  show(true);
  window.addEventListener('hashchange', () => show(true));
}
