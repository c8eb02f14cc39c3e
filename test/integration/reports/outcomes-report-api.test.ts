import { openOutcomesRig, ons4, phq9, type OutcomesRig } from './outcomes-fixture.js';
import { sealedAuditLog } from '../../support/sealed-audit-log.js';

/**
 * A hand-computed cohort: people whose baseline was completed in March 2026. "mood" asks PHQ-9
 * and ONS4 together (stored as several measures), "phq" asks PHQ-9 alone (stored as one).
 *
 * PHQ-9 (lower is better; reliable change 6; caseness 10), baseline -> latest follow-up:
 *   P1 18 -> 12 (6w) -> 8 (12w, the latest)   change -10 improved,  case -> not: recovered, reliably
 *   P2 15 -> 12   -3 no reliable change, case -> case
 *   P3 12 -> 4    -8 improved, case -> not: recovered, reliably
 *   P4  9 -> 16   +7 deteriorated, not a case at baseline
 *   P5 20 -> 11   -9 improved, case -> case
 *   P6 10 -> 9    -1 no reliable change, case -> not: recovered, not reliably
 *   P7 14 -> (no follow-up)
 *   P8 (q9 missing at baseline: unscorable, PHQ-9 allows none missing) -> 7: not paired
 *   P9 22 -> 13 (phq)  -9 improved, case -> case
 *   P10 6 -> 5  (phq)  -1 no reliable change
 *   P11 enrolled in March, baseline not completed; P12's baseline was in February (not the cohort).
 * enrolled 11 (P1-P11), baselines 10 (P1-P10), follow-ups 9 (all but P7), paired 8.
 * baseline mean 112/8 = 14.00; follow-up mean 78/8 = 9.75; change -34/8 = -4.25.
 * changes' deviations from -4.25: -5.75 1.25 -3.75 11.25 -4.75 3.25 -4.75 3.25; squares sum 241.5;
 *   SD = sqrt(241.5/7) = 5.8737; SE = 5.8737/sqrt(8) = 2.0767; t(0.975, 7) = 2.3646;
 *   CI = -4.25 -/+ 4.9105 = [-9.16, 0.66].
 * baseline deviations from 14: 4 1 -2 -5 6 -4 8 -8, squares 226, SD = sqrt(226/7) = 5.6821;
 *   effect size -4.25/5.6821 = -0.75.
 * reliable: improved P1 P3 P5 P9 = 4 (50.0%), none P2 P6 P10 = 3 (37.5%), deteriorated P4 = 1 (12.5%).
 * cases at baseline (>= 10): P1 P2 P3 P5 P6 P9 = 6; recovered P1 P3 P6 = 3 (50.0%); reliably P1 P3 = 2 (33.3%).
 *
 * ONS4 (mood: P1-P8, P11): life satisfaction, worthwhile, happiness (higher is better), anxiety (lower):
 *   P1 3/3/3/8 -> 7/7/7/3   P2 5/5/5/6 -> 6/6/6/5   P3 4/4/4/7 -> 8/-/8/2 (worthwhile skipped)
 *   P4 6/6/6/3 -> 4/4/4/6   P5 2/2/2/9 -> 5/5/5/4   P6 7/7/7/2 -> 7/7/7/2   P7 5/5/5/5 -> none
 *   P8 4/4/4/6 -> 9/9/9/1
 * life satisfaction (and happiness, the same values): paired 7; baseline 31/7 = 4.43; follow-up 46/7 = 6.57;
 *   changes 4 1 4 -2 3 0 5, mean 15/7 = 2.14; squares of deviations 38.857, SD sqrt(38.857/6) = 2.5448,
 *   SE 0.9619, t(0.975, 6) = 2.4469, CI 2.1429 -/+ 2.3536 = [-0.21, 4.50]; baseline SD sqrt(17.714/6) = 1.7182,
 *   effect size 2.1429/1.7182 = 1.25. Bands (ONS: 0-4 low, 5-6 medium, 7-8 high, 9-10 very high) of the 7:
 *   baseline 3 L, 5 M, 4 L, 6 M, 2 L, 7 H, 4 L = 4 low (57.1%), 2 medium (28.6%), 1 high (14.3%), 0 very high;
 *   follow-up 7 H, 6 M, 8 H, 4 L, 5 M, 7 H, 9 VH = 1 low (14.3%), 2 medium (28.6%), 3 high (42.9%), 1 very high (14.3%).
 * worthwhile: paired 6 (P3's follow-up skipped), follow-ups 6; baseline 27/6 = 4.50, follow-up 38/6 = 6.33,
 *   change 11/6 = 1.83; CI [-0.94, 4.60]; effect size 0.98.
 * anxiety: paired 7; baseline 41/7 = 5.86; follow-up 23/7 = 3.29; change -18/7 = -2.57; deviations' squares
 *   63.714, SD 3.2587, SE 1.2317, CI -2.5714 -/+ 3.0138 = [-5.59, 0.44]; baseline SD sqrt(38.857/6) = 2.5448,
 *   effect size -1.01. Bands (0-1 very low, 2-3 low, 4-5 medium, 6-10 high): baseline 0 VL, 2 L, 0 M, 5 H
 *   (0, 28.6, 0, 71.4%); follow-up 1 VL, 3 L, 2 M, 1 H (14.3, 42.9, 28.6, 14.3%).
 */
