// scorecard.js — the guide's seven recommendations, each green, amber or red with the number of
// users affected. The status and counts are computed by the tool (GuideScorecard.cs, mapping in
// docs/REPORT.md); the page shows them, with the check ids behind each line and a button that
// shows the affected users in the matrix.

const STATUS_SYMBOL = { green: '✓', amber: '!', red: '✗', 'not-checked': '–' };

function renderScorecard(model) {
  const list = clear(byId('scorecard-list'));
  for (const item of model.data.scorecard) {
    // Name what else is affected (the root user, a policy): "0 users affected" on a red line reads as a contradiction.
    const others = item.otherSubjects || [];
    const affected = [];
    if (item.usersAffected > 0 || others.length === 0) {
      affected.push(el('span', { class: 'affected-users', text: tn('usersAffected', item.usersAffected) }));
    }
    if (others.length > 0) {
      affected.push(el('span', {
        class: 'affected-other' + (item.usersAffected === 0 ? ' headline' : ''),
        text: t(item.usersAffected > 0 ? 'alsoAffected' : 'affectedSubjects', { subjects: describeSubjects(others, item.otherSubjectsAffected, item.id === 'root') }),
      }));
    }
    const checks = item.checks.map((id) => el('code', { text: id }));
    list.append(el('li', { class: 'scorecard-item status-' + item.status, attrs: { 'data-item': item.id, 'data-status': item.status } }, [
      el('span', { class: 'status-badge', attrs: { 'aria-hidden': 'true' }, text: STATUS_SYMBOL[item.status] }),
      el('div', { class: 'scorecard-text' }, [
        el('h3', { text: local(item.title) }),
        el('p', { class: 'status-text', text: t('status.' + item.status) }),
        el('p', { class: 'affected' }, affected),
        el('p', { class: 'population', text: tn('population', item.population, { label: local(item.populationLabel) }) }),
        el('p', { class: 'checks' }, [t('checksLabel') + ' '].concat(joinNodes(checks, ', '))),
        item.usersAffected > 0
          ? el('button', {
            class: 'show-users',
            text: tn('showAffectedUsers', item.usersAffected),
            attrs: { type: 'button', 'data-item': item.id },
            on: { click: () => showMatrixView('scorecard:' + item.id) },
          })
          : null,
      ]),
    ]));
  }
  const unmapped = model.data.unmappedChecks || [];
  const note = byId('scorecard-unmapped');
  note.hidden = unmapped.length === 0;
  note.textContent = unmapped.length === 0 ? '' : t('unmappedChecks', { checks: unmapped.join(', ') });
}

const SUBJECTS_NAMED = 3;

/**
 * "policy Force_IP, the account" for the non-user subjects of a scorecard line (at most three
 * named). Account-level findings name the root ARN: on the root line that is the root user, on
 * the others an account setting (the password policy).
 */
function describeSubjects(arns, total, aboutRootUser) {
  const named = arns.slice(0, SUBJECTS_NAMED).map((arn) => subjectLabel(arn, aboutRootUser));
  const rest = Math.max(total, arns.length) - named.length;
  return named.join(', ') + (rest > 0 ? ' ' + tn('moreSubjects', rest) : '');
}

function subjectLabel(arn, aboutRootUser) {
  const match = /^arn:[^:]+:iam::\d*:(root|policy|group)(?:\/(?:.*\/)?([^/]+))?$/.exec(arn);
  if (!match) return arn;
  if (match[1] === 'root') return t(aboutRootUser ? 'subjectRoot' : 'subjectAccount');
  return t(match[1] === 'policy' ? 'subjectPolicy' : 'subjectGroup', { name: match[2] || '' });
}

function joinNodes(nodes, separator) {
  const joined = [];
  nodes.forEach((node, i) => {
    if (i > 0) joined.push(separator);
    joined.push(node);
  });
  return joined;
}
