import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileSpool } from '../../src/adapters/spool/file-spool.js';
import type { SpooledWebhook } from '../../src/app/ports/webhook-spool.js';

const inbound = (id: string, body: string): SpooledWebhook => ({ kind: 'inbound', at: new Date().toISOString(), request: { id, channel: 'sms', from: '+447700900123', body } });

describe('the local webhook spool', () => {
  const key = randomBytes(32);
  const fresh = () => mkdtempSync(path.join(os.tmpdir(), 'promptly-spool-test-'));

  it('when webhooks are spooled, then they are replayed in arrival order, once, and the spool is empty afterwards', async () => {
    const spool = createFileSpool({ dir: fresh(), key });
    expect(spool.isEmpty()).toBe(true);
    await Promise.all(['a', 'b', 'c'].map((body, i) => spool.append(inbound(`SM${i}`, body))));
    expect(spool.isEmpty()).toBe(false);
    const seen: string[] = [];
    expect(await spool.replay(async (entry) => void seen.push(entry.kind === 'inbound' ? entry.request.body : ''))).toEqual({ replayed: 3 });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(spool.isEmpty()).toBe(true);
    expect(await spool.replay(async () => { throw new Error('nothing should be replayed'); })).toEqual({ replayed: 0 });
  });

  it('when a replay fails part-way, then nothing is lost: the next replay starts again from the same file', async () => {
    const spool = createFileSpool({ dir: fresh(), key });
    await spool.append(inbound('SM1', 'first'));
    await spool.append(inbound('SM2', 'second'));
    await expect(spool.replay(async (entry) => {
      if (entry.kind === 'inbound' && entry.request.id === 'SM2') throw new Error('database still away');
    })).rejects.toThrow('database still away');
    expect(spool.isEmpty()).toBe(false);
    const seen: string[] = [];
    await spool.replay(async (entry) => void seen.push(entry.kind === 'inbound' ? entry.request.id : ''));
    // Recording is idempotent by MessageSid, so SM1 seen twice is one message.
    expect(seen).toEqual(['SM1', 'SM2']);
  });

  it('when the number and the text are on disk, then they are sealed, not in clear', async () => {
    const dir = fresh();
    const spool = createFileSpool({ dir, key });
    await spool.append(inbound('SM1', 'I feel awful today'));
    const onDisk = readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8')).join('');
    expect(onDisk).toMatch(/^v1\./);
    expect(onDisk).not.toMatch(/7700|awful/);
  });

  it('when a process stopped with webhooks spooled, then the next run replays them, but leaves a running process its own', async () => {
    const dir = fresh();
    const stopped = createFileSpool({ dir, key, pid: 999_999_001, isRunning: () => false });
    await stopped.append(inbound('SM-left', 'left behind'));
    const running = createFileSpool({ dir, key, pid: 999_999_002, isRunning: (pid) => pid === 999_999_002 });
    await running.append(inbound('SM-live', 'still being written'));

    const next = createFileSpool({ dir, key, isRunning: (pid) => pid === 999_999_002 });
    expect(next.isEmpty()).toBe(false);
    const seen: string[] = [];
    await next.replay(async (entry) => void seen.push(entry.kind === 'inbound' ? entry.request.id : ''));
    expect(seen).toEqual(['SM-left']);
  });

  it('when the spool was written with another key, then replaying refuses it rather than reading garbage', async () => {
    const dir = fresh();
    await createFileSpool({ dir, key, pid: 999_999_003, isRunning: () => false }).append(inbound('SM1', 'x'));
    await expect(createFileSpool({ dir, key: randomBytes(32) }).replay(async () => {})).rejects.toThrow(/failed authentication/);
  });
});
