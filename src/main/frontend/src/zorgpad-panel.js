// The Dutch panel for what a coordinator edits: name, discipline (candidate group from the
// sociale kaart), form (camunda:formRef), due date in working days or calendar days, and timer
// durations in days. Everything else stays in the full Camunda properties panel.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

const DAYS = /^P(\d+)D$/;
// how the shipped pathways write a deadline in working days (nl.zorgpad.pathway.Deadlines)
const WORKING_DAYS = /^\$\{deadlines\.inWorkingDays\((\d+)\)\}$/;

/** The camunda:dueDate for a number of days in a unit (workingDays or days). */
export function dueDateExpression(days, unit) {
  const n = parseInt(days, 10);
  return unit === 'days' ? 'P' + n + 'D' : '${deadlines.inWorkingDays(' + n + ')}';
}

/** {days, unit} for a camunda:dueDate the panel can edit, else null (another expression). */
export function parseDueDate(due) {
  let match = WORKING_DAYS.exec(due || '');
  if (match) {
    return { days: match[1], unit: 'workingDays' };
  }
  match = DAYS.exec(due || '');
  return match ? { days: match[1], unit: 'days' } : null;
}

export class ZorgpadPanel {

  constructor(modeler, catalog, messages) {
    this.modeler = modeler;
    this.catalog = catalog;
    this.messages = messages;
    this.element = null;
    this.fields = {
      container: document.getElementById('zp-panel-fields'),
      empty: document.getElementById('zp-panel-empty'),
      name: document.getElementById('zp-name'),
      taskFields: document.getElementById('zp-task-fields'),
      discipline: document.getElementById('zp-discipline'),
      form: document.getElementById('zp-form'),
      due: document.getElementById('zp-due'),
      dueUnit: document.getElementById('zp-due-unit'),
      dueExpression: document.getElementById('zp-due-expression'),
      timerFields: document.getElementById('zp-timer-fields'),
      timer: document.getElementById('zp-timer'),
      timerExpression: document.getElementById('zp-timer-expression')
    };
    const eventBus = modeler.get('eventBus');
    eventBus.on('selection.changed', event => {
      this.element = event.newSelection.length === 1 ? event.newSelection[0] : null;
      this.render();
    });
    eventBus.on('elements.changed', event => {
      if (this.element && event.elements.includes(this.element)) {
        this.render();
      }
    });
    this.fields.name.addEventListener('change', () => this.update({ name: this.fields.name.value || undefined }));
    this.fields.discipline.addEventListener('change', () =>
      this.update({ 'camunda:candidateGroups': this.fields.discipline.value || undefined }));
    this.fields.form.addEventListener('change', () => {
      const formRef = this.fields.form.value || undefined;
      // no 'camunda:formKey' key here: camunda-bpmn-js-behaviors (UserTaskFormsBehavior) clears
      // formRef whenever an update names formKey, even as undefined; it removes formKey itself
      this.update({
        'camunda:formRef': formRef,
        'camunda:formRefBinding': formRef ? 'latest' : undefined
      });
    });
    const updateDue = () => {
      const days = this.fields.due.value;
      this.update({
        'camunda:dueDate': days === '' ? undefined : dueDateExpression(days, this.fields.dueUnit.value)
      });
    };
    this.fields.due.addEventListener('change', updateDue);
    this.fields.dueUnit.addEventListener('change', () => {
      if (this.fields.due.value !== '') {
        updateDue();
      }
    });
    this.fields.timer.addEventListener('change', () => this.updateTimer(this.fields.timer.value));
    this.render();
  }

  update(properties) {
    if (this.element) {
      this.modeler.get('modeling').updateProperties(this.element, properties);
    }
  }

  timerDefinition() {
    const bo = this.element && getBusinessObject(this.element);
    return bo && (bo.eventDefinitions || []).find(definition => is(definition, 'bpmn:TimerEventDefinition'));
  }

  updateTimer(days) {
    const timer = this.timerDefinition();
    if (!timer || days === '') {
      return;
    }
    const expression = this.modeler.get('moddle').create('bpmn:FormalExpression', { body: 'P' + parseInt(days, 10) + 'D' });
    this.modeler.get('modeling').updateModdleProperties(this.element, timer, {
      timeDuration: expression, timeDate: undefined, timeCycle: undefined
    });
  }

  render() {
    const f = this.fields;
    const element = this.element;
    const isRoot = element && !element.parent;
    if (!element || isRoot || element.type === 'label') {
      f.container.hidden = true;
      f.empty.hidden = false;
      return;
    }
    f.container.hidden = false;
    f.empty.hidden = true;
    const bo = getBusinessObject(element);
    f.name.value = bo.name || '';

    const isUserTask = is(element, 'bpmn:UserTask');
    f.taskFields.hidden = !isUserTask;
    if (isUserTask) {
      const groups = bo.get('camunda:candidateGroups') || '';
      fillSelect(f.discipline, this.messages.noDiscipline,
        this.catalog.candidateGroups.map(group => ({ value: group.id, label: group.name + ' (' + group.id + ')' })),
        groups, this.messages.expression);
      const formRef = bo.get('camunda:formRef') || '';
      fillSelect(f.form, this.messages.noForm,
        this.catalog.forms.map(form => ({ value: form.id,
          label: form.title && form.title !== form.id ? form.title + ' (' + form.id + ')' : form.id })),
        formRef, this.messages.expression);
      const due = bo.get('camunda:dueDate') || '';
      const parsed = parseDueDate(due);
      f.due.value = parsed ? parsed.days : '';
      f.dueUnit.value = parsed ? parsed.unit : 'workingDays';
      f.dueExpression.textContent = due && !parsed ? this.messages.expression + ' ' + due : '';
    }

    const timer = this.timerDefinition();
    f.timerFields.hidden = !timer;
    if (timer) {
      const body = ['timeDuration', 'timeDate', 'timeCycle']
        .map(key => timer.get(key) && timer.get(key).body).find(Boolean) || '';
      const match = timer.get('timeDuration') && DAYS.exec(body);
      f.timer.value = match ? match[1] : '';
      f.timerExpression.textContent = body && !match ? this.messages.expression + ' ' + body : '';
    }
  }
}

function fillSelect(select, emptyLabel, options, current, expressionLabel) {
  select.innerHTML = '';
  const empty = document.createElement('option');
  empty.value = '';
  empty.textContent = emptyLabel;
  select.appendChild(empty);
  const all = options.slice();
  if (current && !all.some(option => option.value === current)) {
    all.push({ value: current, label: (current.includes('{') ? expressionLabel + ' ' : '') + current });
  }
  for (const option of all) {
    const element = document.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    select.appendChild(element);
  }
  select.value = current;
}
