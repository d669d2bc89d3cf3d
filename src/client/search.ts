/**
 * The search page (/search/?q=…): runs the query through Pagefind's browser API and lists the
 * results. Pagefind's excerpt is HTML (the passage, with `<mark>` around the words found); it is
 * never inserted as HTML: only its text and its marks are rebuilt as DOM nodes, so nothing from a
 * page's text can become markup here.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const SHOWN = 20;

/** Text and <mark> runs of an excerpt, as DOM nodes (everything else dropped, entities decoded). */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const nodes: Node[] = [];
  for (const child of Array.from(doc.body.childNodes)) {
    const text = child.textContent ?? '';
    if (child.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = text;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(text));
  }
  return nodes;
}

async function run(): Promise<void> {
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  const input = document.getElementById('search-q') as HTMLInputElement;
  const header = document.getElementById('site-search-q') as HTMLInputElement | null;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  input.value = query;
  if (header) header.value = query;
  if (query === '') return;
  status.textContent = `「${query}」を検索しています…`;
  try {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.init();
    const { results } = await pagefind.search(query);
    const shown = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
    list.replaceChildren(
      ...shown.map((r) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = r.url;
        link.textContent = r.meta.title ?? r.url;
        const where = document.createElement('div');
        where.className = 'where';
        where.textContent = decodeURI(r.url);
        const passage = document.createElement('p');
        passage.append(...excerptNodes(r.excerpt));
        item.append(link, where, passage);
        return item;
      }),
    );
    status.textContent = results.length === 0 ? `「${query}」に一致するページはありません。` : `「${query}」に一致するページ：${results.length}件${results.length > SHOWN ? `（上位${SHOWN}件を表示）` : ''}`;
  } catch (error) {
    status.textContent = `検索を実行できませんでした（${(error as Error).message}）。サイトをビルドし直すと検索の索引が作られます。`;
  }
}

void run();
