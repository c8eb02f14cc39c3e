import { z } from 'zod';

/**
 * An organisation's licensed wording for a skeleton (SWEMWBS, EQ-5D-5L...): one file per measure
 * and language, keyed by the skeleton's item ids and option values so it cannot change the scoring.
 */
export const licensedWordingSchema = z.strictObject({
  measure: z.string().min(1),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "en"'),
  licensee: z.string().min(1),
  stem: z.string().min(1).optional(),
  recallPeriod: z.string().min(1).optional(),
  // Shared by every item unless an item lists its own.
  options: z.array(z.lazy(() => wordingOptionSchema)).min(1).optional(),
  items: z.record(
    z.string(),
    z.strictObject({ text: z.string().min(1), options: z.array(z.lazy(() => wordingOptionSchema)).min(1).optional() }),
  ),
});

export const wordingOptionSchema = z.strictObject({
  value: z.number().int(),
  label: z.string().min(1),
  synonyms: z.array(z.string().min(1)).optional(),
});

export type LicensedWording = z.output<typeof licensedWordingSchema>;
export type WordingOption = z.output<typeof wordingOptionSchema>;
