// findings.js — the findings grouped by check: severity, why it matters, how to fix it (command
// and policy to copy), references (guide section, CIS AWS Foundations ids, ISMS-P controls) and
// the subjects it was found on. A group's rows are built when it is first opened, so a report
// with tens of thousands of findings opens as fast as a small one.

const GROUP_PAGE = 200;

const Findings = { model: null, groups: new Map() };

function initFindings(model) {
  Findings.model = model;
}

/** Builds the group shells (summary lines); bodies are built on demand. Keeps which groups were open. */
function renderFindings() {
  const container = clear(byId('finding-groups'));
  const wasOpen = new Set([...Findings.groups.values()].filter((g) => g.details.open).map((g) => g.check.id));
  Findings.groups.clear();
  for (const check of Findings.model.failedChecks) {
    const group = { check: check, matching: check.items, limit: GROUP_PAGE, details: null, count: null, body: null, built: false };
    group.count = el('span', { class: 'group-count' });
    group.body = el('div', { class: 'group-body' });
    group.details = el('details', { class: 'finding-group sev-' + check.severity, attrs: { id: 'check-' + check.id, 'data-check': check.id } }, [
      el('summary', {}, el('h3', {}, [
        el('span', { class: 'sev-badge sev-' + check.severity, text: t('severity.' + check.severity) }),
        ' ',
        // The title states the requirement ("The root user has no access keys"): say it is not met.
        el('span', { class: 'group-status', text: t('checkNotMet') }),
        ' ',
        el('span', { class: 'group-title', text: local(check.title) }),
        ' ',
        el('code', { class: 'check-id', text: check.id }),
        ' ',
        group.count,
      ])),
      group.body,
    ]);
    group.details.addEventListener('toggle', () => {
      if (group.details.open) buildGroupBody(group);
    });
    Findings.groups.set(check.id, group);
    container.append(group.details);
    if (wasOpen.has(check.id)) group.details.open = true;
  }
  if (Findings.model.failedChecks.length === 0) container.append(el('p', { class: 'clean', text: t('noFindingsAtAll') }));
  renderPassedChecks();
  filterFindings();
}

/** Applies the search and severity filter: counts per group, hidden groups without a match, open groups rebuilt. */
function filterFindings() {
  const terms = searchTerms();
  const filtering = terms.length > 0 || Filters.severity !== 'all';
  let shown = 0;
  let groupsShown = 0;
  for (const group of Findings.groups.values()) {
    group.matching = filtering ? group.check.items.filter((f) => findingMatches(f, terms)) : group.check.items;
    group.limit = GROUP_PAGE;
    group.details.hidden = group.matching.length === 0;
    group.count.textContent = filtering
      ? tn('groupCountFiltered', group.check.items.length, { shown: formatNumber(group.matching.length) })
      : tn('findingCount', group.check.items.length);
    shown += group.matching.length;
    if (group.matching.length > 0) groupsShown++;
    group.built = false;
    if (group.details.open) buildGroupBody(group);
  }
  byId('findings-status').textContent = tn('findingsStatus', Findings.model.findings.length, {
    shown: formatNumber(shown),
    checks: formatNumber(groupsShown),
  });
}

function buildGroupBody(group) {
  if (group.built) return;
  group.built = true;
  const check = group.check;
  const policies = Findings.model.data.policies || {};
  const body = clear(group.body);
  // append() skips the parts a check does not have (Element.append would print "null").
  append(body, [
    el('div', { class: 'check-text' }, [
      el('h4', { text: t('riskHeading') }),
      el('p', { class: 'risk', text: local(check.risk) }),
      el('h4', { text: t('remediationHeading') }),
      el('p', { class: 'remediation', text: local(check.remediation) }),
    ]),
    check.fix ? codeBlock('fixHeading', check.fix, 'copyFix') : null,
    check.policy && policies[check.policy] ? codeBlock(check.policy === 'mfa' ? 'policyMfaHeading' : 'policyIpHeading', policies[check.policy], 'copyPolicy') : null,
    check.policy === 'ip' && !policies.ip && policies.ipProblem
      ? el('p', { class: 'policy-note', text: t('policyIpUnavailable', { reason: policies.ipProblem }) })
      : null,
    referenceList(check.references),
    findingTable(group),
  ]);
}

