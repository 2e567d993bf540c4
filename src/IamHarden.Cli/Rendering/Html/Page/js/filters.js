// filters.js — the search box, the severity filter and the matrix view, shared by the user
// matrix and the findings so that both sections always answer the same question.

const Filters = {
  search: '',
  severity: 'all',
  view: 'all',
  listeners: [],
};

/** The matrix views: which users a control gap concerns. Keys name interface texts. */
const MATRIX_VIEWS = [
  { id: 'all', text: 'viewAll', test: () => true },
  { id: 'with-findings', text: 'viewWithFindings', test: (u) => u.items.length > 0 },
  { id: 'console-no-mfa', text: 'viewConsoleNoMfa', test: (u) => u.console && !u.mfaDevice },
  { id: 'mfa-not-enforced', text: 'viewMfaNotEnforced', test: (u) => u.mfaEnforced === 'no' },
  { id: 'ip-not-restricted', text: 'viewIpNotRestricted', test: (u) => u.ipRestricted === 'no' },
  { id: 'admins', text: 'viewAdmins', test: (u) => u.admin },
  { id: 'access-keys', text: 'viewAccessKeys', test: (u) => u.accessKeys.length > 0 },
  { id: 'break-glass', text: 'viewBreakGlass', test: (u) => u.breakGlass },
];

function onFiltersChanged(listener) {
  Filters.listeners.push(listener);
}

function setFilter(name, value) {
  if (Filters[name] === value) return;
  Filters[name] = value;
  for (const listener of Filters.listeners) listener();
}

function searchTerms() {
  return Filters.search.toLowerCase().split(/\s+/).filter((term) => term.length > 0);
}

// Haystacks are built on first use and kept: a 10,000-user report filters on every keystroke.
// Both languages are searched, so a query keeps working after the language is switched.
function userHaystack(user) {
  if (user.haystack === undefined) {
    const tags = Object.entries(user.tags || {}).map(([k, v]) => k + ' ' + v);
    user.haystack = [user.name, user.arn].concat(user.groups, user.policies, tags).join('\n').toLowerCase();
  }
  return user.haystack;
}

function findingHaystack(finding) {
  if (finding.haystack === undefined) {
    const check = finding.check;
    finding.haystack = [finding.subject, finding.message.en, finding.message.ko, check.id, check.title.en, check.title.ko]
      .join('\n').toLowerCase();
  }
  return finding.haystack;
}

function containsAll(haystack, terms) {
  for (const term of terms) if (haystack.indexOf(term) < 0) return false;
  return true;
}

function findingMatches(finding, terms) {
  if (Filters.severity !== 'all' && finding.severity !== Filters.severity) return false;
  return terms.length === 0 || containsAll(findingHaystack(finding), terms);
}

/** A user shows when the view selects them, the search matches them, and (with a severity chosen) they have a finding of it. */
function userMatches(user, terms, view) {
  if (!view.test(user)) return false;
  if (Filters.severity !== 'all' && !user.items.some((f) => f.severity === Filters.severity)) return false;
  return terms.length === 0 || containsAll(userHaystack(user), terms);
}

/**
 * One view per line of the guide's scorecard: the users its findings name. The label is the
 * recommendation's title in the current language.
 */
let SCORECARD_VIEWS = [];

function buildScorecardViews(model) {
  SCORECARD_VIEWS = model.data.scorecard.map((item) => {
    const checks = new Set(item.checks);
    return {
      id: 'scorecard:' + item.id,
      label: () => local(item.title),
      test: (u) => u.items.some((f) => checks.has(f.check.id)),
    };
  });
}

/** What the search, severity filter and matrix view select, in words, or null when they select everything (for paper). */
function describeActiveFilters() {
  const parts = [];
  if (Filters.severity !== 'all') parts.push(t('filterSeverity', { severity: t('severity.' + Filters.severity) }));
  if (Filters.search !== '') parts.push(t('filterSearch', { search: Filters.search }));
  const view = currentView();
  if (view.id !== 'all') parts.push(t('filterView', { view: view.label ? view.label() : t(view.text) }));
  return parts.length === 0 ? null : t('printedWithFilter', { filters: parts.join(' · ') });
}

function currentView() {
  return MATRIX_VIEWS.find((v) => v.id === Filters.view) || SCORECARD_VIEWS.find((v) => v.id === Filters.view) || MATRIX_VIEWS[0];
}
