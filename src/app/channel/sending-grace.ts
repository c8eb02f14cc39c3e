/** How long (real time) a send attempt may sit unfinished before it is presumed interrupted by a crash. */
export const sendingGraceMs = 60_000;
