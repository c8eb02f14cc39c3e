import { z } from 'zod';

/**
 * The item-bank format (shape only; check-measure-definition.ts checks how the parts fit together).
 * Organisations write these by hand, so every object is strict: a misspelt field name is an error
 * naming the field, never a silently ignored setting.
 */
export const measureDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  version: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  licence: z.strictObject({
    name: z.string().min(1),
    textMayBeShipped: z.boolean(),
    attribution: z.string().min(1),
    url: z.url().optional(),
    // Who holds the licence to use the wording, when an organisation supplied it.
    licensee: z.string().min(1).optional(),
  }),
  // false for an organisation's own questions: their scores describe, they do not diagnose.
  validated: z.boolean(),
  references: z.array(z.string().min(1)).default([]),
  recallPeriod: z.record(z.string(), z.string().min(1)).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "en"')),
  stem: z.record(z.string(), z.string().min(1)).optional(),
  options: z.array(z.lazy(() => answerOptionSchema)).min(2).optional(),
  items: z.array(z.lazy(() => itemSchema)).min(1),
  scoring: z.lazy(() => scoringSchema),
});

export const answerOptionSchema = z.strictObject({
  value: z.number().int(),
  label: z.record(z.string(), z.string().min(1)).optional(),
  synonyms: z.record(z.string(), z.array(z.string().min(1))).optional(),
});

export const itemSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, "-" and "_"'),
  text: z.record(z.string(), z.string().min(1)).optional(),
  options: z.array(answerOptionSchema).min(2).optional(),
  reverseKeyed: z.boolean().default(false),
  optional: z.boolean().default(false),
  /**
   * The same question as an item of another measure (PHQ-4's q1 is GAD-7's q1): a programme asking
   * both asks it once and scores both from the one answer. Allowed only when the wording, options
   * and recall period are identical (check-shared-items.ts); text and options left out are taken
   * from that item, which is how an organisation composes a bespoke measure from bank items.
   */
  sameAs: z.strictObject({ measure: z.string().min(1), item: z.string().min(1) }).optional(),
  // Compared with the answer as given (before reverse keying): the value a person chose.
  risk: z.strictObject({ atOrAbove: z.number().int(), label: z.string().min(1) }).optional(),
});

export const bandSchema = z.strictObject({ min: z.number(), max: z.number(), label: z.string().min(1) });

export const subscaleSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  items: z.array(z.string()).min(1),
  higherIsBetter: z.boolean().optional(),
  positiveAt: z.number().optional(),
  bands: z.array(bandSchema).min(1).optional(),
});

export const scoringSchema = z.strictObject({
  method: z.enum(['sum', 'prorated-sum', 'conversion-table', 'none']),
  // Which items count towards the total; all of them when absent.
  items: z.array(z.string()).min(1).optional(),
  higherIsBetter: z.boolean(),
  missing: z.strictObject({ maxMissing: z.number().int().min(0) }).default({ maxMissing: 0 }),
  conversion: z
    .strictObject({
      name: z.string().min(1),
      table: z.array(z.strictObject({ raw: z.number().int(), score: z.number() })).min(1),
    })
    .optional(),
  bands: z.array(bandSchema).min(1).optional(),
  cutoff: z.strictObject({ atOrAbove: z.number(), label: z.string().min(1) }).optional(),
  subscales: z.array(subscaleSchema).default([]),
  reliableChange: z.strictObject({ threshold: z.number().positive(), source: z.string().min(1) }).optional(),
  // Instruments such as EQ-5D-5L are reported as a profile of levels ("11213"), not a sum.
  profile: z.boolean().default(false),
});

export type MeasureDefinition = z.output<typeof measureDefinitionSchema>;
export type AnswerOptionDefinition = z.output<typeof answerOptionSchema>;
export type ItemDefinition = z.output<typeof itemSchema>;
export type ScoringDefinition = z.output<typeof scoringSchema>;
export type Band = z.output<typeof bandSchema>;
export type SubscaleDefinition = z.output<typeof subscaleSchema>;
