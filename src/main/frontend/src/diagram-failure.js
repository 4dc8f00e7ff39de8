// Shared by the case overview's and the auditor's diagram: when the diagram cannot be shown
// (no access, no diagram information in the pathway), say so in Dutch instead of leaving an
// empty box. The page gives the text in data-error-text (messages.properties).
export function showFailure(container, state = 'error') {
  container.dataset.state = state;
  container.replaceChildren();
  const message = document.createElement('p');
  message.className = 'zp-muted';
  message.textContent = container.dataset.errorText || '';
  container.appendChild(message);
}
