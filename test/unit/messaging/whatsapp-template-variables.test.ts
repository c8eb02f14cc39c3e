import { planDelivery } from '../../../src/domain/messaging/delivery-plan.js';
import { whatsappTemplateVariables } from '../../../src/domain/messaging/whatsapp-template-variables.js';

describe('WhatsApp template variables', () => {
  it('when the text has lines, tabs and runs of spaces, then each variable is one line WhatsApp accepts', () => {
    expect(whatsappTemplateVariables({ orgName: ' Riverside\tTrust ', workerName: 'Alex  Morgan', text: 'Q1/4 How are you?\nReply 0 (Not at all)     to 10' })).toEqual({
      1: 'Riverside Trust', 2: 'Alex Morgan', 3: 'Q1/4 How are you? Reply 0 (Not at all) to 10',
    });
  });

  it('when the worker is unknown or a value is blank, then no variable is left empty', () => {
    expect(whatsappTemplateVariables({ orgName: ' ', text: '' })).toEqual({ 1: 'your support service', 2: 'your support worker', 3: '-' });
  });

  it('when a template is configured but the message carries no variables, then it falls back to SMS rather than send an empty template', () => {
    const base = { channel: 'whatsapp' as const, body: 'Time for your check-in', purpose: 'invitation' as const, smsAllowed: true, templates: { invitation: `HX${'1'.repeat(32)}` }, now: new Date('2027-01-12T10:00:00Z') };
    expect(planDelivery({ ...base, templateVariables: {} })).toEqual({ kind: 'fallback-sms', body: 'Time for your check-in', reason: 'no variables for the WhatsApp invitation template outside the 24-hour window' });
    expect(planDelivery({ ...base, templateVariables: whatsappTemplateVariables({ orgName: 'Trust', workerName: 'Alex', text: base.body }) })).toMatchObject({ kind: 'template' });
  });
});
