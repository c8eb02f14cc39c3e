// jstat ships no types; only the part promptly uses is declared.
declare module 'jstat' {
  export const jStat: {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  };
}
