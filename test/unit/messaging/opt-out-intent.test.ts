import { optOutIntent } from '../../../src/domain/messaging/opt-out-intent.js';
import { parseReply } from '../../../src/domain/measures/parse-reply.js';
import { readConsentReply } from '../../../src/domain/cases/consent.js';
import { shippedItem } from '../measures/shipped-measure.js';

// Twilio's default opt-out list, and forms people actually send.
const optOutWords = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'opt out', 'Opt-Out', 'opt-out', 'stop all', 'Stop-All', 'optout please'];
const spelt = ['S T O P', 's.t.o.p', 'S-T-O-P', 'STOP.', 'Stop!!', '  stop  ', 'stop\u2026', '\uFF33\uFF34\uFF2F\uFF30', 'O P T O U T', 'r.e.v.o.k.e', 'E N D', 'quit!'];
const leadingOptOuts = ['stop texting me', 'Unsubscribe me', 'revoke my consent', 'Opt out of this please', 'optout now', 'stop 2', 'S T O P sending these'];
const ordinaryAnswers = ['3', 'at the end of the day I feel ok', 'end 3', 'the end', 'quite good', 'I ended up fine', 'cancelled my appointment', 'not at all', 'yes', 'more than half the days', 'I had to quit my job', 'a bit'];

describe('reading opt-out, opt-in and help words', () => {
  it.each([...optOutWords, ...spelt, ...leadingOptOuts])('when the message is %j, then it is an opt-out', (body) => {
    expect(optOutIntent({ body }, false)).toBe('stop');
    expect(optOutIntent({ body }, true)).toBe('stop');
  });

  it.each(ordinaryAnswers)('when the message is the ordinary answer %j, then it is not an opt-out', (body) => {
    expect(optOutIntent({ body }, false)).not.toBe('stop');
  });

  it.each(['START', 'start', 'UNSTOP', 'S T A R T', 'Start.', 'un-stop'])('when the message is %j, then it opts back in', (body) => {
    expect(optOutIntent({ body }, true)).toBe('start');
  });

  it.each(['HELP', 'help', 'INFO', 'info?', 'H E L P', 'Help!!', '?'])('when the message is %j, then it asks for help', (body) => {
    expect(optOutIntent({ body }, false)).toBe('help');
  });

  it('when Twilio reports OptOutType STOP, then it is an opt-out whatever the body says', () => {
    expect(optOutIntent({ body: 'ARRET', optOutType: 'STOP' }, false)).toBe('stop');
    expect(optOutIntent({ body: 'yes', optOutType: 'STOP' }, false)).toBe('stop');
  });

  it('when Twilio reports START but the body is an opt-out word, then the opt-out wins', () => {
    expect(optOutIntent({ body: 'stop', optOutType: 'START' }, true)).toBe('stop');
  });
});

describe('YES, which is both a Twilio opt-in word and our consent answer', () => {
  it.each(['YES', 'yes', 'Yes.', 'Y E S', 'yes please'])('when someone who is not suppressed texts %j, even flagged START by Twilio, then it is no keyword (consent reads it)', (body) => {
    expect(optOutIntent({ body }, false)).toBeNull();
    expect(optOutIntent({ body, optOutType: 'START' }, false)).toBeNull();
  });

  it('when someone who is suppressed texts YES, then it does not opt them back in but asks how to (help)', () => {
    expect(optOutIntent({ body: 'YES' }, true)).toBe('help');
    expect(optOutIntent({ body: 'Yes', optOutType: 'START' }, true)).toBe('help');
  });

  it('when Twilio reports START for a word of its own (a custom opt-in keyword), then it opts back in', () => {
    expect(optOutIntent({ body: 'JOIN', optOutType: 'START' }, true)).toBe('start');
  });
});

describe('opting out mid-questionnaire and at the consent request', () => {
  it.each([...optOutWords, ...spelt, ...leadingOptOuts])('when a reply to a question is %j, then it is the command STOP', (reply) => {
    expect(parseReply(reply, shippedItem('phq9', 'q1'))).toEqual({ kind: 'command', command: 'STOP' });
  });

  it.each(['3', 'at the end of the day I feel ok', 'end 3'])('when a reply to a question is %j, then it is not STOP', (reply) => {
    expect(parseReply(reply, shippedItem('phq9', 'q1'))).not.toEqual({ kind: 'command', command: 'STOP' });
  });

  it.each([...optOutWords, ...spelt, ...leadingOptOuts, 'no, I want to opt out', 'No I revoke that', 'no thanks, unsubscribe'])(
    'when the reply to the consent request is %j, then it is an opt-out',
    (reply) => {
      expect(readConsentReply(reply)).toBe('stop');
    },
  );

  it.each(['INFO', 'H E L P', 'help?'])('when the reply to the consent request is %j, then it asks for help', (reply) => {
    expect(readConsentReply(reply)).toBe('help');
  });

  it.each(['at the end of the day yes', 'yes I can quit any time'])('when the consent reply %j merely contains an opt-out word, then it is not an opt-out', (reply) => {
    expect(readConsentReply(reply)).not.toBe('stop');
  });
});
