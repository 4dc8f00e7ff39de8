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
  showCurrent(canvas, registry, view.active);
  wireZoomButtons(canvas, registry, view.active);
  container.dataset.state = 'ready';
  container.dataset.active = view.active.join(' ');
}

// Issue 15: the whole pathway fitted into the box was too small to read. The view opens at a
// readable scale on where the case stands (the whole pathway when that fits readably, or when
// nothing is active); the zoom buttons move from there.
const READABLE = 0.8;

function showCurrent(canvas, registry, active) {
  canvas.zoom('fit-viewport');
  const fitted = canvas.zoom();
  const elements = active.map((id) => registry.get(id)).filter(Boolean);
  if (fitted >= READABLE || elements.length === 0) {
    return;
  }
  const box = bounds(elements);
  const size = canvas.viewbox().outer;
  const scale = Math.min(1, Math.max(READABLE,
    Math.min(size.width / (box.width + 200), size.height / (box.height + 200))));
  const width = size.width / scale;
  const height = size.height / scale;
  canvas.viewbox({
    x: box.x + box.width / 2 - width / 2,
    y: box.y + box.height / 2 - height / 2,
    width,
    height
  });
}

function bounds(elements) {
  const xs = elements.map((e) => e.x);
  const ys = elements.map((e) => e.y);
  const x2 = elements.map((e) => e.x + (e.width || 0));
  const y2 = elements.map((e) => e.y + (e.height || 0));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...x2) - x, height: Math.max(...y2) - y };
}

function wireZoomButtons(canvas, registry, active) {
  const tools = document.getElementById('case-diagram-tools');
  if (!tools) {
    return;
  }
  tools.hidden = false;
  tools.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-zoom]');
    if (!button) {
      return;
    }
    const action = button.dataset.zoom;
    if (action === 'in') {
      canvas.zoom(canvas.zoom() * 1.25, 'auto');
    } else if (action === 'out') {
      canvas.zoom(canvas.zoom() / 1.25, 'auto');
    } else if (action === 'fit') {
      canvas.zoom('fit-viewport');
    } else if (action === 'current') {
      showCurrent(canvas, registry, active);
    }
  });
}

const container = document.getElementById('case-diagram');
if (container) {
  show(container).catch(() => showFailure(container));
}
