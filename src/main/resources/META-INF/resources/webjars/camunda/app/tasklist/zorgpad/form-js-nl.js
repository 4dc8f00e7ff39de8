/*
 * Dutch texts for the few English words that form-js 1.x (the Camunda Forms renderer inside the
 * 7.24 Tasklist) writes itself and offers no translation hook for: the validation messages under
 * a field, the "Select" placeholder of a dropdown and the "Search" placeholder of a searchable
 * list. A MutationObserver rewrites them wherever form-js renders them; form-js re-renders from
 * its own state, so the observer simply applies the translation again.
 * The date field's placeholder follows the browser's language (nl-NL: dd-mm-jjjj) and is left
 * alone. Loaded as a custom script from scripts/config.js (docs/tasklist.md).
 */
const EXACT = {
  'Field is required.': 'Dit veld is verplicht.',
  'Field must be a valid email.': 'Vul een geldig e-mailadres in.',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    'Vul een geldig internationaal telefoonnummer in (bijvoorbeeld +31612345678).'
};

const PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, n => `Vul minstens ${n} tekens in.`],
  [/^Field must have maximum length of (.+)\.$/, n => `Vul hoogstens ${n} tekens in.`],
  [/^Field must have minimum value of (.+)\.$/, n => `De waarde moet minstens ${n} zijn.`],
  [/^Field must have maximum value of (.+)\.$/, n => `De waarde mag hoogstens ${n} zijn.`],
  [/^Field must match pattern (.+)\.$/, () => 'De invoer heeft niet de juiste vorm.']
];

export function translate(text) {
  if (Object.prototype.hasOwnProperty.call(EXACT, text)) {
    return EXACT[text];
  }
  for (const [pattern, dutch] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      return dutch(match[1]);
    }
  }
  return null;
}

function translateTextNodes(root) {
  const elements = root.querySelectorAll
    ? root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *, .fjs-select-display')
    : [];
  for (const element of elements) {
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) {
        continue;
      }
      const text = node.data.trim();
      const dutch = element.classList.contains('fjs-select-display')
        ? (text === 'Select' ? 'Kies…' : null)
        : translate(text);
      if (dutch && dutch !== text) {
        node.data = dutch;
      }
    }
  }
  const searches = root.querySelectorAll ? root.querySelectorAll('.fjs-form input[placeholder="Search"]') : [];
  for (const input of searches) {
    input.setAttribute('placeholder', 'Zoeken');
  }
}

if (typeof window !== 'undefined' && typeof MutationObserver !== 'undefined') {
  const start = () => {
    translateTextNodes(document);
    new MutationObserver(() => translateTextNodes(document)).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true
    });
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
