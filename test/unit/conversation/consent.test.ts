import { consentRequest, readConsentReply } from '../../../src/domain/cases/consent.js';
import type { ConsentReply, ConsentRequestDetails } from '../../../src/domain/cases/consent.js';
import { countSmsSegments } from '../../../src/domain/messaging/count-sms-segments.js';

const details: ConsentRequestDetails = {
  orgName: 'Riverside Wellbeing',
  workerName: 'Sam',
  measureTitle: 'PHQ-9 (Patient Health Questionnaire, depression)',
  itemCount: 9,
  schedule: 'now and again in about 6 and 12 weeks',
  channel: 'sms',
};

describe('asking for consent', () => {
  it('when the request is written, then it names the organisation, the worker, what, when, the channel, STOP and YES or NO', () => {
    const { text, version } = consentRequest(details);
    expect(version).toBe('consent-v1');
    expect(text).toBe(
      'Hello from Riverside Wellbeing. Sam would like to check how you are getting on by sending you 9 short questions (PHQ-9) ' +
        'by text message, now and again in about 6 and 12 weeks. Your answers are kept securely by Riverside Wellbeing and help ' +
        'us improve your support. You can reply STOP at any time to stop the messages. Is that OK? Please reply YES or NO.',
    );
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 3 });
  });

  it('when the channel is WhatsApp, then the request says so', () => {
    expect(consentRequest({ ...details, channel: 'whatsapp' }).text).toContain('9 short questions (PHQ-9) on WhatsApp, now and again');
  });

  it('when there is a single question, then it says "1 short question"', () => {
    expect(consentRequest({ ...details, itemCount: 1, measureTitle: 'How are you' }).text).toContain('1 short question (How are you) by');
  });

  it.each([
    ['long names', { orgName: 'The Greater Riverside and District Community Mental Health and Wellbeing Partnership', workerName: 'Alexandra Montgomery-Fitzwilliam' }],
    ['absurd names', { orgName: 'O'.repeat(300), workerName: 'W'.repeat(200), schedule: 'every few weeks '.repeat(20) }],
    ['names with emoji and curly quotes', { orgName: 'St Mary\u2019s \u{1F49A} Project', workerName: 'Zo\u00eb \u201CZ\u201D' }],
  ])('when the request has %s, then it still fits in 3 GSM-7 segments and still asks YES or NO', (_case, overrides) => {
    const { text } = consentRequest({ ...details, ...overrides });
    expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSmsSegments(text).segments).toBeLessThanOrEqual(3);
    expect(text).toMatch(/reply STOP .* Please reply YES or NO\.$/);
  });

  it('when the names are long, then the title goes first, then the second mention of the organisation, before any name is cut', () => {
    const workerName = 'Alexandra Montgomery-Fitzwilliam';
    const longish = consentRequest({ ...details, orgName: 'Riverside and District Community Mental Health Wellbeing Trust', workerName }).text;
    expect(longish).not.toContain('(PHQ-9)');
    expect(longish).toContain('kept securely by Riverside and District Community Mental Health Wellbeing Trust');
    const orgName = 'The Greater Riverside and District Community Mental Health and Wellbeing Partnership';
    const long = consentRequest({ ...details, orgName, workerName }).text;
    expect(long).toMatch(new RegExp(`^Hello from ${orgName}\\. ${workerName} would like`));
    expect(long).toContain('kept securely by us');
  });

  it('when a name has to be cut, then it is marked with an ellipsis and the sentence still reads', () => {
    const { text } = consentRequest({ ...details, orgName: 'O'.repeat(300) });
    expect(text).toMatch(/^Hello from O{37}\.\.\. Sam would like/);
  });
});

const replies: [string, ConsentReply][] = [
  ['YES', 'yes'], ['yes', 'yes'], ['Yes.', 'yes'], ['yes!!!', 'yes'], [' y ', 'yes'], ['Y', 'yes'], ['yeah', 'yes'], ['Yeah sure', 'yes'],
  ['yep', 'yes'], ['yup', 'yes'], ['ok', 'yes'], ['OK.', 'yes'], ['okay', 'yes'], ['Okay then', 'yes'], ['sure', 'yes'], ['Sure!', 'yes'],
  ['\u{1F44D}', 'yes'], ['\u{1F44D}\u{1F3FD}', 'yes'], ['yes \u{1F44D}', 'yes'], ['\u2705', 'yes'], ['yes please', 'yes'], ['Yes thank you x', 'yes'],
  ['I agree', 'yes'], ['yes i agree', 'yes'], ["That's fine", 'yes'], ['yes no problem', 'yes'], ['hi yes', 'yes'], ['Thanks, yes', 'yes'],
  ['of course', 'yes'], ['go ahead', 'yes'], ['\uFF39\uFF25\uFF33', 'yes'], ['YES I\u2019M HAPPY TO', 'yes'],
  ['NO', 'no'], ['no', 'no'], ['No.', 'no'], ['n', 'no'], ['N', 'no'], ['nope', 'no'], ['nah', 'no'], ['No thanks', 'no'],
  ['no thank you', 'no'], ['No thanks x', 'no'], ["No I'm fine thanks", 'no'], ['nah im good', 'no'], ['not interested', 'no'],
  ["I don't want to", 'no'], ['i do not agree', 'no'], ['not really', 'no'], ['\u{1F44E}', 'no'], ['no way', 'no'],
  ['STOP', 'stop'], ['stop', 'stop'], ['Stop.', 'stop'], ['please stop', 'stop'], ['no, stop messaging me', 'stop'],
  ['UNSUBSCRIBE', 'stop'], ['stopall', 'stop'], ['cancel', 'stop'], ['QUIT', 'stop'], ['end', 'stop'],
  ['HELP', 'help'], ['help', 'help'], ['Help!', 'help'], ['?', 'help'], ['info', 'help'],
  ['not sure', 'unclear'], ['Not sure', 'unclear'], ["I'm not sure", 'unclear'], ['maybe', 'unclear'], ['no idea', 'unclear'],
  ['no problem', 'unclear'], ['dunno', 'unclear'], ['yes no', 'unclear'], ['no yes', 'unclear'], ['yes?', 'unclear'],
  ['what is this?', 'unclear'], ['who is this', 'unclear'], ['', 'unclear'], ['   ', 'unclear'], ['\u{1F600}', 'unclear'],
  ['thanks', 'unclear'], ['hello', 'unclear'], ['yes but not on weekends', 'unclear'], ['2', 'unclear'], ['later', 'unclear'],
  ['not now', 'unclear'],
];

describe('reading the reply to a consent request', () => {
  it.each(replies)('when the reply is %j, then it reads as %s', (reply, expected) => {
    expect(readConsentReply(reply)).toBe(expected);
  });
});
