/**
 * The GSM 03.38 default alphabet. Text made only of these characters travels as 7-bit GSM
 * (160 per single SMS); one character outside it turns the whole message into UCS-2 (70 per SMS).
 */
export const gsm7Alphabet = {
  // The basic table without ESC (0x1B), which only introduces extension characters.
  basic: new Set(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
  // The extension table: each costs two septets (ESC + the character).
  extension: new Set('\f^{}\\[~]|€'),
} as const;

export function isGsm7Character(character: string): boolean {
  return gsm7Alphabet.basic.has(character) || gsm7Alphabet.extension.has(character);
}
