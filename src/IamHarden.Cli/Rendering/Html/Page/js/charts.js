// charts.js — the overview's two charts as inline SVG drawn here (no library, nothing loaded).
// Each chart is an image for assistive technology with a text alternative; the same numbers are
// printed as text next to it, so the chart is never the only carrier of information.

/** A ring filled to score/100 with the score in its middle. */
function scoreRing(score) {
  const size = 132;
  const radius = 54;
  const circumference = 2 * Math.PI * radius;
  const filled = circumference * Math.max(0, Math.min(100, score)) / 100;
  const band = score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return svg('svg', {
    class: 'score-ring ' + band,
    attrs: { viewBox: '0 0 ' + size + ' ' + size, width: size, height: size, role: 'img', 'aria-label': t('scoreAlt', { score: score }) },
  }, [
    svg('circle', { class: 'ring-track', attrs: { cx: size / 2, cy: size / 2, r: radius } }),
    svg('circle', {
      class: 'ring-value',
      attrs: {
        cx: size / 2, cy: size / 2, r: radius,
        'stroke-dasharray': filled.toFixed(2) + ' ' + circumference.toFixed(2),
        transform: 'rotate(-90 ' + size / 2 + ' ' + size / 2 + ')',
      },
    }),
    svg('text', { class: 'ring-number', text: String(score), attrs: { x: size / 2, y: size / 2 + 4, 'text-anchor': 'middle' } }),
    svg('text', { class: 'ring-unit', text: '/ 100', attrs: { x: size / 2, y: size / 2 + 26, 'text-anchor': 'middle' } }),
  ]);
}

/** One horizontal bar per severity, scaled to the largest count. */
function severityBars(summary) {
  const rowHeight = 26;
  const labelWidth = 84;
  const barWidth = 220;
  const width = labelWidth + barWidth + 48;
  const largest = Math.max(1, ...SEVERITIES.map((s) => summary[s] || 0));
  const alt = SEVERITIES.map((s) => t('severity.' + s) + ' ' + (summary[s] || 0)).join(', ');
  const rows = SEVERITIES.map((severity, row) => {
    const count = summary[severity] || 0;
    const y = row * rowHeight;
    const length = count === 0 ? 0 : Math.max(2, barWidth * count / largest);
    return svg('g', { attrs: { transform: 'translate(0 ' + y + ')' } }, [
      svg('text', { class: 'bar-label', text: t('severity.' + severity), attrs: { x: 0, y: 17 } }),
      svg('rect', { class: 'bar-track', attrs: { x: labelWidth, y: 5, width: barWidth, height: 16, rx: 3 } }),
      svg('rect', { class: 'bar sev-' + severity, attrs: { x: labelWidth, y: 5, width: length.toFixed(1), height: 16, rx: 3 } }),
      svg('text', { class: 'bar-count', text: formatNumber(count), attrs: { x: labelWidth + barWidth + 8, y: 17 } }),
    ]);
  });
  return svg('svg', {
    class: 'severity-bars',
    attrs: { viewBox: '0 0 ' + width + ' ' + rowHeight * SEVERITIES.length, width: width, height: rowHeight * SEVERITIES.length, role: 'img', 'aria-label': t('severityChartAlt', { counts: alt }) },
  }, rows);
}
