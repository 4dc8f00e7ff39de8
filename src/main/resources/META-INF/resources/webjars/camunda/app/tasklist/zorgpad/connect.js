/*
 * Zorgpad: the Tasklist connected to the rest of Zorgpad (issue 15).
 *
 * - every task shows its case number (the business key) with a link to the case page
 *   /casus/{nr}, in the task header where Camunda put its Cockpit link (hidden for users
 *   without Cockpit: caregivers get a 403 there);
 * - the toast after "Casus starten" names the new case number;
 * - a refused start or submit shows Zorgpad's Dutch text only, without the engine REST's
 *   "Cannot instantiate process definition <id>: " / "Cannot submit task form <id>: " prefix,
 *   and the message is scrolled into view;
 * - Esc in a form's date picker closes only the picker, not the "Casus starten" dialog;
 *   the picker (form-js's flatpickr) is Dutch and starts on Monday;
 * - <html lang="nl">; the brand link leads to Zorgpad's home page.
 *
 * Texts come from locales/nl.json (keys ZORGPAD_*). Registered in scripts/config.js
 * (customScripts); no default export: not a plugin.
 * The Tasklist opens a task at the stable URL form /camunda/app/tasklist/default/#/?task=<taskId>
 * (used by the notification mails and the case page).
 */
const angular = window.angular;

const REST_PREFIX = /^(?:Cannot (?:instantiate process definition|submit task form|complete task|submit form)|Unable to submit task form) \S+: /;

/** Zorgpad's Dutch text without the engine REST's English prefix. */
export function withoutRestPrefix(message) {
  return typeof message === 'string' ? message.replace(REST_PREFIX, '') : message;
}

document.documentElement.setAttribute('lang', 'nl');

// The list sorted by deadline, the soonest first, unless the user chose another order: the
// Tasklist's own default ("Aangemaakt", newest first) hides what is due next. Set in the URL
// before the Tasklist starts, so its sorting menu shows it too.
if (!/[?&]sorting=/.test(window.location.hash)) {
  const hash = window.location.hash.replace(/^#!?/, '') || '/';
  const sorting = 'sorting=' + encodeURIComponent('[{"sortBy":"dueDate","sortOrder":"asc"}]');
  window.history.replaceState(null, '', '#' + hash + (hash.indexOf('?') === -1 ? '?' : '&')
    + sorting);
}

// The business key of the last case started from this page: the engine REST answers
// POST /process-definition/{id}/submit-form with the new instance (businessKey set by Zorgpad's
// CaseRegistrationListener at the start). The SDK sends it with XMLHttpRequest, not $http.
let lastStartedCase = null;
const xhrOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (/\/process-definition\/[^/]+\/submit-form/.test(String(url))) {
    this.addEventListener('load', () => {
      try {
        const started = JSON.parse(this.responseText);
        if (started && started.businessKey) {
          lastStartedCase = started.businessKey;
        }
      } catch (e) {
        // not JSON: a refusal; nothing to remember
      }
    });
  }
  return xhrOpen.apply(this, arguments);
};

function engineApi() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('engine-api') || '/camunda/api/engine/') + 'engine/default/';
}

