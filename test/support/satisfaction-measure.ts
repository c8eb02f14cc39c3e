import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A one-item bespoke measure an organisation might ask at discharge, as `<id>.json` in MEASURES_DIR. */
export const satisfactionMeasure = {
  id: 'satisfaction', version: '1', title: 'Satisfaction with support', validated: false, languages: ['en'],
  licence: { name: 'Our own question', textMayBeShipped: true, attribution: 'Test Community Trust' },
  items: [{
    id: 'support', text: { en: 'How satisfied are you with the support you had from us?' },
    options: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: ['Very unhappy', 'Unhappy', 'OK', 'Happy', 'Very happy'][value - 1] as string } })),
  }],
  scoring: { method: 'sum', higherIsBetter: true },
};

/** A fresh MEASURES_DIR holding the satisfaction measure (and any other files given). */
export function measuresDirectory(files: Record<string, unknown> = {}): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'promptly-measures-'));
  for (const [name, json] of Object.entries({ 'satisfaction.json': satisfactionMeasure, ...files })) fs.writeFileSync(path.join(directory, name), JSON.stringify(json));
  return directory;
}
