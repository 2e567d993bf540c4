// counterexample.js — a request that shows a gap (allowed without MFA, or from outside the
// approved networks), laid out so a reader can check it, with the `iamharden simulate` command
// that replays it against the snapshot.

function counterexampleBlock(example) {
  const context = Object.entries(example.context || {}).map(([key, value]) =>
    key + ' = ' + (Array.isArray(value) ? '[' + value.join(', ') + ']' : value));
  const absent = example.absentKeys || [];
  const rows = [
    ['ceAction', example.action],
    ['ceResource', example.resource],
    ['cePrincipal', example.principal],
    ['ceContext', context.length ? context.join('\n') : t('ceNoContext')],
    ['ceAbsent', absent.length ? absent.join(', ') : t('none')],
    ['ceHow', example.proven ? t('ceProven') : t('ceSearched')],
  ];
  return el('div', { class: 'counterexample' }, [
    el('h4', { text: t('ceHeading') }),
    el('p', { class: 'ce-explanation', text: example.explanation }),
    el('dl', { class: 'ce-request' }, rows.map(([key, value]) =>
      el('div', {}, [el('dt', { text: t(key) }), el('dd', {}, el('code', { text: value }))]))),
    codeBlock('ceSimulate', example.simulate, 'copySimulate'),
  ]);
}
