import express from 'express';
import { z } from 'zod';
import { addProgramme } from '../../app/admin/add-programme.js';
import { addStaff } from '../../app/admin/add-staff.js';
import { editProgramme } from '../../app/admin/edit-programme.js';
import { listStaff } from '../../app/admin/list-staff.js';
import { programmeBurden } from '../../app/admin/programme-burden.js';
import { removeStaff } from '../../app/admin/remove-staff.js';
import { retireProgramme } from '../../app/admin/retire-programme.js';
import { questionnaireOf } from '../../app/cases/programme-for.js';
import type { Programme } from '../../app/ports/programme-catalogue.js';
import type { StaffMember } from '../../app/ports/staff-directory.js';
import { caseloadStatuses } from '../../domain/cases/caseload-line.js';
import type { AdminApiDeps } from '../admin-api.js';
import { AdminProgrammesPage } from '../pages/admin-programmes-page.js';
import { AdminStaffPage, type StaffFormValues } from '../pages/admin-staff-page.js';
import type { FieldError } from '../pages/error-summary.js';
import { MessagePage } from '../pages/message-page.js';
import type { ProgrammeFormValues } from '../pages/programme-fields.js';
import { ProgrammePage } from '../pages/programme-page.js';
import { RemoveStaffPage } from '../pages/remove-staff-page.js';
import { noticeOf, redirectWithNotice } from './notice.js';
import { renderPage } from './render-page.js';
import type { WebSession } from './web-session.js';

export interface AdminPagesDeps {
  admin: AdminApiDeps;
  session: WebSession;
  orgName: string;
  timeZone: string;
}

const text = (max: number) => z.string().max(max).default('');
const staffForm = z.object({ name: text(80), phone: text(40), role: text(20), team: text(40) });
const removeForm = z.object({ reassignTo: text(80) });
const programmeForm = z.object({
  name: text(60), measures: text(200), followUps: text(200), window: text(20), discharge: text(20), reminders: text(40),
  isDefault: z.literal('yes').optional(), progressMessages: z.literal('yes').optional(),
});
const idParam = z.string().min(1).max(80);

/**
 * The admin pages: staff (list, add, remove with who takes the caseload over) and programmes (list,
 * add, edit, retire, with each timepoint's burden). Thin: the admin use cases decide and audit, with
 * the signed-in admin as the actor. Anyone else gets the same 404 as a page that does not exist.
 */
