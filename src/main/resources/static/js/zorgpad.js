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
