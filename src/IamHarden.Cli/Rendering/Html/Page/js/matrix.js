// matrix.js — the user × control matrix: one row per IAM user, sortable by every column,
// filtered by the search box, the severity filter and the view. Large accounts render a page of
// rows at a time ("Show more", "Show all"); printing renders every row of the current filter.

const MATRIX_PAGE = 100;

const Matrix = {
  sort: { column: 'findings', descending: false },
  limit: MATRIX_PAGE,
  rows: [],
  showEverything: false,
};

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

const STATUS_ORDER = { no: 0, unknown: 1, yes: 2, 'n/a': 3 };

/** Columns: id, heading text key, sort key (ascending = worst first where it means anything), cell. */
const MATRIX_COLUMNS = [
  { id: 'user', text: 'colUser', compare: (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.arn, b.arn), cell: userCell },
  { id: 'console', text: 'colConsole', compare: (a, b) => Number(b.console) - Number(a.console), cell: (u) => markCell(userControls(u).console) },
  { id: 'mfaDevice', text: 'colMfaDevice', compare: (a, b) => Number(a.mfaDevice) - Number(b.mfaDevice), cell: (u) => markCell(userControls(u).mfaDevice) },
  { id: 'mfaEnforced', text: 'colMfaEnforced', compare: (a, b) => STATUS_ORDER[a.mfaEnforced] - STATUS_ORDER[b.mfaEnforced], cell: (u) => markCell(userControls(u).mfaEnforced) },
  { id: 'ipRestricted', text: 'colIpRestricted', compare: (a, b) => STATUS_ORDER[a.ipRestricted] - STATUS_ORDER[b.ipRestricted], cell: (u) => markCell(userControls(u).ipRestricted) },
  { id: 'keys', text: 'colAccessKeys', compare: (a, b) => oldestKeyAge(b) - oldestKeyAge(a), cell: keysCell },
  { id: 'lastUsed', text: 'colLastUsed', compare: (a, b) => compareText(a.lastUsed || '', b.lastUsed || ''), cell: (u) => el('td', { class: 'date', text: u.lastUsed || t('never') }) },
  { id: 'groups', text: 'colGroups', compare: (a, b) => compareText(a.groups.join(',').toLowerCase(), b.groups.join(',').toLowerCase()), cell: (u) => el('td', { class: 'groups', text: u.groups.join(', ') || t('none') }) },
  { id: 'findings', text: 'colFindings', compare: (a, b) => a.worst - b.worst || b.items.length - a.items.length, cell: findingsCell },
];

function userCell(user) {
  const badges = [];
  if (user.admin) badges.push(el('span', { class: 'tag tag-admin', text: t('badgeAdmin') }));
  if (user.breakGlass) badges.push(el('span', { class: 'tag tag-break-glass', text: t('badgeBreakGlass') }));
  return el('th', { attrs: { scope: 'row' } }, [
    el('button', {
      class: 'user-link',
      text: user.name,
      attrs: { type: 'button', 'data-user': user.index, 'aria-haspopup': 'dialog' },
      on: { click: (event) => openUserDialog(user.index, event.currentTarget) },
    }),
    el('span', { class: 'user-path', text: userPath(user) }),
    badges.length ? el('span', { class: 'badges' }, badges) : null,
  ]);
}

/** A yes/no fact. Judgement "good-if-yes" marks a no as a gap; "neutral" states the fact only. */
function judgeFlag(value, judgement) {
  return { status: value ? 'yes' : 'no', kind: judgement === 'neutral' ? 'neutral' : value ? 'good' : 'bad' };
}

/** A guard status (yes, no, n/a, unknown); a "no" is a gap only where the guide asks for the guard. */
function judgeGuard(status, required) {
  return { status: status, kind: status === 'yes' ? 'good' : status === 'no' ? (required ? 'bad' : 'neutral') : status === 'unknown' ? 'warn' : 'neutral' };
}

/** The judgements of a user's controls, shared by the matrix and the user dialog so both say the same. */
function userControls(user) {
  return {
    console: judgeFlag(user.console, 'neutral'),
    mfaDevice: judgeFlag(user.mfaDevice, user.console ? 'good-if-yes' : 'neutral'),
    mfaEnforced: judgeGuard(user.mfaEnforced, user.console),
    ipRestricted: judgeGuard(user.ipRestricted, user.admin && !user.breakGlass),
  };
}

const MARKS = { yes: '✓', no: '✗', 'n/a': '–', unknown: '?' };

/** A symbol for the eye (hidden from screen readers) and the word for everyone. */
function markContent(status) {
  return [el('span', { class: 'mark', attrs: { 'aria-hidden': 'true' }, text: MARKS[status] || '' }), ' ', t('value.' + status)];
}

function markCell(judgement) {
  return el('td', { class: 'mark-cell ' + judgement.kind, attrs: { 'data-value': judgement.status } }, markContent(judgement.status));
}

function keysCell(user) {
  if (user.accessKeys.length === 0) return el('td', { class: 'keys', text: t('none') });
  const ages = user.accessKeys.map((k) => (k.ageDays !== undefined ? tn('keyAge', k.ageDays) : t('keyAgeUnknown')));
  return el('td', { class: 'keys', attrs: { 'data-value': user.accessKeys.length } }, [
    el('span', { class: 'key-count', text: t('keyCount', { count: user.accessKeys.length }) }),
    ' ',
    el('span', { class: 'key-ages', text: '(' + ages.join(', ') + ')' }),
  ]);
}

