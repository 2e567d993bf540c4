// text.js — the page's two languages.
// Interface texts come from the "interface-text" block; data texts carry both languages as
// {en, ko} objects, so switching language needs no second report.

const Text = {
  language: 'en',
  strings: { en: {}, ko: {} },
};

/** An interface text, with {name} placeholders filled from params. Falls back to English, then to the key. */
function t(key, params) {
  const table = Text.strings[Text.language] || {};
  let value = table[key] !== undefined ? table[key] : Text.strings.en[key];
  if (value === undefined) value = key;
  if (params) value = value.replace(/\{(\w+)\}/g, (match, name) => (params[name] !== undefined ? String(params[name]) : match));
  return value;
}

/**
 * A text about a number: "{count} user affected" or "{count} users affected", chosen by the
 * language's plural rules (a key with ".one" is used where the rule says "one"; Korean has none).
 */
function tn(key, count, params) {
  const category = formatters().plural.select(count);
  const table = Text.strings[Text.language] || {};
  const variant = key + '.' + category;
  return t(table[variant] !== undefined ? variant : key, Object.assign({ count: formatNumber(count) }, params || {}));
}

/** A data text ({en, ko}) in the current language. */
function local(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[Text.language] || text.en || '';
}

function formatNumber(value) {
  return formatters().number.format(value);
}

// Intl objects are costly to make and the matrix asks for thousands of numbers: one set per language.
const FORMATTERS = {};

function formatters() {
  const language = Text.language;
  if (!FORMATTERS[language]) {
    const locale = language === 'ko' ? 'ko-KR' : 'en-US';
    FORMATTERS[language] = { number: new Intl.NumberFormat(locale), plural: new Intl.PluralRules(locale) };
  }
  return FORMATTERS[language];
}

/** "2026-11-30T12:00:00Z" as "2026-11-30 12:00 UTC": the report's dates are UTC and stay so, whatever the reader's zone. */
function formatTimestamp(iso) {
  if (!iso) return '';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? match[1] + ' ' + match[2] + ' UTC' : iso;
}

/** Fills the template's static elements: data-text (content), data-text-label (aria-label), data-text-placeholder. */
function applyStaticText() {
  document.documentElement.lang = Text.language;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll('[data-text-label]')) node.setAttribute('aria-label', t(node.dataset.textLabel));
  for (const node of document.querySelectorAll('[data-text-placeholder]')) node.setAttribute('placeholder', t(node.dataset.textPlaceholder));
}
