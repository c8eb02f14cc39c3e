import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { createMongoCaseStore } from '../../src/adapters/mongo/mongo-case-store.js';
import { createMongoReportSource } from '../../src/adapters/mongo/mongo-report-source.js';
import { createMongoStaffDirectory } from '../../src/adapters/mongo/mongo-staff-directory.js';
import { ensureIndexes } from '../../src/adapters/mongo/ensure-indexes.js';
import { dashboardReport } from '../../src/app/reports/dashboard-report.js';
import { lastCompleteWeek } from '../../src/app/reports/weekly-report.js';

/**
 * Dashboard server time as the assessments grow: `workers` workers, assessments spread over the
 * last 2 years (a follow-up or baseline each, mostly completed), written straight into the
 * collection in the adapter's shape. Times dashboardReport for the last complete week (what
 * GET /dashboard spends before rendering) at each size in `steps`, then says what 1,000,000 would
 * cost at the measured rate per assessment.
 */
export async function benchDashboard(uri: string, options: { workers: number; steps: number[]; batchSize: number }): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    await ensureIndexes(db);
    const staff = createMongoStaffDirectory(db);
    const workerIds: string[] = [];
    for (let i = 0; i < options.workers; i += 1) {
      const id = randomUUID();
      workerIds.push(id);
      await staff.add({ id, name: `Worker ${i + 1}`, role: 'worker', team: `team-${i % 10}`, phoneHash: `bench-${id}`, phoneEnc: 'enc', createdAt: new Date('2025-01-01T00:00:00Z') });
    }
    const now = new Date();
    const deps = { source: createMongoReportSource(db), staff, org: { name: 'Bench Trust', timezone: 'Europe/London' }, alerts: createMongoCaseStore(db) };
    const week = lastCompleteWeek(now, 'Europe/London');
    let seeded = 0;
    let perAssessmentMs = 0;
    for (const target of options.steps) {
      const started = performance.now();
      while (seeded < target) {
        const batch = Array.from({ length: Math.min(options.batchSize, target - seeded) }, (_, i) => assessmentDoc(workerIds[(seeded + i) % workerIds.length]!, now));
        await db.collection('assessments').insertMany(batch, { ordered: false });
        seeded += batch.length;
      }
      const seedS = (performance.now() - started) / 1000;
      const timings: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const t = performance.now();
        const report = await dashboardReport(deps, week, { viewer: { id: 'bench', name: 'Bench Manager', role: 'manager' } });
        timings.push(performance.now() - t);
        if (report.figures.workers.length < options.workers) throw new Error('dashboard lost workers');
      }
      const median = timings.sort((a, b) => a - b)[1]!;
      perAssessmentMs = median / seeded;
      console.log(`dashboard: ${seeded} assessments, ${options.workers} workers: server time median ${median.toFixed(0)} ms of 3 (seeded in ${seedS.toFixed(1)} s)`);
    }
    console.log(`dashboard: at the last measured rate, 1,000,000 assessments would take about ${((perAssessmentMs * 1_000_000) / 1000).toFixed(0)} s (target < 1 s)`);
  } finally {
    await client.close();
  }
}

const day = 86_400_000;

function assessmentDoc(workerId: string, now: Date): Record<string, unknown> {
  const closesAt = new Date(now.getTime() - Math.random() * 730 * day);
  const kind = Math.random() < 0.3 ? 'baseline' : 'follow-up';
  const roll = Math.random();
  const status = roll < 0.6 ? 'completed' : roll < 0.95 ? 'lapsed' : 'cancelled';
  const id = randomUUID();
  return {
    _id: id, id, enrolmentId: randomUUID(), serviceUserId: randomUUID(), workerId, programmeId: 'bench', measureId: 'ons4', kind,
    timepointId: kind === 'baseline' ? 'baseline' : '6w', status, dueAt: new Date(closesAt.getTime() - 7 * day), opensAt: new Date(closesAt.getTime() - 10 * day), closesAt,
    answers: {}, ...(status === 'completed' ? { completedAt: new Date(closesAt.getTime() - day), score: { total: 12 } } : {}),
  };
}
