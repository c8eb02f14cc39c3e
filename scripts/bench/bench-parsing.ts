import { loadMeasures } from '../../src/domain/measures/load-measures.js';
import { parseReply } from '../../src/domain/measures/parse-reply.js';
import { scoreMeasure } from '../../src/domain/measures/score-measure.js';

const replies = [' 3. ', '3!!', '3 thanks', '3️⃣', 'three', 'several days', 'Not at all', 'nearly everyday', 'more then half the days',
  '2 or 3', 'banana', 'no idea', 'STOP', 'back', 'LATER', 'help', 'i would say most days to be honest', '🙂', '0', '1'];

/** Replies parsed per second and scores computed per second, single-threaded, after a warm-up. */
export function benchParsing(): void {
  const measures = loadMeasures();
  const phq9 = measures.get('phq9');
  const item = phq9?.items[0];
  if (!phq9 || !item) throw new Error('phq9 is not loaded');
  const rounds = 20_000;
  for (let i = 0; i < 2000; i++) parseReply(replies[i % replies.length] ?? '', item);
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  for (let i = 0; i < rounds * replies.length; i++) parseReply(replies[i % replies.length] ?? '', item);
  const parseMs = performance.now() - started;
  const answers = Object.fromEntries(phq9.items.map((it, i) => [it.id, i % 4]));
  started = performance.now();
  for (let i = 0; i < rounds * 5; i++) scoreMeasure(phq9, answers);
  const scoreMs = performance.now() - started;
  const parses = rounds * replies.length;
  console.log(`parse-reply: ${parses} replies in ${parseMs.toFixed(0)} ms = ${Math.round(parses / (parseMs / 1000)).toLocaleString('en-GB')} replies/s (${((parseMs * 1000) / parses).toFixed(2)} µs each)`);
  console.log(`score-measure (PHQ-9): ${rounds * 5} scores in ${scoreMs.toFixed(0)} ms = ${Math.round((rounds * 5) / (scoreMs / 1000)).toLocaleString('en-GB')} scores/s`);
  console.log(`heap growth over the parsing run: ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB (garbage, not retained)`);
}
