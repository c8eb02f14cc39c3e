import { describeExpectedAnswer } from '../measures/describe-expected-answer.js';
import type { MeasureItem } from '../measures/measure.js';
import { responseFormat } from '../measures/response-format.js';

/**
 * Every sentence the questionnaire says apart from the items themselves, in one place so that
 * wording can be reviewed (and one day templated) without reading the state machine.
 */
export const questionnaireWording = {
  reminderPrefix: 'Just a reminder:',
  movingOnPrefix: "Let's move on.",
  noEarlierQuestionPrefix: "This is the first question, so there's nothing to go back to.",
  later: "No problem. I'll send you a reminder later, or reply any time to carry on where you left off.",
  defaultSignposting:
    'If you are struggling or feel unsafe, please talk to someone now: Samaritans 116 123 (free, 24/7), NHS 111, ' +
    'or 999 in an emergency. Your worker will be in touch.',

  reprompt(reason: string, item: MeasureItem, language: string): string {
    const options = describeOptions(item, language);
    return options === '' ? reason : `${reason}\n${options}`;
  },

  /** A picture, voice note or file with no text: what can be read, then what the question expects. */
  mediaOnly(item: MeasureItem, language: string): string {
    return questionnaireWording.reprompt(`Sorry, I can only read text replies. Please reply with ${describeExpectedAnswer(item)}.`, item, language);
  },

  help(item: MeasureItem, canGoBack: boolean): string {
    const example = item.options[0]?.value ?? 1;
    const commands = [
      canGoBack ? 'BACK to change your last answer' : '',
      item.optional ? 'SKIP to leave this question out' : '',
      'LATER to carry on another time',
    ].filter((command) => command !== '');
    return (
      `To answer, reply with just the number of your answer, e.g. ${example}. ` +
      `You can also reply ${commands.join(', ')}, or STOP to stop these messages.`
    );
  },

  pausedInvalid(item: MeasureItem): string {
    return (
      "Sorry, I still couldn't tell which answer you meant, so I've let your worker know and they may get in touch. " +
      `You can reply with ${describeExpectedAnswer(item)} at any time to carry on.`
    );
  },

  thanks(nextCheckIn: string | undefined): string {
    const next = nextCheckIn === undefined ? '' : ` I'll check in with you again around ${nextCheckIn}.`;
    return `Thank you, that's all the questions for now.${next}`;
  },

  progress(previous: number, now: number): string {
    if (previous === now) return `Your score is ${shown(now)}, the same as last time.`;
    return `Your score went from ${shown(previous)} to ${shown(now)}.`;
  },
};

// The options on their own line, so a re-prompt shows the choices without repeating the question.
function describeOptions(item: MeasureItem, language: string): string {
  const format = responseFormat(item, language);
  const skip = item.optional ? ', or SKIP' : '';
  if (!format) return '';
  if (format.kind === 'range') return `${format.from.value} (${format.from.label}) to ${format.to.value} (${format.to.label})${skip}`;
  return `${format.options.map((option) => `${option.value} ${option.label}`).join(', ')}${skip}`;
}

// Prorated totals can have decimals (21.11); one place is plenty for a person reading a text.
function shown(score: number): string {
  return String(Math.round(score * 10) / 10);
}
