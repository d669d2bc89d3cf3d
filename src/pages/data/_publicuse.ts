/**
 * Build-time bridge from the catalog of survey waves to the explorer: which waves publish
 * public-use rows (`publish: microdata`) and which a protected cube (`publish: aggregates`, the
 * default), where their files live, their bytes (encoded once per build), the published tables of
 * aggregate-only waves (for comparisons), and the explorer catalog.
 * (A leading underscore keeps Astro from treating this module as a route.)
 */
import { loadCatalog, type CatalogWave as LoadedWave } from '../../server/catalog.ts';
import type { Codebook } from '../../lib/dataset/codebook.ts';
import type { Dataset, PublishedTable } from '../../lib/dataset/types.ts';
import { encodePublicUse } from '../../lib/publicuse/encode.ts';
import { decodePublicUse } from '../../lib/publicuse/decode.ts';
import { isPublicVariable, publicCodebook } from '../../lib/publicuse/publicity.ts';
import { catalogWave, type CatalogCube, type CatalogWave, type ExploreCatalog, type HistoryWave } from '../../lib/explore/catalog.ts';
import { cubePlan } from '../../lib/cube/plan.ts';
import { disclosureRisk } from '../../lib/publicuse/risk.ts';
import { defaultStatsOptions } from '../../lib/stats/options.ts';
import { cubeFiles, cubeTablesOf } from '../../server/cube.ts';
export { cubeFiles, cubeTablesOf };

type MicrodataWave = LoadedWave & { dataset: Dataset };
type TablesWave = LoadedWave & { tables: PublishedTable[] };

/** Waves with microdata: only these can be explored (aggregate-only waves cannot be filtered). */
export function exploredWaves(): MicrodataWave[] {
  return loadCatalog().waves.filter((w): w is MicrodataWave => w.dataset !== undefined);
}

/** Waves whose editor opted in to public-use rows (`publish: microdata`). */
export function microdataWaves(): MicrodataWave[] {
  return exploredWaves().filter((w) => w.codebook.survey.publish === 'microdata');
}

/** Waves published as a protected cube (`publish: aggregates`, the default). */
export function aggregatesWaves(): MicrodataWave[] {
  return exploredWaves().filter((w) => w.codebook.survey.publish === 'aggregates');
}

/** Site folder of a wave's cube files (`<question>.bin`). */
export function cubePath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/cube/`;
}

/** The cube file of one question (a copy: the build keeps the cube's bytes). */
export function cubeBytes(wave: MicrodataWave, question: string): Uint8Array<ArrayBuffer> {
  const bytes = cubeFiles(wave).files.get(question);
  if (!bytes) throw new Error(`cube: no question "${question}" in ${wave.survey}/${wave.wave}`);
  return bytes.slice();
}

/** Waves known only from published tables. */
export function tablesWaves(): TablesWave[] {
  return loadCatalog().waves.filter((w): w is TablesWave => w.dataset === undefined && w.tables !== undefined);
}

/** Site path of a wave's public-use file. */
export function publicUsePath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/public-use.bin`;
}

/** Site path of an aggregate-only wave's published tables. */
export function tablesPath(survey: string, wave: string): string {
  return `/data/${survey}/${wave}/tables.json`;
}

const encoded = new Map<string, Uint8Array<ArrayBuffer>>();

/** The public-use bytes of a wave (memoised for the build). */
export function publicUseBytes(wave: MicrodataWave): Uint8Array<ArrayBuffer> {
  const key = `${wave.survey}/${wave.wave}`;
  let bytes = encoded.get(key);
  if (!bytes) {
    if (wave.codebook.survey.publish !== 'microdata') throw new Error(`${key}: publish: aggregates — no public-use rows may be written`);
    bytes = encodePublicUse(wave.dataset);
    encoded.set(key, bytes);
    const risk = disclosureRisk(decodePublicUse(bytes));
    console.log(
      `\n[public-use] ${key}: publish: microdata — 回答者の行を公開します。公開する選択式の設問 ${risk.variables} 項目の組み合わせで、${risk.rows} 行のうち ${risk.sampleUnique} 行が標本一意、最小の k は ${risk.smallestK} です。`,
    );
  }
  return bytes;
}

