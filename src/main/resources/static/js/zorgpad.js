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

// The login form keeps the address's fragment (data-keep-fragment): a link into the Tasklist
// (".../tasklist/default/#/?task=…", e.g. from a notification mail) reaches the login page with its
// fragment, which a browser never sends to the server. Sent to "/login#…", the fragment stays on
// the redirect after login (a redirect without a fragment of its own keeps the request's), so she
// lands on the task the link named, not on the Tasklist's start.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && 'keepFragment' in form.dataset && location.hash) {
    form.action = form.action.split('#')[0] + location.hash;
  }
}, true);

// A box that scrolls sideways (a wide table on a phone) can be reached and scrolled with the
// keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"): it takes focus while it overflows.
function markScrollableRegions() {
  document.querySelectorAll('.zp-scroll, .zp-table, .zp-monitor-table-wrap').forEach(function (box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1
      && getComputedStyle(box).overflowX !== 'visible';
    if (scrolls && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.dataset.zpScrollable = 'true';
    } else if (!scrolls && box.dataset.zpScrollable) {
      box.removeAttribute('tabindex');
      delete box.dataset.zpScrollable;
    }
  });
}
document.addEventListener('DOMContentLoaded', markScrollableRegions);
window.addEventListener('load', markScrollableRegions);
window.addEventListener('resize', markScrollableRegions);
