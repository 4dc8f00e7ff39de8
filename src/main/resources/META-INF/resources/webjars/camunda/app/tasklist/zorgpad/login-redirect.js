/*
 * Zorgpad: log in through Spring Security's form at /login, not the Tasklist's own login page.
 *
 * The Tasklist goes to its hash route #/login after "Uitloggen" and when it gets a 401
 * (session gone). Zorgpad uses container-based authentication, so that page must never
 * be used: send the browser to Zorgpad's login page instead, on load and on every
 * hash change. Registered in scripts/config.js (customScripts); no default export,
 * so the Tasklist does not treat it as a plugin.
 */
const ZORGPAD_LOGIN_URL = '/login?logout';
const TASKLIST_LOGIN_ROUTE = /^#!?\/login(?:[/?]|$)/;

function leaveTasklistLogin() {
  if (TASKLIST_LOGIN_ROUTE.test(window.location.hash)) {
    // replace: the Back button must not return to #/login (and bounce here again)
    window.location.replace(ZORGPAD_LOGIN_URL);
  }
}

window.addEventListener('hashchange', leaveTasklistLogin);
leaveTasklistLogin();
