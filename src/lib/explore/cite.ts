/**
 * Citations of an explorer view (issue 11): plain text naming the report by its title (never the
 * site's internal ids), BibTeX and RIS for reference managers, each with the view's permalink and
 * the access date. Labels come from codebooks: BibTeX special characters are escaped and RIS
 * values are kept on one line, so no label can add a field or end a record.
 */

export interface CiteView {
  /** The report's full title (codebook survey.title). */
  reportTitle: string;
  publisher: string;
  /** Publication year (the wave's year). */
  year: string;
  /** What the view shows: the question's label, plus the banner when there is one. */
  viewTitle: string;
  permalink: string;
  /** YYYY-MM-DD. */
  accessed: string;
  synthetic: boolean;
  /** Stable key for reference managers, e.g. "hakusho-jcsa-2025-cs_effect". */
  key: string;
  /** Language of the citation's own words (default Japanese). */
  lang?: 'ja' | 'en';
}

const SYNTHETIC = '合成サンプルデータ（公表値を再現するよう生成したもので、実際の回答ではありません）';
const SYNTHETIC_EN = 'Synthetic sample data (generated to reproduce the published figures; not real responses)';
const synthetic = (v: CiteView) => (v.lang === 'en' ? SYNTHETIC_EN : SYNTHETIC);
/** 「view（report より集計）」 / "view (tabulated from report)". */
const tabulated = (v: CiteView, view: string, report: string) => (v.lang === 'en' ? `${view} (tabulated from ${report})` : `${view}（${report}より集計）`);

/** 一般社団法人日本カスタマーサクセス協会「カスタマーサクセス白書2025」（2025年）「…」のクロス集計. URL（2026-11-28 閲覧）. */
export function citationPlain(v: CiteView): string {
  if (v.lang === 'en') return `${v.publisher}, “${v.reportTitle}” (${v.year}): cross-tabulation of “${v.viewTitle}”, Hakusho, ${v.permalink} (accessed ${v.accessed})${v.synthetic ? `. Note: ${SYNTHETIC_EN}` : ''}`;
  return `${v.publisher}「${v.reportTitle}」（${v.year}年）より「${v.viewTitle}」の集計、Hakusho、${v.permalink}（${v.accessed} 閲覧）${v.synthetic ? `。※${SYNTHETIC}` : ''}`;
}

/** Escapes text for a BibTeX field value in braces (LaTeX special characters). */
export function bibtexEscape(text: string): string {
  return oneLine(text).replace(/[\\{}%&$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

/** A BibTeX key: letters, digits and - _ : . only. */
function bibKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_:.-]/g, '-');
}

export function citationBibtex(v: CiteView): string {
  const fields: [string, string][] = [
    // Double braces: a corporate author is one name, not "first last".
    ['author', `{${bibtexEscape(v.publisher)}}`],
    ['title', tabulated(v, bibtexEscape(v.viewTitle), bibtexEscape(v.reportTitle))],
    ['year', bibtexEscape(v.year)],
    ['publisher', bibtexEscape(v.publisher)],
    ['howpublished', v.lang === 'en' ? 'Hakusho cross-tab explorer' : `Hakusho クロス集計`],
    ['url', oneLine(v.permalink).replace(/[{}]/g, encodeURIComponent)],
    ['urldate', bibtexEscape(v.accessed)],
    ...(v.synthetic ? [['note', bibtexEscape(synthetic(v))] as [string, string]] : []),
  ];
  return `@misc{${bibKey(v.key)},\n${fields.map(([k, value]) => `  ${k} = {${value}}`).join(',\n')}\n}\n`;
}

/** Removes line breaks and other control characters (a newline would start a new RIS tag). */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

export function citationRis(v: CiteView): string {
  const tags: [string, string][] = [
    ['TY', 'DATA'],
    ['TI', tabulated(v, v.viewTitle, v.reportTitle)],
    ['AU', v.publisher],
    ['PB', v.publisher],
    ['PY', v.year],
    ['T2', v.reportTitle],
    ['UR', v.permalink],
    ['Y2', v.accessed],
    ['DB', 'Hakusho'],
    ['ID', v.key],
    ...(v.synthetic ? [['N1', synthetic(v)] as [string, string]] : []),
  ];
  // RIS (the format reference managers import): "TAG  - value" per line, CRLF, ending with ER.
  return `${[...tags.map(([t, value]) => `${t}  - ${oneLine(value)}`), 'ER  - '].join('\r\n')}\r\n`;
}
