// user-dialog.js — everything about one user: the controls, access keys, groups, effective
// policies, tags, and each finding with its fix and counterexample. A native <dialog> opened
// with showModal() keeps focus inside and closes on Escape; focus then returns to the opener.

const UserDialog = { model: null, user: null, opener: null };

function initUserDialog(model) {
  UserDialog.model = model;
  const dialog = byId('user-dialog');
  byId('user-dialog-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    UserDialog.user = null;
    if (UserDialog.opener && document.contains(UserDialog.opener)) UserDialog.opener.focus();
    UserDialog.opener = null;
  });
  // A click on the backdrop (outside the dialog's box) closes it, as people expect of a modal.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
  });
}

function openUserDialog(index, opener) {
  const dialog = byId('user-dialog');
  UserDialog.user = UserDialog.model.users[index];
  UserDialog.opener = opener || null;
  renderUserDialog();
  if (!dialog.open) dialog.showModal();
  byId('user-dialog-close').focus();
}

/** Re-renders the open dialog (after a language switch). */
function renderUserDialog() {
  const user = UserDialog.user;
  if (!user) return;
  byId('user-dialog-title').textContent = t('userDialogTitle', { name: user.name });
  const body = clear(byId('user-dialog-body'));
  body.append(
    el('p', { class: 'user-arn' }, el('code', { text: user.arn })),
    controlList(user),
    section('dialogAccessKeys', accessKeyTable(user)),
    section('dialogGroups', plainList(user.groups)),
    section('dialogPolicies', plainList(user.policies)),
    section('dialogTags', tagTable(user)),
    section('dialogFindings', userFindings(user)),
  );
}

function section(headingKey, content) {
  return el('section', { class: 'dialog-section' }, [el('h3', { text: t(headingKey) }), content]);
}

function controlList(user) {
  const controls = userControls(user);
  const judged = (judgement) => el('dd', { class: 'mark-cell ' + judgement.kind }, markContent(judgement.status));
  const facts = [
    ['colConsole', judged(controls.console)],
    ['colMfaDevice', judged(controls.mfaDevice)],
    ['colMfaEnforced', judged(controls.mfaEnforced)],
    ['colIpRestricted', judged(controls.ipRestricted)],
    ['badgeAdmin', judged(judgeFlag(user.admin, 'neutral'))],
    ['badgeBreakGlass', judged(judgeFlag(user.breakGlass, 'neutral'))],
    ['colLastUsed', el('dd', { text: user.lastUsed || t('never') })],
  ];
  return el('dl', { class: 'controls' }, facts.map(([key, value]) =>
    el('div', { attrs: { 'data-control': key } }, [el('dt', { text: t(key) }), value])));
}

function plainList(items) {
  if (items.length === 0) return el('p', { class: 'empty', text: t('none') });
  return el('ul', { class: 'plain-list' }, items.map((item) => el('li', { text: item })));
}

function accessKeyTable(user) {
  if (user.accessKeys.length === 0) return el('p', { class: 'empty', text: t('none') });
  return el('table', { class: 'small-table' }, [
    el('thead', {}, el('tr', {}, ['keySlot', 'keyAgeHeading', 'colLastUsed'].map((k) => el('th', { text: t(k), attrs: { scope: 'col' } })))),
    el('tbody', {}, user.accessKeys.map((key) => el('tr', {}, [
      el('th', { text: String(key.slot), attrs: { scope: 'row' } }),
      el('td', { text: key.ageDays !== undefined ? tn('keyAge', key.ageDays) : t('keyAgeUnknown') }),
      el('td', { text: key.lastUsed || t('never') }),
    ]))),
  ]);
}

function tagTable(user) {
  const tags = Object.entries(user.tags || {});
  if (tags.length === 0) return el('p', { class: 'empty', text: t('none') });
  return el('table', { class: 'small-table tags' }, [
    el('thead', {}, el('tr', {}, ['tagKey', 'tagValue'].map((k) => el('th', { text: t(k), attrs: { scope: 'col' } })))),
    el('tbody', {}, tags.map(([key, value]) => el('tr', {}, [el('th', { text: key, attrs: { scope: 'row' } }), el('td', { text: value })]))),
  ]);
}

function userFindings(user) {
  if (user.items.length === 0) return el('p', { class: 'clean', text: t('noFindingsForUser') });
  return el('ol', { class: 'user-findings' }, user.items.map((finding) => el('li', { class: 'user-finding', attrs: { 'data-check': finding.check.id } }, [
    el('p', { class: 'finding-title' }, [
      el('span', { class: 'sev-badge sev-' + finding.severity, text: t('severity.' + finding.severity) }),
      ' ',
      el('strong', { text: local(finding.check.title) }),
      ' ',
      el('code', { class: 'check-id', text: finding.check.id }),
    ]),
    el('p', { text: local(finding.message) }),
    el('p', { class: 'remediation', text: local(finding.check.remediation) }),
    finding.fix ? codeBlock('fixHeading', finding.fix, 'copyFix') : null,
    finding.counterexample ? counterexampleBlock(finding.counterexample) : null,
  ])));
}