export function adminPages(deps: AdminPagesDeps): express.Router {
  const router = express.Router();
  const { admin, orgName, timeZone } = deps;
  const viewerOf = (res: express.Response) => res.locals.viewer as StaffMember | undefined;
  const csrf = (req: express.Request, res: express.Response) => deps.session.token(req, res);
  const measureIds = [...admin.measures.keys()].sort();

  router.use('/admin', (req, res, next) => {
    const viewer = viewerOf(res);
    if (!viewer) return res.redirect(303, '/sign-in');
    if (viewer.role !== 'admin') {
      return renderPage(res, <MessagePage orgName={orgName} viewer={viewer} csrf={csrf(req, res)} title="Page not found" message="There is nothing here. If you typed a reference, check it." link={{ href: '/', text: 'Go home' }} />, 404);
    }
    next();
  });
  const viewer = (res: express.Response) => viewerOf(res) as StaffMember;

  const staffPage = async (req: express.Request, res: express.Response, values: StaffFormValues, errors: FieldError[], status = 200) => {
    const listed = await listStaff(admin, {});
    renderPage(res, <AdminStaffPage orgName={orgName} viewer={viewer(res)} csrf={csrf(req, res)} timeZone={timeZone} staff={listed.ok ? listed.value : []} values={values} errors={errors} notice={await noticeOf(deps.session, req, res)} />, status);
  };
  router.get('/admin/staff', (req, res) => staffPage(req, res, {}, []));
  router.post('/admin/staff', async (req, res) => {
    const form = staffForm.safeParse(req.body);
    if (!form.success) return staffPage(req, res, {}, [{ field: 'name', message: 'The form could not be read: fill it in again' }], 400);
    const values = form.data;
    const added = await addStaff(admin, { name: values.name, phone: values.phone, role: values.role, team: values.team.trim() || 'main' }, viewer(res).id);
    if (!added.ok) return staffPage(req, res, values, fieldErrors(added.problems, ['name', 'phone', 'role', 'team'], 'name', staffLabels), added.kind === 'duplicate' ? 409 : 400);
    redirectWithNotice(deps.session, res, '/admin/staff', `Added ${added.value.name} (${added.value.role}).`);
  });

  const removal = async (req: express.Request, res: express.Response, reassignTo: string | undefined, errors: FieldError[], status = 200) => {
    const id = idParam.safeParse(req.params.id);
    const member = id.success ? await admin.staff.get(id.data) : null;
    if (!member) return notFound(req, res);
    const live = (await admin.cases.enrolmentsOfWorker(member.id)).filter((e) => caseloadStatuses.has(e.status)).length;
    const workers = (await admin.staff.list({ role: 'worker' })).filter((w) => w.id !== member.id).map((w) => ({ id: w.id, name: w.name }));
    renderPage(res, <RemoveStaffPage orgName={orgName} viewer={viewer(res)} csrf={csrf(req, res)} member={member} live={live} workers={workers} reassignTo={reassignTo} errors={errors} />, status);
  };
  router.get('/admin/staff/:id/remove', (req, res) => removal(req, res, undefined, []));
  router.post('/admin/staff/:id/remove', async (req, res) => {
    const form = removeForm.safeParse(req.body);
    const id = idParam.safeParse(req.params.id);
    if (!id.success) return notFound(req, res);
    const reassignTo = form.success && form.data.reassignTo ? form.data.reassignTo : undefined;
    const removed = await removeStaff(admin, id.data, viewer(res).id, reassignTo ? { reassignTo } : {});
    if (!removed.ok) {
      if (removed.kind === 'not-found' && !reassignTo) return notFound(req, res);
      const message = removed.kind === 'conflict' ? 'Choose the worker who takes over their caseload' : removed.problems.join(' ').replace(/^reassign to: /, '');
      return removal(req, res, reassignTo, [{ field: 'reassignTo', message }], removed.kind === 'conflict' ? 409 : 400);
    }
    const moved = removed.value.reassigned ? ` ${removed.value.reassigned.moved} ${removed.value.reassigned.moved === 1 ? 'person is' : 'people are'} now with ${removed.value.reassigned.to.name}.` : '';
    redirectWithNotice(deps.session, res, '/admin/staff', `Removed ${removed.value.name}.${moved}`);
  });

  const programmesPage = async (req: express.Request, res: express.Response, values: ProgrammeFormValues, errors: FieldError[], status = 200) => {
    renderPage(res, <AdminProgrammesPage orgName={orgName} viewer={viewer(res)} csrf={csrf(req, res)} timeZone={timeZone} programmes={await admin.programmes.list()} measureIds={measureIds} values={values} errors={errors} notice={await noticeOf(deps.session, req, res)} />, status);
  };
  router.get('/admin/programmes', (req, res) => programmesPage(req, res, { window: '7d' }, []));
  router.post('/admin/programmes', async (req, res) => {
    const form = programmeForm.safeParse(req.body);
    if (!form.success) return programmesPage(req, res, { window: '7d' }, [{ field: 'name', message: 'The form could not be read: fill it in again' }], 400);
    const values = formValues(form.data);
    const input = {
      name: form.data.name, ...measuresInput(form.data.measures), followUps: list(form.data.followUps), window: form.data.window.trim() || '7d',
      ...(form.data.discharge.trim() ? { discharge: form.data.discharge.trim() } : {}), ...remindersInput(form.data.reminders),
      isDefault: form.data.isDefault === 'yes', progressMessages: form.data.progressMessages === 'yes',
    };
    const added = await addProgramme(admin, input, viewer(res).id);
    if (!added.ok) return programmesPage(req, res, values, fieldErrors(added.problems, programmeFields, 'name', programmeLabels), added.kind === 'duplicate' ? 409 : 400);
    redirectWithNotice(deps.session, res, `/admin/programmes/${added.value.id}`, `Added ${added.value.name}.`);
  });

  const programmePage = async (req: express.Request, res: express.Response, programme: Programme, values: ProgrammeFormValues | undefined, errors: FieldError[], problem?: string, status = 200) => {
    renderPage(res, (
      <ProgrammePage orgName={orgName} viewer={viewer(res)} csrf={csrf(req, res)} timeZone={timeZone} programme={programme} burden={programmeBurden(programme, admin.measures, admin.orgName ?? orgName)}
        measureIds={measureIds} values={values ?? currentValues(programme)} errors={errors} problem={problem} notice={await noticeOf(deps.session, req, res)} />
    ), status);
  };
  const programmeOf = async (req: express.Request) => {
    const id = idParam.safeParse(req.params.id);
    return id.success ? admin.programmes.get(id.data) : null;
  };
  router.get('/admin/programmes/:id', async (req, res) => {
    const programme = await programmeOf(req);
    if (!programme) return notFound(req, res);
    await programmePage(req, res, programme, undefined, []);
  });
  router.post('/admin/programmes/:id', async (req, res) => {
    const programme = await programmeOf(req);
    if (!programme) return notFound(req, res);
    const form = programmeForm.safeParse(req.body);
    if (!form.success) return programmePage(req, res, programme, undefined, [{ field: 'measures', message: 'The form could not be read: fill it in again' }], undefined, 400);
    const values = formValues(form.data);
    const was = currentValues(programme);
    // Only what changed is sent: an unchanged form makes no new plan version.
    const same = (key: keyof ProgrammeFormValues) => norm(String(values[key] ?? '')) === norm(String(was[key] ?? ''));
    const change = {
      ...(same('measures') ? {} : measuresInput(form.data.measures)),
      ...(same('followUps') ? {} : { followUps: list(form.data.followUps) }),
      ...(same('window') ? {} : { window: form.data.window.trim() }),
      ...(same('discharge') || !form.data.discharge.trim() ? {} : { discharge: form.data.discharge.trim() }),
      ...(same('reminders') ? {} : remindersInput(form.data.reminders)),
      ...(values.isDefault && !programme.isDefault ? { isDefault: true as const } : {}),
      ...(values.progressMessages === programme.progressMessages ? {} : { progressMessages: values.progressMessages === true }),
    };
    if (Object.keys(change).length === 0) return programmePage(req, res, programme, values, [], 'Nothing was changed.', 400);
    const edited = await editProgramme(admin, programme.id, change, viewer(res).id);
    if (!edited.ok) {
      const errors = fieldErrors(edited.problems, programmeFields, 'measures', programmeLabels);
      return programmePage(req, res, programme, values, errors, edited.kind === 'conflict' ? edited.problems.join(' ') : undefined, edited.kind === 'conflict' ? 409 : 400);
    }
    redirectWithNotice(deps.session, res, `/admin/programmes/${programme.id}`, `Saved ${edited.value.name}: plan version ${edited.value.planVersion ?? 1}.`);
  });
  router.post('/admin/programmes/:id/retire', async (req, res) => {
    const programme = await programmeOf(req);
    if (!programme) return notFound(req, res);
    const retired = await retireProgramme(admin, programme.id, viewer(res).id);
    if (!retired.ok) return programmePage(req, res, programme, undefined, [], retired.problems.join(' '), 409);
    redirectWithNotice(deps.session, res, '/admin/programmes', `Retired ${retired.value.name}.`);
  });

  function notFound(req: express.Request, res: express.Response) {
    renderPage(res, <MessagePage orgName={orgName} viewer={viewer(res)} csrf={csrf(req, res)} title="Page not found" message="There is nothing here." link={{ href: '/admin/staff', text: 'Staff' }} />, 404);
  }
  return router;
}

