/**
 * The variables every promptly WhatsApp template takes, the same for each purpose (invitation,
 * reminder), so an organisation writes its templates once against one convention (see .env.example):
 * {{1}} the organisation's name, {{2}} the worker's name, {{3}} the message itself, e.g.
 * "Hello from {{1}} on behalf of {{2}}: {{3}}". WhatsApp refuses a variable that is empty or holds
 * a newline, a tab or more than four spaces in a row, so each value is one line, never empty, and
 * capped well inside the 1024 characters a template's body may have.
 */
export function whatsappTemplateVariables(input: { orgName: string; workerName?: string; text: string }): Record<string, string> {
  return {
    '1': oneLine(input.orgName, 60) || 'your support service',
    '2': oneLine(input.workerName ?? '', 60) || 'your support worker',
    '3': oneLine(input.text, 700) || '-',
  };
}

/** True when every variable a template takes has a value (a template sent without them is refused). */
export function hasTemplateVariables(variables: Record<string, string> | undefined): variables is Record<string, string> {
  return variables !== undefined && Object.keys(variables).length > 0 && Object.values(variables).every((value) => value.trim() !== '');
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  return characters.length <= max ? flat : `${characters.slice(0, max - 1).join('').trimEnd()}…`;
}