if (angular) {
  try {
    const tasklist = angular.module('cam.tasklist');

    tasklist.config(['$provide', function ($provide) {
      // $translate through the injector: $translate's locale loader needs Notifications itself
      $provide.decorator('Notifications', ['$delegate', '$injector', '$timeout',
        function (Notifications, $injector, $timeout) {
          const addError = Notifications.addError;
          Notifications.addError = function (notification) {
            if (notification && notification.message) {
              notification.message = withoutRestPrefix(notification.message);
            }
            const result = addError.apply(this, arguments);
            // the start dialog shows it at its top, out of view after a long form
            $timeout(() => {
              const shown = document.querySelectorAll('.modal .notifications .alert-danger, .notifications .alert-danger');
              if (shown.length) {
                shown[shown.length - 1].scrollIntoView({block: 'center'});
              }
            }, 50);
            return result;
          };
          const addMessage = Notifications.addMessage;
          Notifications.addMessage = function (notification) {
            const $translate = $injector.get('$translate');
            if (notification && lastStartedCase
                && notification.status === $translate.instant('PROCESS_START_OK')) {
              notification.status = $translate.instant('ZORGPAD_CASE_STARTED',
                {caseNumber: lastStartedCase});
              notification.duration = 8000;
              lastStartedCase = null;
            }
            return addMessage.apply(this, arguments);
          };
          return Notifications;
        }]);
    }]);

    // <div class="definition-name"> in the task header (cam-tasklist-task.html): the case link
    tasklist.directive('definitionName', ['$http', '$translate', function ($http, $translate) {
      return {
        restrict: 'C',
        link: function (scope, element) {
          const box = document.createElement('div');
          box.className = 'zorgpad-case';
          element[0].appendChild(box);
          let shownFor = null;
          scope.$watch('task', function (task) {
            if (!task || !task.processInstanceId || shownFor === task.id) {
              return;
            }
            shownFor = task.id;
            box.textContent = '';
            caseNumberOf(task).then(function (caseNumber) {
              if (!caseNumber || shownFor !== task.id) {
                return;
              }
              const link = document.createElement('a');
              link.className = 'zorgpad-case-link';
              link.href = '/casus/' + encodeURIComponent(caseNumber);
              link.title = $translate.instant('ZORGPAD_CASE_LINK_TITLE');
              link.textContent = $translate.instant('ZORGPAD_CASE_LINK', {caseNumber: caseNumber});
              box.appendChild(link);
            });
          });

          function caseNumberOf(task) {
            return $http.get(engineApi() + 'process-instance/' + task.processInstanceId)
              .then(function (response) {
                return response.data.businessKey;
              })
              .catch(function () {
                return $http.get(engineApi() + 'task/' + task.id
                    + '/variables/caseNumber?deserializeValue=false')
                  .then(function (response) {
                    return response.data.value;
                  })
                  .catch(function () {
                    return null;
                  });
              });
          }
        }
      };
    }]);

    tasklist.run(['$rootScope', function ($rootScope) {
      // Cockpit's link in the task header only for those who may use Cockpit
      $rootScope.$watch('authentication.authorizedApps', function (apps) {
        document.body.classList.toggle('zorgpad-cockpit',
          Array.isArray(apps) && apps.indexOf('cockpit') !== -1);
      });
    }]);
  } catch (e) {
    console.warn('Zorgpad: could not connect the Tasklist', e);
  }
}

// ---- form-js's date picker (flatpickr) ----------------------------------------------------

const FLATPICKR_NL = {
  firstDayOfWeek: 1,
  weekdays: {
    shorthand: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    longhand: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov',
      'dec'],
    longhand: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
      'september', 'oktober', 'november', 'december']
  },
  rangeSeparator: ' t/m ',
  weekAbbreviation: 'wk',
  scrollTitle: 'Scroll om te verhogen',
  toggleTitle: 'Klik om te wisselen',
  time_24hr: true,
  ordinal: function () {
    return 'e';
  }
};

function pickers() {
  return Array.prototype.filter.call(document.querySelectorAll('input'),
    input => input._flatpickr);
}

// On a phone the calendar (seven day columns, wider than the field) ran off the right edge:
// moved back inside the window each time it opens.
function keepInWindow(picker) {
  const calendar = picker.calendarContainer;
  if (!calendar) {
    return;
  }
  calendar.style.transform = '';
  const box = calendar.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (box.right > width - 4) {
    shift = width - 4 - box.right;
  }
  if (box.left + shift < 4) {
    shift = 4 - box.left;
  }
  if (shift) {
    calendar.style.transform = 'translateX(' + Math.round(shift) + 'px)';
  }
}

function makeDutch() {
  for (const input of pickers()) {
    const picker = input._flatpickr;
    if (!picker.__zorgpadDutch) {
      picker.__zorgpadDutch = true;
      try {
        if (Array.isArray(picker.config.onOpen)) {
          picker.config.onOpen.push(() => window.requestAnimationFrame(() => keepInWindow(picker)));
        }
        picker.set('locale', FLATPICKR_NL);
        picker.redraw();
      } catch (e) {
        console.warn('Zorgpad: could not make the date picker Dutch', e);
      }
    }
  }
}

// Esc while a calendar is open: close the calendar only. The dialog (uib-modal) listens on the
// document; this listener runs first (capture on window) and keeps the key from it.
window.addEventListener('keydown', function (event) {
  if (event.key !== 'Escape' && event.key !== 'Esc') {
    return;
  }
  const open = pickers().filter(input => input._flatpickr.isOpen);
  if (open.length) {
    open.forEach(input => input._flatpickr.close());
    event.stopPropagation();
    event.preventDefault();
  }
}, true);

function observe() {
  makeDutch();
  new MutationObserver(function () {
    makeDutch();
    const brand = document.querySelector('[cam-widget-header] a.navbar-brand');
    if (brand && brand.getAttribute('href') !== '/') {
      brand.setAttribute('href', '/');
    }
  }).observe(document.body, {childList: true, subtree: true});
}

if (document.body) {
  observe();
} else {
  document.addEventListener('DOMContentLoaded', observe);
}
