/**
 * Record keys of the cell key method (docs/statistics.md, "Protected cube"): each respondent's key
 * is HMAC-SHA256(secret, "<survey>/<wave>/<respondent id>") cut to 24 bits, so keys are stable
 * across rebuilds of the same data and unpredictable without the secret. The secret is read at
 * build time only and never written to the output:
 *   1. the environment variable HAKUSHO_CELL_KEY_SECRET, else
 *   2. the file `<data folder>/.cellkey-secret` (git-ignored; data/ is never published), else
 *   3. synthetic sample waves only: a fixed public key, with a warning (the samples are not real
 *      people); a wave of real data without a secret fails the build (fail closed).
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../lib/dataset/types.ts';
import { KEY_BITS } from '../lib/cube/ptable.ts';
import { dataRoot } from './catalog.ts';

export const SECRET_ENV = 'HAKUSHO_CELL_KEY_SECRET';
export const SECRET_FILE = '.cellkey-secret';
/** Used for synthetic sample data only, when no secret is configured. */
const SAMPLE_SECRET = 'hakusho-synthetic-sample-data-public-key';

export interface CellKeySecret {
  secret: string;
  source: 'env' | 'file' | 'sample';
}

/** The secret, or null when none is configured. */
export function configuredSecret(root = dataRoot()): CellKeySecret | null {
  const env = process.env[SECRET_ENV];
  if (env && env.trim().length > 0) return { secret: env.trim(), source: 'env' };
  const file = join(root, SECRET_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length > 0) return { secret: text, source: 'file' };
  }
  return null;
}

const warned = new Set<string>();

/** The secret for a wave; throws for real data without one. Warns once per wave for samples. */
export function secretFor(dataset: Dataset, root = dataRoot()): CellKeySecret {
  const found = configuredSecret(root);
  if (found) return found;
  const { id, wave, synthetic } = dataset.codebook.survey;
  if (!synthetic) {
    throw new Error(
      `${id}/${wave}: 集計値公開モード（publish: aggregates）の調査には撹乱用の秘密鍵が必要です。環境変数 ${SECRET_ENV} か ${join(root, SECRET_FILE)} に、推測できない文字列（32文字以上）を設定してください。`,
    );
  }
  if (!warned.has(`${id}/${wave}`)) {
    warned.add(`${id}/${wave}`);
    console.warn(`[cube] ${id}/${wave}: 秘密鍵（${SECRET_ENV} または ${join(root, SECRET_FILE)}）が未設定のため、合成サンプルデータ用の公開鍵でレコードキーを作ります。実データでは必ず秘密鍵を設定してください。`);
  }
  return { secret: SAMPLE_SECRET, source: 'sample' };
}

/** Record keys (integers in [0, 2^24)) of a dataset's respondents, in row order. */
export function recordKeys(dataset: Dataset, secret: CellKeySecret): Float64Array {
  const { id, wave } = dataset.codebook.survey;
  const keys = new Float64Array(dataset.n);
  dataset.ids.forEach((rid, i) => {
    const digest = createHmac('sha256', secret.secret).update(`${id}/${wave}/${rid}`).digest();
    keys[i] = digest.readUIntBE(0, KEY_BITS / 8);
  });
  return keys;
}
