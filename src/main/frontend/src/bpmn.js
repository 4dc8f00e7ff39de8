// The pathway editor: bpmn-js with Camunda 7 properties panel, element templates, a Dutch
// Zorgpad panel, and validation findings drawn on the diagram elements.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import DutchTranslate from './nl.js';
import { ZorgpadPanel } from './zorgpad-panel.js';
import {
  fillTenants, getJson, loadContent, messages, resource, status, wireToolbar
} from './common.js';

const modeler = new BpmnModeler({
  container: '#canvas',
  propertiesPanel: { parent: '#properties' },
  additionalModules: [
    BpmnPropertiesPanelModule,
    BpmnPropertiesProviderModule,
    CamundaPlatformPropertiesProviderModule,
    ElementTemplatesPropertiesProviderModule,
    CamundaBehaviorsModule,
    DutchTranslate
  ],
  moddleExtensions: { camunda: camundaModdle }
});
window.zorgpadModeler = modeler; // for browser tests and the curious

const editor = {
  async getContent() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  },
  showIssues(issues) {
    const overlays = modeler.get('overlays');
    const canvas = modeler.get('canvas');
    const registry = modeler.get('elementRegistry');
    overlays.remove({ type: 'zorgpad-validation' });
    registry.forEach(element => canvas.removeMarker(element, 'zp-has-error'));
    const byElement = new Map();
    for (const issue of issues) {
      if (issue.elementId && registry.get(issue.elementId)) {
        const list = byElement.get(issue.elementId) || [];
        list.push(issue);
        byElement.set(issue.elementId, list);
      }
    }
    byElement.forEach((list, elementId) => {
      const hasError = list.some(issue => issue.severity === 'ERROR');
      const marker = document.createElement('div');
      marker.className = 'zp-issue-marker' + (hasError ? '' : ' zp-warning');
      marker.dataset.elementId = elementId;
      marker.textContent = String(list.length);
      marker.title = list.map(issue => issue.message).join('\n');
      const element = registry.get(elementId);
      const isRoot = !element.parent;
      if (!isRoot) {
        overlays.add(elementId, 'zorgpad-validation', { position: { top: -10, right: 10 }, html: marker });
        if (hasError) {
          canvas.addMarker(elementId, 'zp-has-error');
        }
      }
    });
  },
  select(elementId) {
    const element = modeler.get('elementRegistry').get(elementId);
    if (element) {
      modeler.get('selection').select(element);
      if (element.parent) {
        modeler.get('canvas').scrollToElement(element);
      }
    }
  }
};

const READABLE_ZOOM = 0.8;

/**
 * The whole diagram when it fits at a readable size; a long pathway opens at its beginning
 * (top left) at a readable size instead of as a miniature.
 */
function readableStart(canvas) {
  canvas.zoom('fit-viewport');
  const viewbox = canvas.viewbox();
  if (viewbox.scale >= READABLE_ZOOM) {
    return;
  }
  canvas.viewbox({
    x: viewbox.inner.x - 160,
    y: viewbox.inner.y - 40,
    width: viewbox.outer.width / READABLE_ZOOM,
    height: viewbox.outer.height / READABLE_ZOOM
  });
}

function wireZoom(canvas) {
  const step = factor => canvas.zoom(Math.min(4, Math.max(0.2, canvas.zoom() * factor)), 'auto');
  document.getElementById('btn-zoom-in').addEventListener('click', () => step(1.25));
  document.getElementById('btn-zoom-out').addEventListener('click', () => step(0.8));
  document.getElementById('btn-zoom-fit').addEventListener('click', () => canvas.zoom('fit-viewport'));
}

async function start() {
  status(messages.loading);
  try {
    const [ xml, catalog, templates ] = await Promise.all([
      loadContent(), getJson('/catalog'), getJson('/element-templates').catch(() => [])
    ]);
    modeler.get('elementTemplatesLoader').setTemplates(templates);
    await modeler.importXML(xml);
    readableStart(modeler.get('canvas'));
    wireZoom(modeler.get('canvas'));
    await fillTenants(catalog);
    new ZorgpadPanel(modeler, catalog, messages);
    wireToolbar(editor);
    status('');
    document.body.dataset.editorReady = 'true';
  } catch (e) {
    status(messages.loadFailed + ' ' + e.message, 'error');
  }
}

start();
