// The form editor: form-js 1.8.7, the version the Camunda 7.24 Tasklist renders (schemaVersion
// 16), so that what a coordinator builds here is what a caregiver sees.
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';

import { FormEditor } from '@bpmn-io/form-js-editor';
import { fillTenants, getJson, loadContent, messages, status, wireToolbar } from './common.js';

const formEditor = new FormEditor({ container: document.getElementById('canvas') });
window.zorgpadFormEditor = formEditor;

const editor = {
  async getContent() {
    return JSON.stringify(formEditor.saveSchema(), null, 2);
  },
  showIssues(issues) {
    document.querySelectorAll('.zp-form-error').forEach(el => el.classList.remove('zp-form-error'));
    for (const issue of issues) {
      if (issue.elementId) {
        const field = document.querySelector('[data-id="' + CSS.escape(issue.elementId) + '"]');
        if (field) {
          field.classList.add('zp-form-error');
        }
      }
    }
  },
  select(elementId) {
    const field = formEditor.get('formFieldRegistry').get(elementId);
    if (field) {
      formEditor.get('selection').set(field);
    }
  }
};

async function start() {
  status(messages.loading);
  try {
    const [ json, catalog ] = await Promise.all([ loadContent(), getJson('/catalog') ]);
    await formEditor.importSchema(JSON.parse(json));
    await fillTenants(catalog);
    wireToolbar(editor);
    status('');
    document.body.dataset.editorReady = 'true';
  } catch (e) {
    status(messages.loadFailed + ' ' + e.message, 'error');
  }
}

start();
