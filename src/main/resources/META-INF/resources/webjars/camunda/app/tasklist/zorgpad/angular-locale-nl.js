/*
 * Zorgpad: Dutch month and day names for the Tasklist's AngularJS parts.
 *
 * Dates formatted with moment.js already use locales/nl.json (dateLocales). The date
 * picker (e.g. "Uiterste datum instellen") and Angular's date filter read AngularJS's
 * $locale instead, which only ships English. This adds a run block to the Tasklist's
 * module that overwrites $locale's date-time names with the Dutch ones (values as in
 * AngularJS's angular-locale_nl-nl.js). Registered in scripts/config.js (customScripts);
 * it runs before the Tasklist starts. No default export: not a plugin.
 */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli',
  'augustus', 'september', 'oktober', 'november', 'december'];

const DUTCH_DATETIME_FORMATS = {
  AMPMS: ['a.m.', 'p.m.'],
  DAY: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  ERANAMES: ['voor Christus', 'na Christus'],
  ERAS: ['v.Chr.', 'n.Chr.'],
  FIRSTDAYOFWEEK: 0, // AngularJS counts from Monday: 0 = maandag
  MONTH: MONTHS,
  SHORTDAY: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  SHORTMONTH: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.',
    'okt.', 'nov.', 'dec.'],
  STANDALONEMONTH: MONTHS,
  WEEKENDRANGE: [5, 6],
  fullDate: 'EEEE d MMMM y',
  longDate: 'd MMMM y',
  medium: 'd MMM y HH:mm:ss',
  mediumDate: 'd MMM y',
  mediumTime: 'HH:mm:ss',
  short: 'dd-MM-y HH:mm',
  shortDate: 'dd-MM-y',
  shortTime: 'HH:mm'
};

const angular = window.angular;
if (angular) {
  try {
    angular.module('cam.tasklist').run(['$locale', function ($locale) {
      Object.assign($locale.DATETIME_FORMATS, DUTCH_DATETIME_FORMATS);
      $locale.id = 'nl-nl';
    }]);
  } catch (e) {
    console.warn('Zorgpad: could not set the Dutch AngularJS locale', e);
  }
}
