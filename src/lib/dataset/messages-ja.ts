/**
 * The Japanese catalogue of editor-facing problems (issue 12, point 4). A `Problem` keeps its
 * English `message` and `expected`: they are the message ids, the English rendering and what
 * hundreds of tests assert. `formatProblem(p, 'ja')` (problem.ts) looks each one up here: every
 * entry is an English template whose `{}` parts are interpolated values (numbers, ids, lists)
 * and the Japanese rendering of it. Ids, values and file names stay verbatim; English that no
 * entry matches (a YAML parser's own message, say) falls back to the English text, never an error.
 * Pure TypeScript: no Node imports, no reading of the environment.
 */

/** The language problems are shown in: Japanese for editors by default, English on request. */
export type Lang = 'ja' | 'en';

/** `HAKUSHO_LANG` (or a `--lang` option) as given → the language: `en` (or `en_US`, `EN`…) for English, else Japanese. */
export function languageOf(setting: string | undefined): Lang {
  return setting !== undefined && /^en(?:[-_.].*)?$/i.test(setting.trim()) ? 'en' : 'ja';
}

type Render = (...parts: string[]) => string;

interface Entry {
  /** The English template, anchored; `{}` captures one interpolated part. */
  re: RegExp;
  /** Japanese without the value (a grouped line, or no value found): a predicate such as 「選択肢にありません」. */
  ja: Render;
  /** Japanese with the value shown (already quoted or translated), when it does not simply go first as 「"9" は…」. */
  withValue?: (value: string, ...parts: string[]) => string;
  /** Only for problems of this rule (the same English reads differently elsewhere). */
  rule?: string;
  /** Only for problems whose column matches. */
  column?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An anchored pattern from an English template: `'is not an option of {}'` → /^is not an option of (.+?)$/. */
function pattern(template: string): RegExp {
  return new RegExp(`^${template.split('{}').map(escape).join('(.+?)')}$`, 's');
}

function entry(template: string, ja: Render, more: Omit<Entry, 're' | 'ja'> = {}): Entry {
  return { re: pattern(template), ja, ...more };
}

function lookup(entries: readonly Entry[], text: string, rule?: string, column?: string): { entry: Entry; parts: string[] } | undefined {
  for (const e of entries) {
    if (e.rule !== undefined && e.rule !== rule) continue;
    if (e.column !== undefined && (column === undefined || !e.column.test(column))) continue;
    const m = e.re.exec(text);
    if (m) return { entry: e, parts: m.slice(1) };
  }
  return undefined;
}

/** A universe as messages name it. */
const universe = (id: string) => `universe "${id}"`;

/** Text after a Japanese word: a space before ids and other ASCII words (「は cs_team の」), none before Japanese or a number (「は11行目」). */
const spaced = (text: string) => (/^[\x21-\x2f\x3a-\x7e]/.test(text) ? ` ${text}` : text);

/**
 * "reads universe rich, which reads revenue_exact, which is restricted" (publication.ts
 * `describeRestriction`) → 「非公開（restricted）の revenue_exact を参照しています（universe rich → revenue_exact）」.
 */
export function restrictionJa(text: string): string {
  if (text === 'is restricted') return '非公開（restricted）です';
  const m = /^reads (.+), which is restricted$/s.exec(text);
  if (!m) return text;
  const chain = m[1].split(', which reads ');
  const last = chain[chain.length - 1];
  return `非公開（restricted）の ${last} を参照しています${chain.length > 1 ? `（${chain.join(' → ')}）` : ''}`;
}

/** Field types as schema-errors.ts names them ("a mapping of fields", "a list" …). */
const TYPES: Record<string, string> = {
  'mapping of fields': '項目の組（マッピング）',
  mapping: '項目の組（マッピング）',
  list: 'リスト',
  text: 'テキスト',
  number: '数値',
  'true or false': 'true または false',
  'true/false': 'true または false',
  empty: '空（値なし）',
};
const typeJa = (words: string) => TYPES[words.replace(/^an? /, '')] ?? words;

/** Messages of the codebook schema's own refinements (codebook.ts `error:`), as zod reports them. */
const SCHEMA_ERRORS: Entry[] = [
  entry('an id may not contain "__" (it separates question and option in column names)', () => 'ID に "__" は使えません（列名で設問と選択肢を区切る記号です）'),
  entry('D must be at least js (a count of 1 must be able to move above js)', () => 'D は js 以上にしてください（件数 1 が js より大きい値に動けるようにするため）'),
];

/** `expected` texts: what was expected, as a noun phrase shown after 「想定: 」. */
const EXPECTED: Entry[] = [
  // Excel deliveries (src/server/workbook.ts, src/server/catalog.ts).
  entry('an Excel workbook saved as 「Excel ブック (*.xlsx)」 ("Excel Workbook" in English Excel), or the sheet saved as 「CSV UTF-8 (コンマ区切り)」', () => '「Excel ブック (*.xlsx)」として保存したブック（英語版 Excel では "Excel Workbook"）、またはシートを「CSV UTF-8 (コンマ区切り)」で保存したもの'),
  entry('an Excel workbook saved as 「Excel ブック (*.xlsx)」 ("Excel Workbook" in English Excel), or the sheet saved as 「CSV UTF-8 (コンマ区切り)」, without a password', () => '「Excel ブック (*.xlsx)」として保存したブック（英語版 Excel では "Excel Workbook"）、またはシートを「CSV UTF-8 (コンマ区切り)」で保存したもの（パスワードなし）'),
  entry('a workbook of at most {} bytes once unpacked (split the wave or leave out unused columns)', (n) => `展開後 ${n} バイト以内のブック（調査回を分けるか、使わない列を除いてください）`),
  entry('the responses on the first sheet: the header in row 1, one respondent per row', () => '最初のシートに回答（1行目に見出し、1行に回答者1人）'),
  entry('the command run again (npm run validate or npm run build)', () => 'コマンドをもう一度実行（npm run validate または npm run build）'),
  entry('one delivery per wave: responses.csv or responses.xlsx (move the other out of the data folder)', () => '1つの調査回に回答データは1つ：responses.csv か responses.xlsx（もう一方はデータフォルダーの外へ移してください）'),
  entry('the responses on the first sheet (nothing to fix when they are)', () => '回答は最初のシートに置く（そうなっていれば直すことはありません）'),
  entry('responses.csv (or responses.xlsx) in the wave folder (or kind: microdata with responses.csv)', () => '調査回のフォルダーに responses.csv か responses.xlsx'),
  entry('responses.csv (or responses.xlsx) in the wave folder (or kind: tables with tables.csv)', () => '調査回のフォルダーに responses.csv か responses.xlsx（または kind: tables にして tables.csv を置く）'),
  // responses.csv and tables.csv
  entry('1 (chosen), 0 (not chosen) or blank (not asked)', () => '1（選択）、0（非選択）、または空欄（聞いていない）'),
  entry('a positive, finite weight on every row', () => 'すべての行に正の有限なウェイト'),
  entry('a respondent id on every row', () => 'すべての行に回答者ID'),
  entry('a unique respondent id', () => '重複しない回答者ID'),
  entry('a header row and one row per respondent', () => 'ヘッダー行と、回答者1人につき1行'),
  entry('one respondent per row, no blank rows in between', () => '1行に回答者1人。途中に空行を入れない'),
  entry('quotes around a whole field, with "" for a quote inside it', () => '項目全体を " で囲み、中の " は "" と書く'),
  entry('{} fields, as in the header', (n) => `ヘッダーと同じ${n}列`),
  entry('a header for the column, or nothing in it', () => 'この列に見出しを付けるか、何も入れない'),
  entry('all {} option columns 0/1 inside the universe, all blank outside', (n) => `対象者なら${n}列すべてに 0/1、対象外ならすべて空欄`),
  entry('each column once', () => '各列は1回だけ'),
  entry('one column per question, multi-answer option and grid row in the codebook', () => 'コードブックの設問・複数回答の選択肢・グリッドの行ごとに1列'),
  entry('plain half-width codes (nothing to fix: the values are used as read)', () => '半角のコード（直す必要はありません。読み取った値をそのまま使います）'),
  entry('the id column "{}", a question id, <multi question>__<option code> or <grid question>__<row id>', (id) => `ID列 "${id}"、設問ID、<複数回答の設問>__<選択肢コード>、<グリッドの設問>__<行ID> のいずれか`),
  entry('the id column (survey.idColumn)', () => 'ID列（survey.idColumn）'),
  entry('{} rows after the header (or correct survey.n)', (n) => `ヘッダーの後に${n}行（または survey.n を直す）`),
  entry('0 or 1 in every option column (or optional: true on the question)', () => '選択肢のすべての列に 0 か 1（または設問に optional: true）'),
  entry('an answer (or optional: true on the question)', () => '回答（または設問に optional: true）'),
  entry('blank (the question was not asked)', () => '空欄（この設問は聞いていない）'),
  entry('{} alone', (code) => `${code} のみ`),
  entry('a percent column, a count column or both', () => 'percent 列、count 列、またはその両方'),
  entry('a percent (0–100), a count, or both', () => 'percent（0〜100）、count、またはその両方'),
  entry('a number from 0 to 100 (no % sign)', () => '0から100までの数値（% は付けない）'),
  entry('a whole number from 0 to the base ({})', (base) => `0からベース（${base}）までの整数`),
  entry('a whole number from 0 to the base', () => '0からベースまでの整数'),
  entry('the published base n, e.g. 312', () => '公表されたベース n（例: 312）'),
  entry('total, or <variable>=<code> such as sector=1', () => 'total、または sector=1 のような <変数>=<コード>'),
  entry('a single, multi, ordinal or banded question id, or <grid>__<row>', () => '単一回答・複数回答・順序・階級の設問ID、または <グリッド>__<行>'),
  entry('each option once per table', () => '1つの表に各選択肢は1回だけ'),
  entry('a whole number from {} to {}', (a, b) => `${a}から${b}までの整数`),
  entry('a number from {} to {}', (a, b) => `${a}から${b}までの数値`),
  entry('a whole number ≥ {}', (n) => `${n}以上の整数`),
  entry('a whole number ≤ {}', (n) => `${n}以下の整数`),
  entry('a whole number', () => '整数'),
  // encodings
  entry('UTF-8 or Shift_JIS: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel)', () => 'UTF-8 か Shift_JIS。Excel で「CSV UTF-8 (コンマ区切り)」として保存してください（英語版 Excel では "CSV UTF-8 (Comma delimited)"）'),
  entry('CSV text: save it from Excel as 「CSV UTF-8 (コンマ区切り)」 ("CSV UTF-8 (Comma delimited)" in English Excel)', () => 'CSV のテキスト。Excel で「CSV UTF-8 (コンマ区切り)」として保存してください（英語版 Excel では "CSV UTF-8 (Comma delimited)"）'),
  entry('a file saved as "CSV UTF-8" or "CSV (Shift_JIS)", with this byte corrected', () => '「CSV UTF-8 (コンマ区切り)」か「CSV (コンマ区切り)」（Shift_JIS）で保存したファイル。このバイトは直してください'),
  entry('a file saved as "CSV UTF-8" or "CSV (Shift_JIS)"', () => '「CSV UTF-8 (コンマ区切り)」か「CSV (コンマ区切り)」（Shift_JIS）で保存したファイル'),
  entry('a file of at most {} characters (split the wave or leave out unused columns)', (n) => `${n}文字以下のファイル（調査回を分けるか、使わない列を除いてください）`),
  entry('a codebook saved as UTF-8 text (Shift_JIS is for responses.csv only)', () => 'UTF-8 のテキストで保存したコードブック（Shift_JIS が使えるのは responses.csv だけです）'),
  entry('a codebook saved as UTF-8 text, not UTF-16', () => 'UTF-16 ではなく UTF-8 のテキストで保存したコードブック'),
  entry('a codebook saved as UTF-8 text', () => 'UTF-8 のテキストで保存したコードブック'),
  // codebook.yaml: reading and size
  entry('YAML as in the codebook reference (indent with spaces, quote text containing ": " or "#")', () => 'コードブックの説明どおりの YAML（字下げは半角スペース、": " や "#" を含む文字列は引用符で囲む）'),
  entry('a codebook of at most {} characters', (n) => `${n}文字以下のコードブック`),
  entry('at most {} aliases (*name) in a codebook', (n) => `コードブック全体でエイリアス（*name）は${n}個まで`),
  entry('at most {} characters with every alias (*name) written out', (n) => `エイリアス（*name）をすべて展開して${n}文字以下`),
  entry('at most {} levels of lists and mappings', (n) => `リストとマッピングの入れ子は${n}階層まで`),
  entry('plain YAML without alias (*name) chains', () => 'エイリアス（*name）の連鎖のない、ふつうの YAML'),
  // codebook.yaml: schema
  entry('a field documented in the codebook reference', () => 'コードブックの説明にある項目'),
  entry(
    'one of {all: [...]}, {any: [...]}, {not: ...}, {universe: id}, {q: id, in: [codes]}, {q: id, includesAny: [codes]}, {q: id, includesAll: [codes]}, {q: id, range: {min, max}}, {q: id, answered: true|false}',
    () => '{all: [...]}、{any: [...]}、{not: ...}、{universe: id}、{q: id, in: [codes]}、{q: id, includesAny: [codes]}、{q: id, includesAll: [codes]}、{q: id, range: {min, max}}、{q: id, answered: true|false} のいずれか',
  ),
  entry('some text', () => '何らかのテキスト'),
  entry('at least {} entry', (n) => `${n}個以上の要素`),
  entry('at least {} entries', (n) => `${n}個以上の要素`),
  entry('at most {} characters', (n) => `${n}文字以内`),
  entry('a number ≥ {}', (n) => `${n}以上の数値`),
  entry('a number > {}', (n) => `${n}より大きい数値`),
  entry('a number ≤ {}', (n) => `${n}以下の数値`),
  entry('a number < {}', (n) => `${n}未満の数値`),
  entry('a date as YYYY-MM-DD', () => 'YYYY-MM-DD 形式の日付'),
  entry('a wave id such as 2025', () => '2025 のような調査回ID'),
  entry('an http:// or https:// address', () => 'http:// か https:// で始まるアドレス'),
  entry('an id in lower snake case (a-z, 0-9, _), starting with a letter', () => '英小文字で始まる小文字のスネークケースのID（a-z、0-9、_）'),
  // codebook.yaml: cross-references
  entry('a chapter declared under chapters:', () => 'chapters: に書いた章'),
  entry('a date on or after {}', (d) => `${d} 以降の日付`),
  entry('a lower bound on every band (mark わからない etc. as nonSubstantive: true)', () => 'すべての階級に下限（わからない などには nonSubstantive: true を付ける）'),
  entry('an upper bound on every band but the last (open) one', () => '最後（上限なし）以外のすべての階級に上限'),
  entry('bands from lowest to highest, this one starting at {} or above', (n) => `低い順に並んだ階級。この階級は${n}以上から始める`),
  entry('a public question, grid row or derived variable', () => '公開の設問、グリッドの行、または派生変数'),
  entry('a public single- or multi-answer variable: {} …', (list) => `公開の単一回答か複数回答の変数: ${list} …`),
  entry('a public single- or multi-answer variable: {}', (list) => `公開の単一回答か複数回答の変数: ${list}`),
  entry('a question id (or grid row grid__row) of this codebook', () => 'このコードブックの設問ID（またはグリッドの行 grid__row）'),
  entry('a question id of {}', (file) => `${file} の設問ID`),
  entry('a folder {} beside this wave', (folder) => `この調査回と同じ階層のフォルダー ${folder}`),
  entry('a single-answer, ordinal, banded question, grid row or derived variable', () => '単一回答・順序・階級の設問、グリッドの行、または派生変数'),
  entry('a universe defined on public variables only, or publication: restricted on this question', () => '公開の変数だけで定義した universe、またはこの設問に publication: restricted'),
  entry('a universe defined on public variables only', () => '公開の変数だけで定義した universe'),
  entry('a weightColumn, or no variance: it applies to weighted waves only', () => 'weightColumn を書くか、variance を消す（variance はウェイト付きの調査回だけのものです）'),
  entry('an id declared under questions: or derived:', () => 'questions: か derived: に書いたID'),
  entry('an id used by no question', () => 'どの設問も使っていないID'),
  entry('another universe id', () => '別の universe ID'),
  entry('a unique {}', (what) => `重複しない${NOUNS[what] ?? what}`),
  entry('answered', () => 'answered（回答の有無で絞り込む）'),
  entry('in or range', () => 'in または range'),
  entry('includesAny or includesAll', () => 'includesAny または includesAll'),
  entry('by: the variable whose column this is', () => 'by: この列の変数'),
  entry('done: true once checked (or delete the item); the wave is not published while an item is open', () => '確かめたら done: true にする（または項目を削除）。未確認の項目が残っている間は公開されません'),
  entry('either a link (questions) or a break (breaks), not both', () => '対応づけ（questions）か推移の切断（breaks）のどちらか一方'),
  entry('headlines on microdata waves only (the engine computes them from responses.csv)', () => '見出しの数値は回答データのある調査回だけ（responses.csv から計算します）'),
  entry('kind mean, median or base (a numeric question has no options)', () => 'kind に mean・median・base（数値の設問には選択肢がありません）'),
  entry('no option mapping (the question has no options)', () => '選択肢の対応づけなし（この設問には選択肢がありません）'),
  entry('no option mapping', () => '選択肢の対応づけなし'),
  entry('option (this question has no nets)', () => 'option（この設問にはネットがありません）'),
  entry('option or net, not both', () => 'option か net のどちらか一方'),
  entry('option: one of {}, or net: one of {}', (codes, nets) => `option: ${codes} のいずれか、または net: ${nets} のいずれか`),
  entry('option: one of {}', (codes) => `option: ${codes} のいずれか`),
  entry('percent, count or base', () => 'percent、count、または base'),
  entry('publication: restricted, or no publication (a derived variable is restricted when any input is)', () => 'publication: restricted、または publication を書かない（入力のどれかが非公開なら派生変数も非公開になります）'),
  entry('question id, "__" and row id together at most {} characters', (n) => `設問ID・"__"・行IDを合わせて${n}文字以内`),
  entry('universes and derived variables that refer to each other without a circle', () => '循環せずに参照し合う universe と派生変数'),
  entry('a codebook.yaml in every wave folder', () => 'どの調査回のフォルダーにも codebook.yaml'),
  entry('a data folder with <survey>/<wave>/codebook.yaml', () => '<調査>/<調査回>/codebook.yaml を含むデータフォルダー'),
  entry('kind: median (a banded mean needs at most {}% in the open class)', (n) => `kind: median（階級の平均は、上限のない階級が${n}%以下のときだけ出せます）`),
  entry('percent of a class (option:), or a question whose median falls in a bounded class', () => '階級の割合（option:）、または中央値が上限のある階級に入る設問'),
  entry('survey and wave folders named by their ids (rename it, or move it out of the data folder)', () => '調査・調査回のフォルダー名はそのID（名前を変えるか、データフォルダーの外へ移してください）'),
  entry('kind: {} (or provide {})', (kind, file) => `kind: ${kind}（または ${file} を置く）`),
  entry('{} in the wave folder (or kind: microdata with responses.csv)', (file) => `調査回のフォルダーに ${file}（または kind: microdata にして responses.csv を置く）`),
  entry('{} in the wave folder (or kind: tables with tables.csv)', (file) => `調査回のフォルダーに ${file}（または kind: tables にして tables.csv を置く）`),
  entry('{} alone next to codebook.yaml', (file) => `codebook.yaml の隣に ${file} だけ`),
  // generic forms last: they would swallow the specific ones above
  entry('at most {}', (n) => `${n}以下`),
  entry('one of {}', (list) => `${list} のいずれか`),
];

/** Nouns of "repeats the … of …" and "a unique …". */
const NOUNS: Record<string, string> = {
  'question id': '設問ID',
  'derived variable id': '派生変数ID',
  'chapter id': '章ID',
  'universe id': 'universe ID',
  'option code': '選択肢コード',
  'row id': '行ID',
};

/** The columns of a multi-answer question as one: `tools__*`. */
const MULTI = /__\*$/;

/** Computed values (not found in a file, so not verbatim): "13 fields" → 「13列」. By rule. */
const VALUES: Entry[] = [
  entry('{} bytes unpacked', (n) => `展開後 ${n} バイト`),
  entry('{} fields', (n) => `${n}列`, { rule: 'ragged-row' }),
  entry('{} of {} filled', (filled, of) => `${of}列中${filled}列に記入`, { rule: 'multi-partial' }),
  // A routing problem's value is computed only for a multi-answer question (column q__*): any other is the cell as found.
  entry('chose none', () => '選択なし', { rule: 'routing', column: MULTI }),
  entry('chose {}', (codes) => `選択肢 ${codes}`, { rule: 'routing', column: MULTI }),
  entry('chose {}', (codes) => `選択肢 ${codes}`, { rule: 'exclusive-clash' }),
  entry('{} options', (n) => `${n}個`, { rule: 'max-choices' }),
  entry('{} cells', (n) => `${n}セル`, { rule: 'normalised-codes' }),
  entry('{} respondents', (n) => `${n}人`, { rule: 'respondent-count' }),
  entry('{} characters', (n) => `${n}文字`, { rule: 'codebook-size' }),
  entry('{} bytes', (n) => `${n}バイト`, { rule: 'codebook-size' }),
  entry('{} levels', (n) => `${n}階層`, { rule: 'codebook-size' }),
  entry('{} bytes', (n) => `${n}バイト`, { rule: 'encoding' }),
];

/** `message` texts: what is wrong, as a predicate after 「"値" は」 (or with the value placed by `withValue`). */
const MESSAGES: Entry[] = [
  // Excel deliveries (src/server/workbook.ts, src/server/catalog.ts).
  entry('is empty', () => '空のファイルです', { rule: 'workbook' }),
  entry('is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, which cannot be read', () => 'Excel 97–2003 形式（.xls）のブックか、パスワードで保護されたブックのため、読めません'),
  entry('is not an Excel workbook (.xlsx): it is not a ZIP file', () => 'Excel ブック（.xlsx）ではありません（ZIP 形式のファイルではありません）'),
  entry('is a damaged ZIP file: {}', (detail) => `壊れた ZIP ファイルです（${detail}）`),
  entry('is too large to read', () => '大きすぎて読めません'),
  entry('cannot be read as an Excel workbook ({})', (detail) => `Excel ブックとして読めません（${detail}）`),
  entry('has an empty first sheet', () => '最初のシートが空です'),
  entry('changed while the data was being read', () => 'データを読んでいる間に変更されました'),
  entry('was not read ahead of the other files', () => 'ほかのファイルより先に読み込まれていません'),
  entry('is present together with responses.csv', () => 'が responses.csv と両方あります'),
  entry('is the sheet read; the other sheets ({}) are not read', (others) => `を読みました。ほかのシート（${others}）は読んでいません`),
  // responses.csv cells
  entry('is not an option', () => '選択肢にありません'),
  entry('is not 0 or 1', () => '0 でも 1 でもありません'),
  entry('is not a number', () => '数値ではありません'),
  entry('is not a whole number', () => '整数ではありません'),
  entry('is out of range', () => '範囲外です'),
  entry('is blank', () => '空欄です'),
  entry('repeats the id of row {}', (row) => `${row}行目と同じIDです`),
  entry('is not a positive number', () => '正の数ではありません'),
  entry('has some option columns blank and others filled', () => '選択肢の列に空欄と記入済みが混ざっています', { withValue: (v) => `選択肢の列に空欄と記入済みが混ざっています（${v}）` }),
  entry('is answered, but the respondent is outside the question\'s universe "{}"', (u) => `回答がありますが、回答者はこの設問の対象（${universe(u)}）外です`, {
    withValue: (v, u) => `${v} と回答していますが、回答者はこの設問の対象（${universe(u)}）外です`,
  }),
  entry('is blank, but the respondent is in the question\'s universe "{}"', (u) => `空欄ですが、回答者はこの設問の対象（${universe(u)}）です`),
  entry('combines the exclusive option {} ({}) with others', (code, label) => `排他の選択肢 ${code}（${label}）がほかの選択肢と同時に選ばれています`, {
    withValue: (v, code, label) => `排他の選択肢 ${code}（${label}）がほかの選択肢と同時に選ばれています（${v}）`,
  }),
  entry('chose more options than allowed', () => '選べる数より多くの選択肢が選ばれています', { withValue: (v) => `選べる数より多くの選択肢が選ばれています（${v}）` }),
  // responses.csv and tables.csv structure
  entry('is empty', () => '空のファイルです', { rule: 'empty-file' }),
  entry('is empty', () => '空行です', { rule: 'blank-row' }),
  entry('has a quoted field that is never closed', () => '" で始まった項目が閉じられていません'),
  entry('has a malformed quoted field', () => '" の使い方が正しくない項目があります'),
  entry('has the wrong number of fields', () => 'ヘッダーと列の数が違います', { withValue: (v) => `${v}あり、ヘッダーと列の数が違います` }),
  entry('is a value in the last column, which has no header', () => '見出しのない最後の列に値があります'),
  entry('is missing from the header', () => 'ヘッダーにありません'),
  entry('repeats the header of column {}', (n) => `${n}列目と同じ見出しです`),
  entry('is not a column the codebook knows', () => 'コードブックにない列です'),
  entry('does not match survey.n in codebook.yaml', () => '回答者数が codebook.yaml の survey.n と一致しません', { withValue: (v) => `回答者が${v}で、codebook.yaml の survey.n と一致しません` }),
  entry('were read as codes after normalising them as Excel writes them (full-width digits, "5.0", spaces), e.g. {}', (examples) => `Excel の書き方（全角数字、"5.0"、前後の空白）を直してからコードとして読みました（例: ${examples}）`, {
    withValue: (v, examples) => `${v}を、Excel の書き方（全角数字、"5.0"、前後の空白）を直してからコードとして読みました（例: ${examples}）`,
  }),
  entry('appears twice in the header', () => 'ヘッダーに2回あります'),
  entry('is missing, and so is count', () => 'ありません。count 列もありません'),
  entry('is blank, and so is count', () => '空欄で、count も空欄です'),
  entry('is not a tables.csv column', () => 'tables.csv の列ではありません'),
  entry('is not the survey of this codebook', () => 'このコードブックの調査ではありません'),
  entry('is not the wave of this codebook', () => 'このコードブックの調査回ではありません'),
  entry('is a {} question, which has no option table', (kind) => `${KINDS[kind] ?? kind}の設問で、選択肢の表がありません`),
  entry('is not a question of this codebook', () => 'このコードブックの設問ではありません'),
  entry('is not a segment', () => 'セグメントとして正しくありません'),
  entry('is not a positive whole number', () => '正の整数ではありません'),
  entry('is not a percentage', () => '0〜100 の割合ではありません'),
  entry('is not a count within the base', () => 'ベース以内の件数ではありません'),
  entry('differs from the base {} given earlier for the same question, universe and segment (row {})', (base, row) => `同じ設問・universe・セグメントで先に書いたベース${base}（${row}行目）と違います`),
  entry('appears twice for the same question, universe and segment', () => '同じ設問・universe・セグメントに2回あります'),
  // encodings
  entry('is UTF-16 ("Unicode text")', () => 'UTF-16（「Unicode テキスト」）で保存されています'),
  entry('is a ZIP file such as an Excel workbook (.xlsx), not CSV text', () => 'Excel ブック（.xlsx）などの ZIP ファイルで、CSV のテキストではありません'),
  entry('is a binary file, not CSV text (a NUL byte at byte {} of the file)', (n) => `バイナリファイルで、CSV のテキストではありません（ファイルの${n}バイト目に NUL）`),
  entry('is a binary file, not YAML text (a NUL byte at byte {} of the file)', (n) => `バイナリファイルで、YAML のテキストではありません（ファイルの${n}バイト目に NUL）`),
  entry('is neither valid UTF-8 nor valid Shift_JIS (CP932)', () => 'UTF-8 としても Shift_JIS（CP932）としても正しくありません'),
  entry('is not valid UTF-8 (byte {} of the file), and the file holds no Japanese text in Shift_JIS', (n) => `UTF-8 として正しくなく（ファイルの${n}バイト目）、Shift_JIS の日本語も含まれていません`, {
    withValue: (v, n) => `バイト ${v} が UTF-8 として正しくなく（ファイルの${n}バイト目）、Shift_JIS の日本語も含まれていません`,
  }),
  entry('is not valid UTF-8 (byte {} of the file)', (n) => `UTF-8 として正しくありません（ファイルの${n}バイト目）`, { withValue: (v, n) => `バイト ${v} が UTF-8 として正しくありません（ファイルの${n}バイト目）` }),
  entry('starts with a UTF-8 byte-order mark but is not valid UTF-8', () => 'UTF-8 の BOM で始まっていますが、UTF-8 として正しくありません'),
  entry('is too large to read: it decodes to more than {} characters, the longest text JavaScript can hold', (n) => `大きすぎて読めません。JavaScript が扱える最長の${n}文字を超えます`, {
    withValue: (v, n) => `${v}あり、大きすぎて読めません。JavaScript が扱える最長の${n}文字を超えます`,
  }),
  // codebook.yaml: reading and size
  entry('is too large', () => '大きすぎます', { rule: 'codebook-size', withValue: (v) => `${v}あり、大きすぎます` }),
  entry('is nested too deeply', () => '入れ子が深すぎます', { withValue: (v) => `${v}の入れ子で、深すぎます` }),
  entry('is nested too deeply to read (more than {} levels of lists and mappings are refused anyway)', (n) => `入れ子が深すぎて読めません（リストとマッピングの入れ子は${n}階層を超えると受け付けません）`),
  entry('is alias number {}', (n) => `${n}個目のエイリアスです`),
  entry('makes the codebook too large once aliases are expanded ({} characters so far)', (n) => `エイリアスを展開するとコードブックが大きすぎます（ここまでで${n}文字）`),
  entry('is not valid YAML: {}', (detail) => `YAML として正しくありません: ${detail}`),
  entry('cannot be read: {}', (detail) => `読めません: ${detail}`),
  // codebook.yaml: schema
  entry('is missing', () => 'ありません'),
  entry('is not a known field', () => '知られていない項目です'),
  entry('is not allowed', () => '使えない値です'),
  entry('is not a known type', () => '知られていない種類です'),
  entry('is not a valid filter', () => '条件（filter）として正しくありません'),
  entry('is an empty list', () => '空のリストです'),
  entry('is empty', () => '空です'),
  entry('is too small', () => '小さすぎます'),
  entry('is too large', () => '大きすぎます'),
  entry('is too long ({} characters)', (n) => `長すぎます（${n}文字）`),
  entry('has the wrong form', () => '形式が正しくありません'),
  entry('is not valid', () => '正しくありません'),
  // codebook.yaml: cross-references
  entry('is before the start', () => '開始日より前です'),
  entry('is declared but the wave has no weightColumn', () => '指定されていますが、この調査回には weightColumn がありません'),
  entry('is built in and cannot be redefined', () => '組み込みのため定義し直せません'),
  entry('is also a question id', () => '設問IDとしても使われています'),
  entry('repeats the {} of {}', (what, first) => `${first} と同じ${NOUNS[what] ?? what}です`),
  entry('is not a universe of this codebook', () => 'このコードブックの universe にありません'),
  entry('is not a chapter of this codebook', () => 'このコードブックの章にありません'),
  entry('is not an option of this derived variable', () => 'この派生変数の選択肢にありません'),
  entry('is not an option of this question', () => 'この設問の選択肢にありません'),
  entry('is not an option of {} in wave {}', (q, wave) => `調査回 ${wave} の ${q} の選択肢にありません`),
  entry('is not an option code of {}', (q) => `${q} の選択肢コードにありません`),
  entry('is not an option of {}', (q) => `${q} の選択肢にありません`),
  entry('is not a net of {}', (q) => `${q} のネットにありません`),
  entry('is below min', () => 'min より小さい値です'),
  entry('exceeds the number of options', () => '選択肢の数を超えています'),
  entry("makes the grid row's variable id {}__<row> too long ({} characters)", (q, n) => `グリッドの行の変数ID ${q}__<行> が長すぎます（${n}文字）`),
  entry('is not above the lower bound', () => '下限より大きくありません'),
  entry('overlaps or precedes the band before it (options[{}] ends at {})', (k, end) => `前の階級と重なるか、前の階級より前にあります（options[${k}] は${end}で終わります）`),
  entry('is not a question, grid row (question__row) or derived variable of this codebook', () => 'このコードブックの設問・グリッドの行（設問__行）・派生変数にありません'),
  entry('is a {} variable and cannot be filtered with {}', (kind, op) => `${KINDS[kind] ?? kind}の変数なので ${op} では絞り込めません`),
  entry('is given for a wave of published tables only', () => '公表された表だけの調査回に書かれています'),
  entry('{}: a published figure would reveal it', (r) => `${restrictionJa(r)}。公表する数値から非公開の回答が分かってしまいます`),
  entry('{}: the base of a public question would reveal it', (r) => `${restrictionJa(r)}。公開する設問のベースから非公開の回答が分かってしまいます`),
  entry('is a grid; name one of its rows as question__row', () => 'グリッドです。行を 設問__行 の形で指定してください'),
  entry('is not a public question with answers to count', () => '数えられる回答のある公開の設問ではありません'),
  entry('is not a public single-answer variable of this codebook', () => 'このコードブックの公開の単一回答の変数ではありません'),
  entry('names a banner column without by', () => 'by なしでバナーの列を指定しています'),
  entry('needs a banded or numeric question ({} is derived)', (q) => `階級か数値の設問でないと使えません（${q} は派生変数です）`),
  entry('needs a banded or numeric question ({} is {})', (q, type) => `階級か数値の設問でないと使えません（${q} は ${type} です）`),
  entry('has kind {} but neither option nor net', (kind) => `kind が ${kind} ですが、option も net もありません`),
  entry('is given together with option', () => 'option と一緒に指定されています'),
  entry('is not checked yet', () => 'まだ確認されていません'),
  entry('is not allowed: derived variable {} {}', (d, r) => `使えません。派生変数 ${d} は${spaced(restrictionJa(r))}`),
  entry('cannot filter the protected cube (restricted, free text or numeric)', () => '保護された集計キューブの絞り込みには使えません（非公開・自由回答・数値の変数）'),
  entry('is not a variable of this codebook', () => 'このコードブックの変数ではありません'),
  entry('is not a question of this wave', () => 'この調査回の設問にありません'),
  entry('is also linked under crosswalk.questions', () => 'crosswalk.questions でも対応づけられています'),
  entry('depends on itself: {}', (circle) => `自分自身に依存しています: ${circle}`),
  entry('differs from the survey folder name', () => '調査のフォルダー名と違います'),
  entry('differs from the wave folder name', () => '調査回のフォルダー名と違います'),
  entry('is not a wave of survey {}', (s) => `調査 ${s} の調査回にありません`),
  entry('is not a question of wave {}', (wave) => `調査回 ${wave} の設問にありません`),
  entry('does not match the data: the folder has {}, not {}', (has, not) => `データと合いません。フォルダーにあるのは ${not} ではなく ${has} です`),
  entry('needs {} next to codebook.yaml, which is missing', (file) => `codebook.yaml の隣に ${file} が必要ですが、ありません`, { withValue: (v, file) => `${v} では codebook.yaml の隣に ${file} が必要ですが、ありません` }),
  entry('allows only {}, but {} is present too', (only, also) => `${only} だけのはずですが、${also} もあります`, { withValue: (v, only, also) => `${v} では ${only} だけのはずですが、${also} もあります` }),
  entry(
    'the median of {} falls in its open top class 「{}」, so its value would be only the class\'s lower bound',
    (q, label) => `${q} の中央値は上限のない最上位の階級「${label}」に入るため、その値は階級の下限でしかありません`,
    { withValue: (v, q, label) => `${v} は使えません。${q} の中央値は上限のない最上位の階級「${label}」に入るため、その値は階級の下限でしかありません` },
  ),
  entry(
    '{}% of the answers to {} are in its open top class 「{}」, so the mean rests on the value assumed for that class',
    (share, q, label) => `${q} の回答の${share}% が上限のない最上位の階級「${label}」にあり、平均がその階級に仮定した値に左右されます`,
    { withValue: (v, share, q, label) => `${v} は使えません。${q} の回答の${share}% が上限のない最上位の階級「${label}」にあり、平均がその階級に仮定した値に左右されます` },
  ),
  entry('is a folder whose name starts with "." and is not read', () => '名前が "." で始まるフォルダーのため読み込まれません'),
  entry('does not exist', () => 'ありません'),
  // a codebook refinement or format message passed through (schema-errors.ts `custom`)
  entry('is not allowed: {}', (detail) => `使えません: ${translateSchemaError(detail)}`),
  // a type mismatch last: "is a list", "is text" (schema-errors.ts `typeName`)
  entry('is {}', (type) => `${typeJa(type)}です`, { rule: 'codebook-type' }),
];

/** Kinds of variables and questions as messages name them. */
const KINDS: Record<string, string> = { coded: '単一回答', multi: '複数回答', numeric: '数値', text: '自由回答' };

function translateSchemaError(text: string): string {
  const found = lookup(SCHEMA_ERRORS, text);
  return found ? found.entry.ja(...found.parts) : text;
}

/** The hint of a message naming an unknown name (schema-errors.ts `didYouMean`). */
const DID_YOU_MEAN = / — did you mean "(.*)"\?$/s;

/** A message in Japanese, with the value (already quoted or translated) placed in it; undefined when no entry matches. */
export function messageJa(message: string, rule: string, value?: string): string | undefined {
  const hint = DID_YOU_MEAN.exec(message);
  const bare = hint ? message.slice(0, hint.index) : message;
  const found = lookup(MESSAGES, bare, rule);
  if (!found) return undefined;
  const { entry: e, parts } = found;
  const text = value === undefined ? e.ja(...parts) : e.withValue ? e.withValue(value, ...parts) : `${value} は${spaced(e.ja(...parts))}`;
  return hint ? `${text}（もしかして: ${hint[1]}）` : text;
}

/** An expectation in Japanese; undefined when no entry matches. */
export function expectedJa(expected: string): string | undefined {
  if (!/[A-Za-z]/.test(expected)) return expected; // codes, ranges and lists of numbers read the same
  const type = /^(?:an? )?(mapping of fields|list|text|number|true or false)$/.exec(expected);
  if (type) return TYPES[type[1]];
  const found = lookup(EXPECTED, expected);
  if (found) return found.entry.ja(...found.parts);
  // Names as they are: a folder's survey id, the universes of a tables.csv (`all, doing_cs`).
  return /^[\w./=-]+(?:, [\w./=-]+)*$/.test(expected) ? expected : undefined;
}

/** A computed value (`"13 fields"`, `"chose 1, 9"`) in Japanese; undefined for a value found in a file (shown verbatim). */
export function valueJa(value: string, rule: string, column?: string): string | undefined {
  const found = lookup(VALUES, value, rule, column);
  return found ? found.entry.ja(...found.parts) : undefined;
}
