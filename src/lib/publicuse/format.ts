/**
 * The public-use file format (`.hkpu`), version 2. One binary file per survey wave:
 *
 * ```
 * offset 0   4 bytes   magic "HKPU"
 * offset 4   u32 LE    format version (2)
 * offset 8   u32 LE    header length H in bytes
 * offset 12  u32 LE    CRC-32 (crc32.ts) of every byte from offset 16 to the end of the file
 * offset 16  H bytes   header: UTF-8 JSON, `PublicUseHeader` below
 * then       padding to a multiple of 8, then the column blocks; each block starts at a multiple
 *            of 8 bytes from the start of the data section, at `offset` given in the header.
 * ```
 * Version 2 added the checksum (version 1 had a 12-byte preamble and none). A reader checks the
 * checksum, then every block's length against `n` and the file's length, before it allocates
 * anything from what the header claims (decode.ts).
 * Column encodings: `u8` = answer position + 1 (0 = no answer), `i16` = answer position (-1 = no
 * answer) little-endian, `f32` / `f64` little-endian floats (NaN = no answer), `bits` = bitsets as
 * little-endian u32 words (bit i of word i >>> 5 is row i). Rows are in a shuffled order; there is
 * no id column and no free text.
 */
// zod/mini: the decoder runs in the browser, where the full zod would weigh ten times more.
import * as z from 'zod/mini';

export const MAGIC = 'HKPU';
export const VERSION = 2;
/** Bytes before the header: magic, version, header length, checksum. */
export const PREAMBLE = 16;

/** Where a column's bytes lie in the data section. */
const Block = z.strictObject({
  /** Byte offset from the start of the data section (multiple of 8). */
  offset: z.int().check(z.minimum(0)),
  /** Byte length. */
  length: z.int().check(z.minimum(0)),
});

/** An option as the engine needs it (same fields as the codebook's Option). */
const OptionShape = z.record(z.string(), z.unknown());

const CodedColumn = z.strictObject({
  kind: z.literal('coded'),
  /** Variable id (question, `grid__row` or derived). */
  id: z.string(),
  label: z.string(),
  /** Options in display order; stored answers are positions in this list. */
  options: z.array(OptionShape),
  /** `u8` when at most 255 options, else `i16`. */
  encoding: z.enum(['u8', 'i16']),
  block: Block,
});

const MultiColumn = z.strictObject({
  kind: z.literal('multi'),
  id: z.string(),
  label: z.string(),
  options: z.array(OptionShape),
  /** One bitset per option (same order), then the "answered at all" bitset, each `words` × 4 bytes. */
  encoding: z.literal('bits'),
  block: Block,
});

const NumericColumn = z.strictObject({
  kind: z.literal('numeric'),
  id: z.string(),
  label: z.string(),
  /** `f32` when every value survives single precision exactly, else `f64`. */
  encoding: z.enum(['f32', 'f64']),
  block: Block,
});

export const Column = z.discriminatedUnion('kind', [CodedColumn, MultiColumn, NumericColumn]);
export type Column = z.infer<typeof Column>;

export const PublicUseHeader = z.strictObject({
  /** Always `hakusho-public-use`. */
  format: z.literal('hakusho-public-use'),
  version: z.literal(VERSION),
  /** Respondents (rows). */
  n: z.int().check(z.minimum(0)),
  /** The public part of the codebook (see publicity.ts). */
  codebook: z.record(z.string(), z.unknown()),
  /** Weights as f64, or null when the wave is unweighted. */
  weights: z.nullable(Block),
  /** Every universe the file carries, as a bitset. */
  universes: z.array(z.strictObject({ id: z.string(), block: Block })),
  columns: z.array(Column),
});
export type PublicUseHeader = z.infer<typeof PublicUseHeader>;
