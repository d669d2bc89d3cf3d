/**
 * The only JavaScript of report pages (a few KB): tooltips over chart marks, PNG download drawn
 * from the chart's SVG, copy-citation buttons. Everything works without it; it only adds.
 */
import { saveBlob, svgToPng } from '../client/download.ts';

/** Replaces each mark's <title> (native tooltip) by a styled tooltip on hover. */
function tooltips(): void {
  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'status');
  tip.hidden = true;
  document.body.append(tip);
  for (const title of document.querySelectorAll<SVGTitleElement>('.chart-svg title')) {
    title.parentElement?.setAttribute('data-tip', title.textContent ?? '');
    title.remove();
  }
  document.addEventListener('pointermove', (e) => {
    const target = (e.target as Element | null)?.closest?.('[data-tip]');
    if (!target) {
      tip.hidden = true;
      return;
    }
    tip.textContent = target.getAttribute('data-tip');
    tip.hidden = false;
    const x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = e.clientY + 16 + tip.offsetHeight > window.innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 16;
    tip.style.transform = `translate(${Math.max(4, x)}px, ${y}px)`;
  });
}

function buttons(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.png-download, .copy-citation')) b.hidden = false;
  document.addEventListener('click', async (e) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (!button) return;
    if (button.classList.contains('png-download')) {
      // The PNG is the figure's SVG file drawn: it keeps the file's provenance (title, question,
      // universe, base, source, synthetic mark; issue 11), not just the plot on the page.
      const link = button.closest('figure')?.querySelector<HTMLAnchorElement>('a[data-download="svg"]');
      if (!link) return;
      const href = link.getAttribute('href') ?? '';
      const text = href.startsWith('data:') ? decodeURIComponent(href.slice(href.indexOf(',') + 1)) : await (await fetch(href)).text();
      const root = /<svg\b[^>]*>/.exec(text.replace(/^<\?xml[^>]*\?>\s*/, ''))?.[0] ?? '';
      const size = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
      saveBlob(await svgToPng(text, size('width'), size('height')), button.dataset.file ?? 'chart.png');
    } else if (button.classList.contains('copy-citation')) {
      // The button's words in the page's language (src/lib/i18n/ui.ts copyCitation; kept here so chapters load no string table).
      const english = document.documentElement.lang === 'en';
      try {
        // A site path (no site address configured) is completed with this page's address.
        const link = button.dataset.link ? ` ${new URL(button.dataset.link, location.href).href}` : '';
        await navigator.clipboard.writeText(`${button.dataset.copy ?? ''}${link}`);
        button.textContent = english ? 'Copied' : 'コピーしました';
      } catch {
        button.textContent = english ? 'Could not copy' : 'コピーできませんでした';
      }
      setTimeout(() => (button.textContent = english ? 'Copy citation' : '引用をコピー'), 2000);
    }
  });
}

tooltips();
buttons();
