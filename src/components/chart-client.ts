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
      const svg = button.closest('figure')?.querySelector<SVGSVGElement>('.chart-wide svg');
      if (svg) saveBlob(await svgToPng(new XMLSerializer().serializeToString(svg), Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))), button.dataset.file ?? 'chart.png');
    } else if (button.classList.contains('copy-citation')) {
      try {
        await navigator.clipboard.writeText(button.dataset.copy ?? '');
        button.textContent = 'コピーしました';
      } catch {
        button.textContent = 'コピーできませんでした';
      }
      setTimeout(() => (button.textContent = '引用をコピー'), 2000);
    }
  });
}

tooltips();
buttons();
