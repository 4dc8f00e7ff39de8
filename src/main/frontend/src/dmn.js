// The decision editor: dmn-js (DRD, decision tables, literal expressions).
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

import DmnModeler from 'dmn-js/lib/Modeler';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';
import DutchTranslate from './nl-dmn.js';
import { fillTenants, getJson, loadContent, messages, status, wireToolbar } from './common.js';

const modeler = new DmnModeler({
  container: '#canvas',
  common: { keyboard: { bindTo: window } },
  // dmn-js takes additionalModules per view (a common list would be replaced, not merged)
  drd: { additionalModules: [ DutchTranslate ] },
  decisionTable: { additionalModules: [ DutchTranslate ] },
  literalExpression: { additionalModules: [ DutchTranslate ] },
  moddleExtensions: { camunda: camundaModdle }
});
window.zorgpadModeler = modeler;

const editor = {
  async getContent() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  },
  showIssues(issues) {
    const viewer = modeler.getActiveViewer();
    if (!viewer || modeler.getActiveView().type !== 'drd') {
      return;
    }
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    overlays.remove({ type: 'zorgpad-validation' });
    for (const issue of issues) {
      if (issue.elementId && registry.get(issue.elementId)) {
        const marker = document.createElement('div');
        marker.className = 'zp-issue-marker' + (issue.severity === 'ERROR' ? '' : ' zp-warning');
        marker.dataset.elementId = issue.elementId;
        marker.textContent = '!';
        marker.title = issue.message;
        overlays.add(issue.elementId, 'zorgpad-validation', { position: { top: -10, right: 10 }, html: marker });
      }
    }
  },
  select(elementId) {
    const view = modeler.getViews().find(v => v.element.id === elementId);
    if (view) {
      modeler.open(view);
    }
  }
};

async function start() {
  status(messages.loading);
  try {
    const [ xml, catalog ] = await Promise.all([ loadContent(), getJson('/catalog') ]);
    await modeler.importXML(xml);
    await fillTenants(catalog);
    wireToolbar(editor);
    status('');
    document.body.dataset.editorReady = 'true';
  } catch (e) {
    status(messages.loadFailed + ' ' + e.message, 'error');
  }
}

start();
