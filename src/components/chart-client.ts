/**
 * The only JavaScript of report pages (a few KB): tooltips over chart marks, PNG download drawn
 * from the chart's SVG, copy-citation buttons. Everything works without it; it only adds.
 */

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

/** Draws an SVG element to a PNG blob at twice its size on a white background. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function buttons(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.png-download, .copy-citation')) b.hidden = false;
  document.addEventListener('click', async (e) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (!button) return;
    if (button.classList.contains('png-download')) {
      const svg = button.closest('figure')?.querySelector<SVGSVGElement>('.chart-wide svg');
      if (svg) save(await svgToPng(svg), button.dataset.file ?? 'chart.png');
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