describe('the outcome report over a hand-computed cohort', () => {
  let rig: OutcomesRig;

  beforeAll(async () => {
    rig = await openOutcomesRig();
    const mood = await rig.programme('mood', ['phq9', 'ons4']);
    const phq = await rig.programme('phq', ['phq9']);
    const small = await rig.programme('small', ['phq9']);
    const m = (p: number, o: ReturnType<typeof ons4>) => ({ phq9: phq9(p), ons4: o });
    let n = 0;
    const person = (programme: typeof mood, baseline?: { at: string; answers: Record<string, Record<string, number | null>> }, followUps: Array<{ at: string; answers: Record<string, Record<string, number | null>> }> = []) => {
      n += 1;
      return rig.person({ programme, phone: `07700 900${String(100 + n)}`, label: `Priya Shah ${n}`, enrolledAt: baseline ? baseline.at : '2026-03-20T09:00:00Z', ...(baseline ? { baseline } : {}), followUps });
    };
    await person(mood, { at: '2026-03-02T10:00:00Z', answers: m(18, ons4(3, 3, 3, 8)) }, [
      { at: '2026-04-14T10:00:00Z', answers: m(12, ons4(5, 5, 5, 5)) }, { at: '2026-05-26T10:00:00Z', answers: m(8, ons4(7, 7, 7, 3)) }]);
    await person(mood, { at: '2026-03-03T10:00:00Z', answers: m(15, ons4(5, 5, 5, 6)) }, [{ at: '2026-04-15T10:00:00Z', answers: m(12, ons4(6, 6, 6, 5)) }]);
    await person(mood, { at: '2026-03-04T10:00:00Z', answers: m(12, ons4(4, 4, 4, 7)) }, [{ at: '2026-04-16T10:00:00Z', answers: m(4, ons4(8, null, 8, 2)) }]);
    await person(mood, { at: '2026-03-05T10:00:00Z', answers: m(9, ons4(6, 6, 6, 3)) }, [{ at: '2026-04-17T10:00:00Z', answers: m(16, ons4(4, 4, 4, 6)) }]);
    await person(mood, { at: '2026-03-06T10:00:00Z', answers: m(20, ons4(2, 2, 2, 9)) }, [{ at: '2026-04-18T10:00:00Z', answers: m(11, ons4(5, 5, 5, 4)) }]);
    await person(mood, { at: '2026-03-09T10:00:00Z', answers: m(10, ons4(7, 7, 7, 2)) }, [{ at: '2026-04-21T10:00:00Z', answers: m(9, ons4(7, 7, 7, 2)) }]);
    await person(mood, { at: '2026-03-10T10:00:00Z', answers: m(14, ons4(5, 5, 5, 5)) });
    await person(mood, { at: '2026-03-11T10:00:00Z', answers: { phq9: phq9(14, 'q9'), ons4: ons4(4, 4, 4, 6) } }, [{ at: '2026-04-23T10:00:00Z', answers: m(7, ons4(9, 9, 9, 1)) }]);
    await person(phq, { at: '2026-03-12T10:00:00Z', answers: { phq9: phq9(22) } }, [{ at: '2026-04-24T10:00:00Z', answers: { phq9: phq9(13) } }]);
    await person(phq, { at: '2026-03-31T21:30:00Z', answers: { phq9: phq9(6) } }, [{ at: '2026-05-12T10:00:00Z', answers: { phq9: phq9(5) } }]); // 22:30 BST, still 31 March
    await person(mood); // P11: enrolled 20 March, baseline open
    await person(mood, { at: '2026-02-27T10:00:00Z', answers: m(25, ons4(0, 0, 0, 10)) }, [{ at: '2026-04-10T10:00:00Z', answers: m(0, ons4(10, 10, 10, 0)) }]); // P12
    // The small cohort of May: S1 12 -> 5 (improved, recovered), S2 15 -> 14, S3 9 -> 3 (improved).
    await person(small, { at: '2026-05-04T10:00:00Z', answers: { phq9: phq9(12) } }, [{ at: '2026-06-15T10:00:00Z', answers: { phq9: phq9(5) } }]);
    await person(small, { at: '2026-05-05T10:00:00Z', answers: { phq9: phq9(15) } }, [{ at: '2026-06-16T10:00:00Z', answers: { phq9: phq9(14) } }]);
    await person(small, { at: '2026-05-06T10:00:00Z', answers: { phq9: phq9(9) } }, [{ at: '2026-06-17T10:00:00Z', answers: { phq9: phq9(3) } }]);
  });
  afterAll(async () => rig.close());

  const get = async (query: string, token: string) => {
    const response = await fetch(rig.url(`/api/reports/outcomes${query}`), { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { measures: Array<Record<string, unknown>> } };
  };

  it('when a manager asks for March, then every PHQ-9 figure matches the hand computation', async () => {
    const { status, body } = await get('?from=2026-03-01&to=2026-03-31', rig.tokens.manager);
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', programme: null, suppressed: false });
    expect(body.measures.map((measure) => measure.measure)).toEqual(['phq9', 'ons4']);
    expect(body.measures[0]).toEqual({
      measure: 'phq9', title: 'PHQ-9 (Patient Health Questionnaire, depression)', version: '1', validated: true, higherIsBetter: false,
      enrolled: 11, baselines: 10, followUps: 9, paired: 8,
      baselineMean: 14, followUpMean: 9.75, change: { mean: -4.25, ci95: [-9.16, 0.66] }, effectSize: -0.75,
      reliableChangeThreshold: 6,
      reliableImprovement: { count: 4, percent: 50 }, noReliableChange: { count: 3, percent: 37.5 }, reliableDeterioration: { count: 1, percent: 12.5 },
      casenessThreshold: 10, casesAtBaseline: 6,
      recovery: { count: 3, percent: 50 }, reliableRecovery: { count: 2, percent: 33.3 },
      items: [], notes: [],
    });
  });

  it('when a manager asks for March, then ONS4 is reported per item with band shares and no invented threshold', async () => {
    const { body } = await get('?from=2026-03-01&to=2026-03-31', rig.tokens.manager);
    const measure = body.measures[1] as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    expect(measure).toMatchObject({
      measure: 'ons4', validated: true, enrolled: 9, baselines: 8, followUps: 7, paired: 7,
      baselineMean: null, followUpMean: null, change: { mean: null, ci95: null }, effectSize: null,
      reliableChangeThreshold: 'no threshold', reliableImprovement: null, noReliableChange: null, reliableDeterioration: null,
      casenessThreshold: 'no threshold', recovery: null, reliableRecovery: null,
      notes: ['ONS4 personal wellbeing has no total: each item is reported on its own, with no reliable-change threshold'],
    });
    const none = { reliableChangeThreshold: 'no threshold', reliableImprovement: null, noReliableChange: null, reliableDeterioration: null, casenessThreshold: 'no threshold', casesAtBaseline: null, recovery: null, reliableRecovery: null };
    const lifeSatisfaction = {
      higherIsBetter: true, baselines: 8, followUps: 7, paired: 7, baselineMean: 4.43, followUpMean: 6.57, change: { mean: 2.14, ci95: [-0.21, 4.5] }, effectSize: 1.25, ...none,
      bands: {
        baseline: [{ band: 'Low', count: 4, percent: 57.1 }, { band: 'Medium', count: 2, percent: 28.6 }, { band: 'High', count: 1, percent: 14.3 }, { band: 'Very high', count: 0, percent: 0 }],
        followUp: [{ band: 'Low', count: 1, percent: 14.3 }, { band: 'Medium', count: 2, percent: 28.6 }, { band: 'High', count: 3, percent: 42.9 }, { band: 'Very high', count: 1, percent: 14.3 }],
      },
    };
    expect(measure.items[0]).toEqual({ item: 'life-satisfaction', ...lifeSatisfaction });
    expect(measure.items[1]).toMatchObject({ item: 'worthwhile', baselines: 8, followUps: 6, paired: 6, baselineMean: 4.5, followUpMean: 6.33, change: { mean: 1.83, ci95: [-0.94, 4.6] }, effectSize: 0.98, ...none });
    expect(measure.items[2]).toEqual({ item: 'happiness', ...lifeSatisfaction });
    expect(measure.items[3]).toEqual({
      item: 'anxiety', higherIsBetter: false, baselines: 8, followUps: 7, paired: 7, baselineMean: 5.86, followUpMean: 3.29, change: { mean: -2.57, ci95: [-5.59, 0.44] }, effectSize: -1.01, ...none,
      bands: {
        baseline: [{ band: 'Very low', count: 0, percent: 0 }, { band: 'Low', count: 2, percent: 28.6 }, { band: 'Medium', count: 0, percent: 0 }, { band: 'High', count: 5, percent: 71.4 }],
        followUp: [{ band: 'Very low', count: 1, percent: 14.3 }, { band: 'Low', count: 3, percent: 42.9 }, { band: 'Medium', count: 2, percent: 28.6 }, { band: 'High', count: 1, percent: 14.3 }],
      },
    });
  });

  it('when one programme is asked for, then only its people count', async () => {
    const { status, body } = await get('?from=2026-03-01&to=2026-03-31&programme=phq', rig.tokens.admin);
    expect(status).toBe(200);
    expect(body.programme).toBe('phq');
    expect(body.measures).toHaveLength(1);
    // P9 22 -> 13 and P10 6 -> 5: 2 pairs, baseline mean 14, follow-up 9, change -5.
    expect(body.measures[0]).toMatchObject({ measure: 'phq9', enrolled: 2, baselines: 2, paired: 2, baselineMean: 14, followUpMean: 9, change: { mean: -5 } });
  });

  it('when suppression is asked for on a cohort of 3, then counts read "<5" and nothing is derived from them', async () => {
    const { status, body } = await get('?from=2026-05-01&to=2026-05-31&programme=small&suppress=true', rig.tokens.manager);
    expect(status).toBe(200);
    expect(body.suppressed).toBe(true);
    expect(body.measures[0]).toEqual({
      measure: 'phq9', title: 'PHQ-9 (Patient Health Questionnaire, depression)', version: '1', validated: true, higherIsBetter: false,
      enrolled: '<5', baselines: '<5', followUps: '<5', paired: '<5',
      baselineMean: null, followUpMean: null, change: { mean: null, ci95: null }, effectSize: null,
      reliableChangeThreshold: 6,
      reliableImprovement: { count: '<5', percent: null }, noReliableChange: { count: '<5', percent: null }, reliableDeterioration: { count: 0, percent: null },
      casenessThreshold: 10, casesAtBaseline: '<5', recovery: { count: '<5', percent: null }, reliableRecovery: { count: '<5', percent: null },
      items: [], notes: [],
    });
  });

  it('when an analyst asks, then the report is suppressed whatever the query says', async () => {
    const { status, body } = await get('?from=2026-03-01&to=2026-03-31&suppress=false', rig.tokens.analyst);
    expect(status).toBe(200);
    expect(body.suppressed).toBe(true);
    // 8 pairs are enough to show; the single deterioration is not, nor its share (12.5% of 8 would say 1).
    expect(body.measures[0]).toMatchObject({
      paired: 8, baselineMean: 14, change: { mean: -4.25, ci95: [-9.16, 0.66] }, reliableImprovement: { count: '<5', percent: null }, noReliableChange: { count: '<5', percent: null },
      reliableDeterioration: { count: '<5', percent: null }, casesAtBaseline: 6, recovery: { count: '<5', percent: null }, reliableRecovery: { count: '<5', percent: null },
    });
  });

  it('when a worker asks, then 403; without a token, 401', async () => {
    expect((await get('?from=2026-03-01&to=2026-03-31', rig.tokens.worker)).status).toBe(403);
    expect((await fetch(rig.url('/api/reports/outcomes?from=2026-03-01&to=2026-03-31'))).status).toBe(401);
  });

  it.each([
    ['?to=2026-03-31', 'from: from is required'],
    ['?from=2026-02-30&to=2026-03-31', 'from: "2026-02-30" is not a date'],
    ['?from=2026-04-01&to=2026-03-31', 'to: "to" is before "from"'],
    ['?from=2026-03-01&to=2026-03-31&suppress=yes', 'suppress: suppress is true or false'],
  ])('when the query is %s, then 400 says what to fix', async (query, problem) => {
    const { status, body } = await get(query, rig.tokens.manager);
    expect(status).toBe(400);
    expect((body.problems as string[]).join(' ')).toContain(problem);
  });

  it('when the programme is unknown, then 404 lists the programmes', async () => {
    const { status, body } = await get('?from=2026-03-01&to=2026-03-31&programme=nope', rig.tokens.manager);
    expect(status).toBe(404);
    expect((body.problems as string[])[0]).toMatch(/no programme "nope" \(programmes: .*mood/);
  });

  it('when a report is made, then the audit log says who asked, for what, and whether it was suppressed', async () => {
    await get('?from=2026-03-01&to=2026-03-31', rig.tokens.analyst);
    const entry = await (await sealedAuditLog(rig.database.db)).find({ action: 'report.outcomes', actor: `staff:${rig.staff.analyst.id}` }).sort({ at: -1 }).limit(1).next();
    expect(entry?.details).toEqual({ filters: { from: '2026-03-01', to: '2026-03-31', programme: null }, rows: 2, people: 10, format: 'json', suppressed: true });
  });
});
