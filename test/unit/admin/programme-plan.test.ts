import { programmePlan } from '../../../src/app/admin/programme-plan.js';
import { programmeSlug } from '../../../src/app/admin/programme-slug.js';

describe('programme slugs', () => {
  it.each([
    ['Talking Therapies (Adults)', 'talking-therapies-adults'],
    ['  Wellbeing  ', 'wellbeing'],
    ['Café Drop-in / Group 2', 'cafe-drop-in-group-2'],
    ['wellbeing: check!', 'wellbeing-check'],
    ['!!!', ''],
  ])('when the name is %j, then the slug is %j', (name, slug) => {
    expect(programmeSlug(name)).toBe(slug);
  });

  it('when a slug is slugged again, then it is unchanged, so a name and its slug find the same programme', () => {
    expect(programmeSlug(programmeSlug('Talking Therapies (Adults)'))).toBe('talking-therapies-adults');
  });
});

describe('programme plans from the short form', () => {
  it('when offsets and a window are given, then each follow-up gets the window either side and a canonical id', () => {
    expect(programmePlan({ followUps: ['6 weeks', '84d', '130 days'], window: '1w' })).toEqual({
      ok: true,
      plan: {
        followUps: [
          { id: '6w', offsetDays: 42, windowBeforeDays: 7, windowAfterDays: 7 },
          { id: '12w', offsetDays: 84, windowBeforeDays: 7, windowAfterDays: 7 },
          { id: '130d', offsetDays: 130, windowBeforeDays: 7, windowAfterDays: 7 },
        ],
        reminders: { afterDays: [2, 5] },
        consentReminders: { afterDays: [2, 5] },
      },
    });
  });

  it('when a discharge offset is given, then the discharge follow-up stays open for the window', () => {
    const parsed = programmePlan({ followUps: [], window: '10d', discharge: '0d', reminders: [3] });
    expect(parsed).toMatchObject({ ok: true, plan: { followUps: [], discharge: { offsetDays: 0, windowAfterDays: 10 }, reminders: { afterDays: [3] } } });
  });

  it('when no reminders are given and the window is two days either side, then only the day-2 reminder is kept', () => {
    expect(programmePlan({ followUps: ['6w'], window: '2d' })).toMatchObject({ ok: true, plan: { reminders: { afterDays: [2] } } });
  });

  it('when the window is bad, then it is said once, however many follow-ups there are', () => {
    expect(programmePlan({ followUps: ['6w', '12w', '18w'], window: '1 month', discharge: '0d' })).toEqual({
      ok: false,
      problems: ['window: "1 month": months vary in length; give weeks or days instead, e.g. 13w for about 3 months'],
    });
  });

  it('when the same follow-up is written two ways, then it is refused as used twice', () => {
    const parsed = programmePlan({ followUps: ['6w', '42d'], window: '7d' });
    expect(parsed).toMatchObject({ ok: false, problems: expect.arrayContaining(['followUps[1]: "6w" is used twice']) });
  });
});
