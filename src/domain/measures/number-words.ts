/**
 * Number words people text instead of digits, with the slips of them that are not words in their
 * own right ("fiv", "eigth"). Homophones that are words ("won", "to", "too", "for", "ate") are left
 * out on purpose: read as numbers they would be guesses, and asking again costs one text.
 */
export const numberWords: ReadonlyMap<string, number> = new Map<string, number>([
  ['zero', 0], ['nought', 0], ['naught', 0], ['nil', 0],
  ['one', 1], ['two', 2], ['three', 3], ['thre', 3], ['threee', 3], ['four', 4], ['fuor', 4], ['five', 5], ['fiv', 5],
  ['six', 6], ['seven', 7], ['sevn', 7], ['sevan', 7], ['eight', 8], ['eigth', 8], ['eigt', 8], ['nine', 9], ['nien', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
]);
