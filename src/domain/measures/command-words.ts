/**
 * The words of a (normalised) reply as a command reader sees them: letters only, a spelt-out word
 * joined up again ("s t o p", "s.t.o.p" and "S-T-O-P" are "stop"), and politeness ("please",
 * "thanks") dropped at either end.
 */
export function commandWords(text: string): string[] {
  const words = joinSpeltOut(text.split(/[^\p{L}]+/u).filter((word) => word !== ''));
  while (words.length > 0 && politeness.has(words[0] ?? '')) words.shift();
  while (words.length > 0 && politeness.has(words[words.length - 1] ?? '')) words.pop();
  return words;
}

const politeness = new Set(['please', 'pls', 'plz', 'thanks', 'thank', 'you', 'thx', 'ty', 'cheers', 'sorry']);

// Two or more one-letter words in a row are a word spelt out: ordinary sentences rarely have them
// ("I" and "a" stand alone), and joining them can only make a command out of a keyword's letters.
function joinSpeltOut(words: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') joined.push(run);
    run = '';
  };
  for (const word of words) {
    if ([...word].length === 1) {
      run += word;
    } else {
      flush();
      joined.push(word);
    }
  }
  flush();
  return joined;
}
