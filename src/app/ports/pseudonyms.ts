/** Pseudonyms for exports (adapters/crypto/export-pseudonyms.ts): keyed hashes of a person's id. */
export interface Pseudonyms {
  /** A fresh random key: the same person has one pseudonym within this export and another in the next. */
  forOneExport(): (personId: string) => string;
  /** The organisation's export key (an HKDF subkey of APP_ENCRYPTION_KEY): the same pseudonym in every export, so exports can be linked over time. */
  stable(): (personId: string) => string;
}
