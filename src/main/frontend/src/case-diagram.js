// The case overview's pathway diagram (/casus/{number}): bpmn-js NavigatedViewer, read-only,
// with the case's current elements (zp-current) and passed elements (zp-done) marked. The page
// gives the URL of /casus/{number}/diagram (need-to-know checked and logged server-side).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './case-diagram.css';

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
  if (!view.xml) {
    showFailure(container, 'empty');
    return;
  }
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(view.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const id of view.passed) {
    if (registry.get(id)) {
      canvas.addMarker(id, 'zp-done');
    }
  }
  for (const id of view.active) {
    if (registry.get(id)) {
      canvas.addMarker(id, 'zp-current');
    }
  }
  canvas.zoom('fit-viewport');
  container.dataset.state = 'ready';
  container.dataset.active = view.active.join(' ');
}

const container = document.getElementById('case-diagram');
if (container) {
  show(container).catch(() => showFailure(container));
}
