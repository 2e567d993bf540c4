// summary.js — the top of the report: whose account, when, the score and the counts by severity.

function renderFacts(model) {
  const data = model.data;
  const facts = [
    ['factAccount', data.account],
    ['factSnapshot', formatTimestamp(data.snapshotTime) || t('unknown')],
    ['factAsOf', formatTimestamp(data.asOf)],
    ['factUsers', formatNumber(model.users.length)],
    ['factChecks', formatNumber(model.checks.filter((c) => c.ran).length)],
  ];
  const list = clear(byId('facts'));
  for (const [key, value] of facts) {
    list.append(el('div', { class: 'fact', attrs: { 'data-fact': key } }, [el('dt', { text: t(key) }), el('dd', { text: value })]));
  }
}

function renderOverview(model) {
  const data = model.data;
  const score = clear(byId('score'));
  score.append(
    el('h3', { text: t('scoreHeading') }),
    scoreRing(data.score),
    el('p', { class: 'score-help', text: t('scoreHelp') }),
  );

  const tiles = clear(byId('severity-counts'));
  for (const severity of SEVERITIES) {
    const count = data.summary[severity] || 0;
    tiles.append(el('li', { class: 'count-tile sev-' + severity, attrs: { 'data-severity': severity } }, [
      el('span', { class: 'count-number', text: formatNumber(count) }),
      el('span', { class: 'count-label', text: t('severity.' + severity) }),
    ]));
  }
  clear(byId('severity-chart')).append(severityBars(data.summary));
}

function renderFooter(model) {
  byId('footer-text').textContent = t('footer', { analysis: model.data.analysis, format: model.data.format });
}

function renderWarnings(model) {
  const section = byId('warnings');
  const warnings = model.data.warnings || [];
  section.hidden = warnings.length === 0;
  const list = clear(byId('warning-list'));
  for (const warning of warnings) list.append(el('li', { text: warning }));
}
