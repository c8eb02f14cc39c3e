import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import { shippedItem } from './shipped-measure.js';

const commands: [string, string][] = [
  ['STOP', 'STOP'], ['stop', 'STOP'], ['Stop.', 'STOP'], ['STOP!', 'STOP'], [' stop ', 'STOP'], ['stop please', 'STOP'],
  ['please stop', 'STOP'], ['Stop texting me', 'STOP'], ['STOPALL', 'STOP'], ['unsubscribe', 'STOP'], ['Unsubscribe me', 'STOP'],
  ['CANCEL', 'STOP'], ['cancel', 'STOP'], ['END', 'STOP'], ['end', 'STOP'], ['QUIT', 'STOP'], ['quit', 'STOP'],
  ['START', 'START'], ['start', 'START'], ['UNSTOP', 'START'], ['unstop', 'START'],
  ['BACK', 'BACK'], ['back', 'BACK'], ['go back', 'BACK'], ['Back please', 'BACK'], ['undo', 'BACK'],
  ['HELP', 'HELP'], ['help', 'HELP'], ['help me', 'HELP'], ['Help!', 'HELP'], ['?', 'HELP'], ['??', 'HELP'], ['info', 'HELP'],
  ['LATER', 'LATER'], ['later', 'LATER'], ['not now', 'LATER'], ['busy', 'LATER'], ['remind me later', 'LATER'], ['later thanks', 'LATER'],
];

describe('recognising commands', () => {
  it.each(commands)('when a reply is %j, then it is the command %s', (reply, command) => {
    expect(parseReply(reply, shippedItem('phq9', 'q1'))).toEqual({ kind: 'command', command });
  });

  it.each(['skip', 'SKIP', 'pass', 'Skip this one'])('when a reply to an optional item is %j, then it is the command SKIP', (reply) => {
    expect(parseReply(reply, shippedItem('coping-and-support', 'feeling'))).toEqual({ kind: 'command', command: 'SKIP' });
  });

  it.each(['skip', 'SKIP', 'pass'])('when a reply to a required item is %j, then it is refused because the item cannot be skipped', (reply) => {
    expect(parseReply(reply, shippedItem('phq9', 'q1'))).toEqual({
      kind: 'invalid',
      reason: "This question can't be skipped. Please reply with a number from 0 to 3.",
    });
  });

  it('when a command comes with a number, then it is read as an answer, except STOP which always wins', () => {
    expect(parseReply('back 2', shippedItem('phq9', 'q1'))).toEqual({ kind: 'answer', value: 2 });
    expect(parseReply('stop 2', shippedItem('phq9', 'q1'))).toEqual({ kind: 'command', command: 'STOP' });
  });
});
