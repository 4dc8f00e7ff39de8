// Small behaviour of Zorgpad's own pages, kept out of the templates: the Content-Security-Policy
// (security/SecurityHeaders) allows no inline script or event-handler attribute.

// A form with data-confirm (e.g. "Verwijderen" on the sociale kaart) asks before it is sent.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm
      && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);
