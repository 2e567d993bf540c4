// main.js — reads the data blocks, renders every section, wires the toolbar, and marks the page
// interactive (data-ready on <html> and the performance mark "iamharden-interactive", which the
// tests and the benchmark wait for; "iamharden-data-parsed" and "iamharden-model-built" show
// where the time before it goes).

function readJsonBlock(id) {
  return JSON.parse(byId(id).textContent);
}

function renderAll(model) {
  applyStaticText();
  byId('language-toggle').textContent = t('switchLanguage');
  byId('language-toggle').setAttribute('lang', Text.language === 'ko' ? 'en' : 'ko');
  renderSeverityOptions();
  renderFacts(model);
  renderOverview(model);
  renderScorecard(model);
  renderMatrix();
  renderFindings();
  renderWarnings(model);
  renderFooter(model);
  renderUserDialog();
  document.title = t('documentTitle', { account: model.data.account });
}

function renderSeverityOptions() {
  const select = clear(byId('severity-filter'));
  select.append(el('option', { text: t('severityAll'), attrs: { value: 'all', selected: Filters.severity === 'all' } }));
  for (const severity of SEVERITIES) {
    select.append(el('option', { text: t('severity.' + severity), attrs: { value: severity, selected: Filters.severity === severity } }));
  }
}

function wireToolbar(model) {
  let pending = 0;
  byId('search').addEventListener('input', (event) => {
    // Typing in a 10,000-user report filters once the typist pauses, not on every key.
    window.clearTimeout(pending);
    const value = event.target.value;
    pending = window.setTimeout(() => setFilter('search', value.trim()), 120);
  });
  byId('severity-filter').addEventListener('change', (event) => setFilter('severity', event.target.value));
  byId('language-toggle').addEventListener('click', () => {
    Text.language = Text.language === 'ko' ? 'en' : 'ko';
    renderAll(model);
    announce(t('languageChanged'));
  });
  byId('print-button').addEventListener('click', () => window.print());
  onFiltersChanged(() => {
    filterMatrix(true);
    filterFindings();
  });

  // Print everything the current filter selects: all matrix rows, every finding group open.
  let restoreFindings = null;
  window.addEventListener('beforeprint', () => {
    // Paper has no toolbar: say what a filtered print leaves out.
    const note = byId('print-filter');
    const filters = describeActiveFilters();
    note.hidden = filters === null;
    note.textContent = filters || '';
    Matrix.showEverything = true;
    renderMatrixRows();
    restoreFindings = expandFindingsForPrint();
  });
  window.addEventListener('afterprint', () => {
    byId('print-filter').hidden = true;
    Matrix.showEverything = false;
    renderMatrixRows();
    if (restoreFindings) restoreFindings();
    restoreFindings = null;
  });
}

function start() {
  let data;
  try {
    Text.strings = readJsonBlock('interface-text');
    data = readJsonBlock('audit-data');
    performance.mark('iamharden-data-parsed');
  } catch (error) {
    document.body.prepend(el('p', { class: 'load-error', text: 'The report data could not be read: ' + error.message }));
    throw error;
  }
  Text.language = data.language === 'ko' ? 'ko' : 'en';
  const model = buildModel(data);
  performance.mark('iamharden-model-built');
  initMatrix(model);
  initUserDialog(model);
  initFindings(model);
  wireToolbar(model);
  renderAll(model);
  performance.mark('iamharden-interactive');
  document.documentElement.dataset.ready = 'true';
}

start();
