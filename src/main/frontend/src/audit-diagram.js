// The auditor's case history (/audit/casus/{number}): the pathway diagram (bpmn-js
// NavigatedViewer, read-only) with the path taken marked and the time spent per step as an
// overlay. The server formats the times in Dutch; this script only places them.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './audit-diagram.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { showFailure } from './diagram-failure.js';

async function show(container) {
  const response = await fetch(container.dataset.diagramUrl, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    showFailure(container);
    return;
  }
  const view = await response.json();
  container.classList.add('zp-loaded');
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(view.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  for (const step of view.steps) {
    if (!registry.get(step.id)) {
      continue;
    }
    canvas.addMarker(step.id, step.open ? 'zp-current' : 'zp-done');
    const label = document.createElement('div');
    label.className = 'zp-step-time';
    label.textContent = (step.times > 1 ? step.times + '× · ' : '') + step.time;
    overlays.add(step.id, { position: { bottom: 14, left: 0 }, html: label });
  }
  canvas.zoom('fit-viewport');
  container.dataset.state = 'ready';
}

const container = document.getElementById('audit-diagram');
if (container) {
  show(container).catch(() => showFailure(container));
}
