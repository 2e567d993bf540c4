// model.js — the audit data with the links the page needs: each finding with its check and user,
// each user with their findings and worst severity, findings grouped by check.

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

/** 0 for critical … 4 for info; SEVERITIES.length when there is nothing. */
function severityRank(severity) {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}

/** A user's message from its template (format 2: the user's name stored as {user}). */
function fillMessage(template, name) {
  return { en: template.en.split('{user}').join(name), ko: template.ko.split('{user}').join(name) };
}

/** A user's counterexample from its template (format 3: JSON text, the user's ARN as {arn}, name as {user}). */
function fillCounterexample(template, user) {
  return JSON.parse(template.split('{arn}').join(user.arn).split('{user}').join(user.name));
}

function buildModel(data) {
  const checks = data.checks.map((check, index) => Object.assign({}, check, { index: index, items: [] }));
  const strings = data.strings;
  const users = data.users.map((user, index) => Object.assign({}, user, {
    index: index,
    groups: user.groups.map((i) => strings[i]),
    policies: user.policies.map((i) => strings[i]),
    items: [],
    worst: SEVERITIES.length,
  }));
  const findings = data.findings.map((raw, index) => {
    const check = checks[raw.check];
    const user = raw.user !== undefined ? users[raw.user] : null;
    const finding = {
      index: index,
      check: check,
      severity: raw.severity || check.severity,
      user: user,
      subject: user ? user.arn : raw.subject,
      message: typeof raw.message === 'number' ? fillMessage(data.messages[raw.message], user.name) : raw.message,
      fix: raw.fix || check.fix || null,
      subjectFix: raw.fix || null,
      counterexample: typeof raw.counterexample === 'number' ? fillCounterexample(data.counterexamples[raw.counterexample], user)
        : raw.counterexample || null,
    };
    check.items.push(finding);
    if (user) {
      user.items.push(finding);
      user.worst = Math.min(user.worst, severityRank(finding.severity));
    }
    return finding;
  });
  for (const user of users) user.items.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

  // Checks with findings, worst first; then the checks that passed.
  const failed = checks.filter((c) => c.items.length > 0)
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.index - b.index);
  const passed = checks.filter((c) => c.items.length === 0 && c.ran);

  return {
    data: data,
    checks: checks,
    users: users,
    findings: findings,
    failedChecks: failed,
    passedChecks: passed,
  };
}

/** A user's name with its IAM path when it has one ("/engineering/dave"), to tell same-named users apart. */
function userPath(user) {
  const marker = ':user';
  const at = user.arn.indexOf(marker);
  return at < 0 ? user.name : user.arn.slice(at + marker.length);
}

/** The largest access-key age of a user in days, or -1 without active keys. */
function oldestKeyAge(user) {
  let oldest = -1;
  for (const key of user.accessKeys) if (key.ageDays !== undefined && key.ageDays > oldest) oldest = key.ageDays;
  return oldest;
}
