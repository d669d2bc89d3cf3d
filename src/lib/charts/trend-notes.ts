/**
 * What a trend says about its waves besides the numbers (issue 12): each wave's own source, and
 * the wording that changed between waves.
 */
/**
 * The sources of a trend: each wave cited by its own report ("2022年：…／2023年：…"), or null
 * when the trend does not know its waves' reports (issue 12: earlier waves were cited with the
 * latest report's citation). `strip` removes a leading 「出典：」.
 */
export function trendSources(table: { waveInfo?: { wave: string; citation: string }[]; waves: string[] }, strip: (citation: string) => string = (c) => c): string | null {
  const info = table.waveInfo?.filter((w) => table.waves.includes(w.wave));
  if (!info || info.length === 0) return null;
  const distinct = new Set(info.map((w) => strip(w.citation)));
  if (distinct.size === 1) return [...distinct][0];
  return info.map((w) => `${w.wave}年：${strip(w.citation)}`).join('／');
}

/**
 * Notes on wording that changed between the waves of a trend (issue 12): an option whose label
 * differs from the latest wave's, and a question worded differently — the reader should know
 * the series joins answers to differently worded questions.
 */
export function wordingNotes(table: { waveInfo?: Array<{ wave: string; text: string; labels: Record<number, string> }>; waves: string[]; points: Array<{ option: number; label: string }> }): string[] {
  const info = table.waveInfo?.filter((w) => table.waves.includes(w.wave));
  if (!info || info.length < 2) return [];
  const latest = info[info.length - 1];
  const notes: string[] = [];
  const reworded = info.filter((w) => w.text !== latest.text);
  if (reworded.length > 0) notes.push(`設問文は調査回で異なります（${reworded.map((w) => `${w.wave}年：「${w.text}」`).join('、')}。最新は「${latest.text}」）。`);
  const options = [...new Map(table.points.map((p) => [p.option, p.label])).entries()];
  for (const [option, label] of options) {
    const other = info.filter((w) => w.labels[option] !== undefined && w.labels[option] !== (latest.labels[option] ?? label));
    if (other.length > 0) notes.push(`選択肢「${latest.labels[option] ?? label}」は調査回で表記が異なります（${other.map((w) => `${w.wave}年：「${w.labels[option]}」`).join('、')}）。`);
  }
  return notes;
}