/** A wave's public-use data decoded again: what the CSV and data package are written from. */
export function publicDataset(wave: MicrodataWave): Dataset {
  return decodePublicUse(publicUseBytes(wave));
}

/** The public part of an aggregate-only wave: public codebook and the tables of public questions. */
export function publicTables(wave: TablesWave): { codebook: Codebook; tables: PublishedTable[] } {
  return { codebook: publicCodebook(wave.codebook), tables: wave.tables.filter((t) => isPublicVariable(wave.codebook, t.question)) };
}

/** Where the explorer finds a wave's data: public-use rows, a cube, or published tables. */
function dataUrlOf(wave: LoadedWave): string {
  if (!wave.dataset) return tablesPath(wave.survey, wave.wave);
  return wave.codebook.survey.publish === 'microdata' ? publicUsePath(wave.survey, wave.wave) : cubePath(wave.survey, wave.wave);
}

/** Earlier waves reachable from a wave through crosswalks, oldest first. */
export function history(wave: LoadedWave): HistoryWave[] {
  const catalog = loadCatalog();
  const out: HistoryWave[] = [];
  const seen = new Set<string>([wave.wave]);
  let at: LoadedWave | undefined = wave;
  while (at?.codebook.crosswalk && !seen.has(at.codebook.crosswalk.wave)) {
    const previous = catalog.get(wave.survey, at.codebook.crosswalk.wave);
    if (!previous) break;
    seen.add(previous.wave);
    const rows = previous.dataset && previous.codebook.survey.publish === 'microdata';
    const cube = previous.dataset && !rows ? { cube: cubePath(previous.survey, previous.wave) } : {};
    out.unshift(rows ? { wave: previous.wave, kind: 'microdata', url: publicUsePath(previous.survey, previous.wave) } : { wave: previous.wave, kind: 'tables', url: tablesPath(previous.survey, previous.wave), ...cube });
    at = previous;
  }
  return out;
}

/** What the explorer pages embed: every wave's public variables and data URLs (published-table waves too). */
export function exploreCatalog(): ExploreCatalog {
  // The earlier wave's public codebook: a question of the same id links by default (crosswalkLink).
  const earlier = (w: LoadedWave) => {
    const cw = w.codebook.crosswalk;
    const previous = cw ? loadCatalog().get(w.survey, cw.wave) : undefined;
    return previous ? publicCodebook(previous.codebook) : undefined;
  };
  const printed = tablesWaves().map((w) => {
    const { codebook, tables } = publicTables(w);
    const printed: Record<string, string[]> = {};
    for (const t of tables.filter((x) => x.segment === 'total')) (printed[t.question] ??= []).includes(t.universe) || printed[t.question].push(t.universe);
    return { w, entry: catalogWave(codebook, dataUrlOf(w), history(w), undefined, printed, earlier(w)) };
  });
  const all: CatalogWave[] = [...exploredWaves().map((w) => {
      const codebook = publicCodebook(w.codebook);
      const cube: CatalogCube | undefined =
        w.codebook.survey.publish === 'aggregates'
          ? {
              filters: cubePlan(codebook).filterVariables.map((f) => ({ id: f.id, nets: f.nets.map((n) => ({ id: n.id, label: n.label, codes: [...n.codes].sort((a, b) => a - b) })) })),
              perturbation: w.codebook.cube.perturbation,
              suppressBase: defaultStatsOptions.suppressBase,
              tablesUrl: tablesPath(w.survey, w.wave),
            }
          : undefined;
      return catalogWave(codebook, dataUrlOf(w), history(w), cube, undefined, earlier(w));
    }), ...printed.map((p) => p.entry)];
  // Surveys in the order of their first wave; within a survey, waves by id.
  const surveys = [...new Set(all.map((w) => w.survey))];
  return { waves: surveys.flatMap((s) => all.filter((w) => w.survey === s).sort((a, b) => a.wave.localeCompare(b.wave))) };
}
