/**
 * Replaces anything that could be a phone number (seven or more digits, however spaced or
 * punctuated, with or without + or whatsapp:) by "[number]", for texts kept or shown after the
 * number itself has been dealt with. Generous on purpose: a date or a long reference masked by
 * mistake costs nothing, a number kept in clear defeats its encryption.
 */
export function maskPhoneNumbers(text: string): string {
  return text.replace(/(?:whatsapp:)?\+?\(?\d(?:[\s\-.()]{0,3}\d){6,}/gi, '[number]');
}
