// Shared by the three editors: API calls, the status line, the list of validation issues.
const canvasElement = document.getElementById('canvas');

export const resource = {
  kind: canvasElement.dataset.kind,
  name: canvasElement.dataset.name,
  tenant: canvasElement.dataset.tenant || '',
  deployment: canvasElement.dataset.deployment,
  base: canvasElement.dataset.base
};

// The Dutch texts and the CSRF token come as data attributes of #zp-editor-config (the page has
// no inline script: Content-Security-Policy script-src 'self').
const config = Object.assign({}, (document.getElementById('zp-editor-config') || {}).dataset);
const csrf = { header: config.csrfHeader, token: config.csrfToken };
delete config.csrfHeader;
delete config.csrfToken;
export const messages = config;

export function status(text, kind) {
  const element = document.getElementById('editor-status');
  element.textContent = text || '';
  element.className = 'zp-status' + (kind ? ' zp-status-' + kind : '');
}

function headers(json) {
  const result = { 'Accept': 'application/json' };
  if (json) {
    result['Content-Type'] = 'application/json';
  }
  if (csrf.header) {
    result[csrf.header] = csrf.token;
  }
  return result;
}

export async function loadContent() {
  const params = new URLSearchParams({ name: resource.name, deployment: resource.deployment });
  if (resource.tenant) {
    params.set('tenant', resource.tenant);
  }
  const response = await fetch(resource.base + '/resource?' + params, { headers: { 'Accept': 'text/plain' } });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  return response.text();
}

export async function getJson(path) {
  const response = await fetch(resource.base + path, { headers: headers(false) });
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  return response.json();
}

async function post(path, content) {
  const body = JSON.stringify({
    resources: [ { name: resource.name, content } ],
    tenantId: selectedTenant()
  });
  const response = await fetch(resource.base + path, { method: 'POST', headers: headers(true), body });
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  return { status: response.status, json };
}

export function selectedTenant() {
  const select = document.getElementById('tenant-select');
  return select && select.value ? select.value : null;
}

export async function fillTenants(catalog) {
  const select = document.getElementById('tenant-select');
  for (const tenant of catalog.tenants || []) {
    const option = document.createElement('option');
    option.value = tenant;
    option.textContent = tenant;
    select.appendChild(option);
  }
  select.value = resource.tenant || '';
  if (select.selectedIndex < 0 && select.options.length) {
    // a coalition's coordinator publishes for her coalition, not shared (decision 0005)
    select.selectedIndex = 0;
  }
}

/**
 * Wires the buttons. `editor` has: getContent() → Promise<string>, showIssues(issues),
 * select(elementId).
 */
export function wireToolbar(editor) {
  document.getElementById('btn-validate').addEventListener('click', async () => {
    status(messages.validating);
    try {
      const { status: code, json } = await post('/validate', await editor.getContent());
      if (code !== 200) {
        status(code === 403 ? messages.forbidden : messages.failed, 'error');
        return;
      }
      renderIssues(json.issues, editor);
      const errors = json.issues.filter(issue => issue.severity === 'ERROR');
      status(errors.length ? messages.invalid : messages.valid, errors.length ? 'error' : 'ok');
    } catch (e) {
      status(messages.failed + ' ' + e.message, 'error');
    }
  });
  document.getElementById('btn-deploy').addEventListener('click', async () => {
    status(messages.deploying);
    try {
      const { status: code, json } = await post('/deploy', await editor.getContent());
      if (code === 403) {
        // a coalition refusal carries its Dutch reason (decision 0005)
        status(json && json.message ? json.message : messages.forbidden, 'error');
        return;
      }
      if (code === 422) {
        renderIssues(json.issues, editor);
        status(messages.invalid, 'error');
        return;
      }
      if (code === 409 && json && json.error === 'no-changes') {
        // "Geen wijzigingen": the newest version is already this model (issue 15)
        renderIssues(json.issues || [], editor);
        status(json.message || messages.unchanged, 'error');
        return;
      }
      if (code !== 200) {
        status(messages.failed, 'error');
        return;
      }
      renderIssues(json.issues, editor);
      status(json.deployed ? messages.deployed : messages.unchanged, 'ok');
      if (json.deployed) {
        resource.deployment = json.deploymentId;
        await showLatestVersion();
      }
    } catch (e) {
      status(messages.failed + ' ' + e.message, 'error');
    }
  });
  document.getElementById('btn-download').addEventListener('click', async () => {
    const blob = new Blob([ await editor.getContent() ], { type: 'application/octet-stream' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = resource.name.substring(resource.name.lastIndexOf('/') + 1);
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

/**
 * After a publish, the header shows the version that is now open (the newest): the editor page
 * for the newest version renders that line, so take it from there.
 */
async function showLatestVersion() {
  const params = new URLSearchParams({ name: resource.name });
  if (resource.tenant) {
    params.set('tenant', resource.tenant);
  }
  try {
    const response = await fetch(window.location.pathname + '?' + params, { headers: { 'Accept': 'text/html' } });
    if (!response.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const line = page.getElementById('editor-version');
    if (line) {
      document.getElementById('editor-version').textContent = line.textContent;
    }
  } catch (e) {
    // the header keeps the old line; the overview shows the new version
  }
}

export function renderIssues(issues, editor) {
  const list = document.getElementById('validation-issues');
  const empty = document.getElementById('issues-empty');
  list.innerHTML = '';
  empty.hidden = true;
  if (!issues.length) {
    empty.hidden = false;
    empty.textContent = messages.valid;
  }
  for (const issue of issues) {
    const item = document.createElement('li');
    item.className = issue.severity === 'ERROR' ? 'zp-error-item' : 'zp-warning';
    item.dataset.elementId = issue.elementId || '';
    item.dataset.rule = issue.rule;
    const label = issue.severity === 'ERROR' ? messages.error : messages.warning;
    item.textContent = label + ' – ' + (issue.elementId || messages.whole) + ': ' + issue.message;
    if (issue.elementId) {
      item.addEventListener('click', () => editor.select(issue.elementId));
    }
    list.appendChild(item);
  }
  editor.showIssues(issues);
}
