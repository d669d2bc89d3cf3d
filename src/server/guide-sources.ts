/**
 * The survey waves a guide quotes, read from its MDX (the survey/wave props of its `<Stat>`,
 * `<Chart>`, `<Change>` and `<Evidence>` tags), so its page can say which reports the figures come
 * from and show the 合成サンプルデータ notice when any of them is synthetic. Parsed with satteri,
 * the parser the build uses, as `npm run validate` does.
 */
import { mdxToMdast } from 'satteri';

interface Node {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

/** Components whose survey/wave props name a wave the page quotes. */
const QUOTING = new Set(['Stat', 'Chart', 'Change', 'Evidence']);

/** `survey/wave` of every wave the MDX source quotes, in order of first use. */
export function quotedWaves(source: string): Array<{ survey: string; wave: string }> {
  const seen = new Map<string, { survey: string; wave: string }>();
  const walk = (n: Node) => {
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name && QUOTING.has(n.name)) {
      const prop = (name: string) => n.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      const survey = prop('survey');
      const wave = prop('wave');
      if (typeof survey === 'string' && typeof wave === 'string' && !seen.has(`${survey}/${wave}`)) seen.set(`${survey}/${wave}`, { survey, wave });
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(mdxToMdast(source) as Node);
  return [...seen.values()];
}