function referenceList(references) {
  return el('div', { class: 'references' }, [
    el('h4', { text: t('referencesHeading') }),
    el('ul', {}, references.map((r) => el('li', { text: r }))),
  ]);
}

function findingTable(group) {
  const rows = group.matching.slice(0, group.limit).map((finding) => el('tr', { attrs: { 'data-finding': finding.index } }, [
    subjectCell(finding),
    el('td', {}, [
      el('p', { text: local(finding.message) }),
      finding.subjectFix && finding.subjectFix !== group.check.fix ? codeBlock('subjectFixHeading', finding.subjectFix, 'copyFix') : null,
    ]),
    el('td', {}, finding.counterexample
      ? el('details', { class: 'ce-details' }, [el('summary', { text: t('ceShow') }), counterexampleBlock(finding.counterexample)])
      : el('span', { class: 'muted', text: '—' })),
  ]));
  const table = el('table', { class: 'finding-table' }, [
    el('caption', { class: 'visually-hidden', text: t('findingTableCaption', { check: local(group.check.title) }) }),
    el('thead', {}, el('tr', {}, ['colSubject', 'colFinding', 'colCounterexample'].map((k) => el('th', { text: t(k), attrs: { scope: 'col' } })))),
    el('tbody', {}, rows),
  ]);
  const remaining = group.matching.length - Math.min(group.limit, group.matching.length);
  const more = remaining > 0
    ? el('div', { class: 'more' }, el('button', {
      attrs: { type: 'button' },
      text: tn('showMore', Math.min(GROUP_PAGE, remaining)),
      on: { click: () => { group.limit += GROUP_PAGE; group.built = false; buildGroupBody(group); } },
    }))
    : null;
  return el('div', { class: 'table-scroll' }, [table, more]);
}

function subjectCell(finding) {
  if (finding.user) {
    const user = finding.user;
    return el('th', { attrs: { scope: 'row' } }, [
      el('button', {
        class: 'user-link',
        text: user.name,
        attrs: { type: 'button', 'data-user': user.index, 'aria-haspopup': 'dialog' },
        on: { click: (event) => openUserDialog(user.index, event.currentTarget) },
      }),
      el('span', { class: 'user-path', text: userPath(user) }),
    ]);
  }
  return el('th', { attrs: { scope: 'row' } }, el('code', { class: 'arn', text: finding.subject }));
}

function renderPassedChecks() {
  const passed = Findings.model.passedChecks;
  const details = byId('passed-checks');
  details.hidden = passed.length === 0;
  byId('passed-summary').textContent = tn('passedHeading', passed.length);
  const body = clear(byId('passed-body'));
  if (passed.length === 0) return;
  body.append(el('table', { class: 'small-table passed-table' }, [
    el('thead', {}, el('tr', {}, ['colCheck', 'severityLabel', 'referencesHeading'].map((k) => el('th', { text: t(k), attrs: { scope: 'col' } })))),
    el('tbody', {}, passed.map((check) => el('tr', { attrs: { 'data-check': check.id } }, [
      el('th', { attrs: { scope: 'row' } }, [el('span', { text: local(check.title) }), ' ', el('code', { class: 'check-id', text: check.id })]),
      el('td', {}, el('span', { class: 'sev-badge sev-' + check.severity, text: t('severity.' + check.severity) })),
      el('td', { text: check.references.join(' · ') }),
    ]))),
  ]));
}

/** For printing: every group open and fully built; returns a function that restores the screen state. */
function expandFindingsForPrint() {
  const previous = [];
  for (const group of Findings.groups.values()) {
    previous.push([group, group.details.open, group.limit]);
    group.limit = group.matching.length;
    group.built = false;
    group.details.open = true;
    buildGroupBody(group);
  }
  // Counterexamples are folded on screen; on paper they are part of the evidence.
  for (const details of document.querySelectorAll('#finding-groups .ce-details')) details.open = true;
  const passed = byId('passed-checks');
  const passedOpen = passed.open;
  passed.open = true;
  return () => {
    for (const [group, open, limit] of previous) {
      group.limit = limit;
      group.built = false;
      group.details.open = open;
      if (open) buildGroupBody(group);
    }
    passed.open = passedOpen;
  };
}
