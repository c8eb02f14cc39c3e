import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';

describe('logger', () => {
  it('when a log line carries a phone number or message body, then they are redacted', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger('info', sink);
    logger.info({ phone: '+447700900123', message: { From: '+447700900123', Body: 'I feel low', To: '+447700900000' }, body: 'hello' }, 'inbound');
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'inbound', service: 'promptly', phone: '[redacted]', body: '[redacted]' });
    expect(line).not.toContain('7700900123');
    expect(line).not.toContain('I feel low');
  });
});
