/*
 * Zorgpad configuration of the Camunda 7.24 Tasklist.
 *
 * This file replaces the webjar's app/tasklist/scripts/config.js: Spring Boot
 * serves src/main/resources/META-INF/resources/webjars/camunda/... before the
 * same path inside camunda-webapp-webjar (see docs/tasklist.md).
 * Same shape as Camunda's own file (an ES module with a default export).
 */
export default {
  // Header brand and window title: "<vendor> <name>"
  app: {
    name: 'Zorgpad',
    vendor: 'Kansrijke Start'
  },

  // moment.js patterns; month and day names come from locales/nl.json (dateLocales)
  dateFormat: {
    monthName: 'MMMM', //          november
    day: 'DD', //                  07
    abbr: 'D MMM YYYY HH:mm', //   7 nov 2025 14:05
    normal: 'D MMMM YYYY HH:mm', // 7 november 2025 14:05
    long: 'dddd D MMMM YYYY HH:mm', // vrijdag 7 november 2025 14:05
    short: 'DD-MM-YYYY' //         07-11-2025
  },

  // Dutch only: whatever the browser language, the Tasklist uses locales/nl.json
  locales: {
    availableLocales: ['nl'],
    fallbackLocale: 'nl'
  },

  // ES modules under app/tasklist/ (path without ".js"), loaded before the app starts
  customScripts: [
    // sends #/login (after logging out, or when the session is gone) to Zorgpad's /login
    'zorgpad/login-redirect',
    // Dutch month and day names in the date picker (AngularJS $locale)
    'zorgpad/angular-locale-nl',
    // Dutch validation messages and placeholders of form-js (Camunda Forms)
    'zorgpad/form-js-nl',
    // case number and link to /casus/{nr} on every task, Dutch refusals in view, the case
    // number in the start toast, Esc in the date picker, lang="nl" (issue 15)
    'zorgpad/connect'
  ],

  // no "Welcome to Camunda" notice on first login
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'pakt de geselecteerde taak op'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'zet de focus op het eerste filter in de lijst'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'zet de focus op de eerste taak in de lijst'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'zet de focus op het eerste invoerveld van het taakformulier'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opent het venster "Casus starten"'
    }
  }
};
