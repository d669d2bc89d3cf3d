/** Public-use files: the compact, privacy-safe encoding of a survey wave the explorer loads. */
export { encodePublicUse, defaultSeed, type EncodeOptions } from './encode.ts';
export { decodePublicUse, readHeader, PublicUseError } from './decode.ts';
export { publicCodebook, isPublicVariable, publicUniverseIds } from './publicity.ts';
export { PublicUseHeader, MAGIC, VERSION, PREAMBLE } from './format.ts';
export { crc32 } from './crc32.ts';
