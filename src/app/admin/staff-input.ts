import { z } from 'zod';
import { normalisePhoneNumber } from '../../domain/messaging/phone-number.js';

/** The fields an admin gives for a staff member, shared by adding and filtering. */
export const staffRoleSchema = z.enum(['worker', 'manager', 'admin', 'analyst'], { error: 'must be worker, manager, admin or analyst' });

export const staffTeamSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be 40 characters or fewer')
  .refine((team) => !controlCharacters.test(team), 'must not contain control characters');

export const staffNameSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(80, 'must be 80 characters or fewer')
  .refine((name) => !controlCharacters.test(name), 'must not contain control characters');

/** To E.164, or the normaliser's plain-words reason (it never echoes more than the number typed). */
export const staffPhoneSchema = z.string({ error: 'is required' }).transform((text, ctx) => {
  const result = normalisePhoneNumber(text);
  if (result.ok) return result.e164;
  ctx.addIssue({ code: 'custom', message: result.reason });
  return z.NEVER;
});

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/;
