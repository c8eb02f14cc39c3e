import { digestNews, type DigestCandidates } from '../../../src/domain/analytics/digest-news.js';

const friday = new Date('2027-01-15T09:00:00Z');
const monday = new Date('2027-01-18T09:00:00Z');
const nothing: DigestCandidates = { lapsed: [], due: [], openAlerts: [] };
const weekday = { weekend: false };

describe('what is new for a worker\'s digest', () => {
  it('when a number is found to look wrong, then it is said once, and not at the weekend (it waits for Monday)', () => {
    const finding = { key: 'e1:2027-01-14T10:00:00.000Z', reference: 'SU-0042' };
    const first = digestNews({ ...nothing, wrongNumbers: [finding] }, new Set(), weekday);
    expect(first).toMatchObject({ wrongNumbers: ['SU-0042'], said: ['number:e1:2027-01-14T10:00:00.000Z'] });
    expect(digestNews({ ...nothing, wrongNumbers: [finding] }, new Set(first.said), weekday)).toMatchObject({ wrongNumbers: [], said: [] });
    expect(digestNews({ ...nothing, wrongNumbers: [finding] }, new Set(), { weekend: true })).toMatchObject({ wrongNumbers: [], said: [] });
  });

  it('when a follow-up first comes within 7 days, then it is mentioned, and remembered as told', () => {
    const news = digestNews({ ...nothing, due: [{ key: 'e1:fri', reference: 'SU-0001', dueAt: friday, today: false }] }, new Set(), weekday);
    expect(news).toMatchObject({ dueThisWeek: [{ reference: 'SU-0001', dueAt: friday }], dueToday: [], said: ['due:e1:fri'] });
  });

  it('when a follow-up was mentioned before, then it is not mentioned again until its day, and then once as due today', () => {
    const soon = { key: 'e1:fri', reference: 'SU-0001', dueAt: friday, today: false };
    expect(digestNews({ ...nothing, due: [soon] }, new Set(['due:e1:fri']), weekday)).toMatchObject({ dueThisWeek: [], dueToday: [], said: [] });
    const onTheDay = digestNews({ ...nothing, due: [{ ...soon, today: true }] }, new Set(['due:e1:fri']), weekday);
    expect(onTheDay).toMatchObject({ dueThisWeek: [], dueToday: ['SU-0001'], said: ['today:e1:fri', 'due:e1:fri'] });
    expect(digestNews({ ...nothing, due: [{ ...soon, today: true }] }, new Set(onTheDay.said), weekday)).toMatchObject({ dueToday: [], said: [] });
  });

  it('when a person is due today and again within the week, then they are named once, as due today', () => {
    const news = digestNews({
      ...nothing,
      due: [{ key: 'e1:fri', reference: 'SU-0001', dueAt: friday, today: true }, { key: 'e1:mon', reference: 'SU-0001', dueAt: monday, today: false }],
    }, new Set(), weekday);
    expect(news).toMatchObject({ dueToday: ['SU-0001'], dueThisWeek: [] });
  });

  it('when a lapse has been told, then it is never told again', () => {
    const lapsed = { ...nothing, lapsed: [{ key: 'e2:tue', reference: 'SU-0002' }] };
    const first = digestNews(lapsed, new Set(), weekday);
    expect(first).toMatchObject({ lapsed: ['SU-0002'], said: ['lapse:e2:tue'] });
    expect(digestNews(lapsed, new Set(first.said), weekday)).toMatchObject({ lapsed: [], said: [] });
  });

  it('when an alert stays open, then it is in every digest until acknowledged, and is not remembered as told', () => {
    const news = digestNews({ ...nothing, openAlerts: ['SU-0003', 'SU-0003'] }, new Set(['alert:anything']), weekday);
    expect(news).toMatchObject({ openAlerts: ['SU-0003'], said: [] });
  });

  it('when it is a weekend day, then only open alerts are said, and everything else is kept for Monday', () => {
    const everything: DigestCandidates = {
      lapsed: [{ key: 'e2:fri', reference: 'SU-0002' }],
      due: [{ key: 'e1:fri', reference: 'SU-0001', dueAt: friday, today: false }],
      openAlerts: ['SU-0003'],
    };
    expect(digestNews(everything, new Set(), { weekend: true })).toEqual({ lapsed: [], dueToday: [], dueThisWeek: [], openAlerts: ['SU-0003'], wrongNumbers: [], said: [] });
    expect(digestNews({ ...everything, openAlerts: [] }, new Set(), { weekend: true })).toMatchObject({ lapsed: [], dueThisWeek: [], openAlerts: [] });
    expect(digestNews(everything, new Set(), weekday)).toMatchObject({ lapsed: ['SU-0002'], dueThisWeek: [{ reference: 'SU-0001' }] });
  });
});