function findingsCell(user) {
  if (user.items.length === 0) return el('td', { class: 'findings-cell', attrs: { 'data-value': 0 } }, el('span', { class: 'clean', text: t('noFindings') }));
  const worst = SEVERITIES[user.worst];
  return el('td', { class: 'findings-cell', attrs: { 'data-value': user.items.length } }, [
    el('span', { class: 'sev-badge sev-' + worst, text: t('severity.' + worst) }),
    ' ',
    el('span', { class: 'finding-count', text: tn('findingCount', user.items.length) }),
  ]);
}

function renderMatrixHead() {
  const row = clear(byId('matrix-head'));
  for (const column of MATRIX_COLUMNS) {
    const sorted = Matrix.sort.column === column.id;
    const direction = sorted ? (Matrix.sort.descending ? 'descending' : 'ascending') : 'none';
    row.append(el('th', { attrs: { scope: 'col', 'aria-sort': direction, 'data-column': column.id } },
      el('button', {
        class: 'sort',
        attrs: { type: 'button', title: t('sortBy', { column: t(column.text) }) },
        on: { click: () => sortMatrix(column.id) },
      }, [t(column.text), el('span', { class: 'sort-mark', attrs: { 'aria-hidden': 'true' }, text: sorted ? (Matrix.sort.descending ? ' ▼' : ' ▲') : '' })])));
  }
}

function sortMatrix(columnId) {
  if (Matrix.sort.column === columnId) Matrix.sort.descending = !Matrix.sort.descending;
  else Matrix.sort = { column: columnId, descending: false };
  renderMatrixHead();
  filterMatrix(false);
  const button = document.querySelector('#matrix-head th[data-column="' + columnId + '"] button');
  if (button) button.focus();
}

/** Filters and sorts the users; resetLimit returns to the first page (a new question), sorting keeps it. */
function filterMatrix(resetLimit) {
  const terms = searchTerms();
  const view = currentView();
  const column = MATRIX_COLUMNS.find((c) => c.id === Matrix.sort.column);
  const rows = Matrix.model.users.filter((u) => userMatches(u, terms, view));
  rows.sort((a, b) => {
    const order = column.compare(a, b);
    return (Matrix.sort.descending ? -order : order) || a.index - b.index;
  });
  Matrix.rows = rows;
  if (resetLimit) Matrix.limit = MATRIX_PAGE;
  renderMatrixRows();
}

function renderMatrixRows() {
  const body = clear(byId('matrix-body'));
  const shown = Matrix.showEverything ? Matrix.rows.length : Math.min(Matrix.limit, Matrix.rows.length);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < shown; i++) {
    const user = Matrix.rows[i];
    fragment.append(el('tr', { attrs: { 'data-user': user.index } }, MATRIX_COLUMNS.map((c) => c.cell(user))));
  }
  if (Matrix.rows.length === 0) {
    fragment.append(el('tr', {}, el('td', { class: 'empty', text: t('noMatchingUsers'), attrs: { colspan: MATRIX_COLUMNS.length } })));
  }
  body.append(fragment);

  byId('matrix-status').textContent = tn('matrixStatus', Matrix.model.users.length, {
    shown: formatNumber(shown),
    matching: formatNumber(Matrix.rows.length),
  });
  const more = clear(byId('matrix-more'));
  if (shown < Matrix.rows.length) {
    more.append(
      el('button', { attrs: { type: 'button', id: 'matrix-show-more' }, text: tn('showMore', Math.min(MATRIX_PAGE, Matrix.rows.length - shown)),
        on: { click: () => { Matrix.limit += MATRIX_PAGE; renderMatrixRows(); } } }),
      el('button', { attrs: { type: 'button', id: 'matrix-show-all' }, text: tn('showAll', Matrix.rows.length),
        on: { click: () => { Matrix.limit = Matrix.rows.length; renderMatrixRows(); } } }),
    );
  }
}

function renderMatrixViews() {
  const select = clear(byId('matrix-view'));
  for (const view of MATRIX_VIEWS) select.append(el('option', { text: t(view.text), attrs: { value: view.id, selected: view.id === Filters.view } }));
  select.append(el('optgroup', { attrs: { label: t('viewGroupScorecard') } },
    SCORECARD_VIEWS.map((view) => el('option', { text: view.label(), attrs: { value: view.id, selected: view.id === Filters.view } }))));
}

/** Shows the matrix with one view chosen (from the scorecard's "Show these users"), and moves there. */
function showMatrixView(viewId) {
  const select = byId('matrix-view');
  select.value = viewId;
  setFilter('view', viewId);
  byId('users').scrollIntoView();
  select.focus();
}

function initMatrix(model) {
  Matrix.model = model;
  buildScorecardViews(model);
  byId('matrix-view').addEventListener('change', (event) => setFilter('view', event.target.value));
}

function renderMatrix() {
  renderMatrixViews();
  renderMatrixHead();
  filterMatrix(false);
}