const staffLabels: Record<string, string> = { name: 'Name', phone: 'Mobile number', role: 'Role', team: 'Team' };
const programmeFields = ['name', 'measures', 'followUps', 'window', 'discharge', 'reminders', 'isDefault', 'progressMessages'];
const programmeLabels: Record<string, string> = {
  name: 'Name', measures: 'Measures', followUps: 'Follow-ups', window: 'Window', discharge: 'Discharge follow-up', reminders: 'Reminders',
  isDefault: 'Default', progressMessages: 'Progress messages',
};

/** The use cases' "field: what is wrong" as errors beside the fields (measureId and measuresAt are the Measures field here). */
function fieldErrors(problems: readonly string[], fields: readonly string[], fallback: string, labels: Record<string, string>): FieldError[] {
  return problems.map((problem) => {
    const match = /^(\w+)(?:\[\d+\])?(?:\.\w+)?: (.*)$/s.exec(problem);
    const raw = match?.[1] === 'measureId' || match?.[1] === 'measuresAt' ? 'measures' : match?.[1];
    const field = raw && fields.includes(raw) ? raw : fallback;
    const said = match && raw && fields.includes(raw) ? match[2] ?? problem : problem;
    return { field, message: `${labels[field] ?? field}: ${said}` };
  });
}

const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);
const norm = (text: string) => list(text).join(',').toLowerCase();

function measuresInput(text: string): { measureId?: string; measures?: string[] } {
  const ids = list(text);
  return ids.length === 1 ? { measureId: ids[0] as string } : ids.length === 0 ? {} : { measures: ids };
}

/** Reminders typed as "2, 5": numbers for the use case; anything else is passed on for it to refuse in its words. */
function remindersInput(text: string): { reminders?: unknown[] } {
  const parts = list(text);
  if (parts.length === 0) return {};
  return { reminders: parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part)) };
}

function formValues(form: z.output<typeof programmeForm>): ProgrammeFormValues {
  return { ...form, isDefault: form.isDefault === 'yes', progressMessages: form.progressMessages === 'yes' };
}

function currentValues(programme: Programme): ProgrammeFormValues {
  const { plan } = programme;
  return {
    name: programme.name, measures: questionnaireOf(programme).measures.join(', '),
    followUps: plan.followUps.map((f) => f.id).join(', '),
    window: `${plan.followUps[0]?.windowAfterDays ?? plan.discharge?.windowAfterDays ?? 7}d`,
    discharge: plan.discharge ? `${plan.discharge.offsetDays}d` : '',
    reminders: plan.reminders.afterDays.join(', '),
    isDefault: programme.isDefault, progressMessages: programme.progressMessages,
  };
}
