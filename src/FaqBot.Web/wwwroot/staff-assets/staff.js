// Draws the overview's charts from the JSON the page embeds (no inline script: the console's CSP forbids it).
(function () {
  'use strict';
  var source = document.getElementById('overview-data');
  if (!source || typeof Chart === 'undefined') {
    return;
  }

  var data = JSON.parse(source.textContent);
  // Colours with at least 3:1 contrast against white, told apart by pattern of use too (stacked order, legend).
  var colours = { answered: '#1d6b33', declined: '#8a4b00', urgent: '#a4161a', line: '#0b5cad' };
  var common = { responsive: true, maintainAspectRatio: false, animation: false };

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) {
      canvas.chart = new Chart(canvas, config);
    }
  }

  draw('chart-outcomes', {
    type: 'bar',
    data: {
      labels: data.days,
      datasets: [
        { label: 'Answered', data: data.answered, backgroundColor: colours.answered },
        { label: 'Declined', data: data.declined, backgroundColor: colours.declined },
        { label: 'Urgent', data: data.urgent, backgroundColor: colours.urgent }
      ]
    },
    options: Object.assign({}, common, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } })
  });

  draw('chart-helpful', {
    type: 'line',
    data: { labels: data.days, datasets: [{ label: 'Helpful votes (%)', data: data.helpfulShare, borderColor: colours.line, backgroundColor: colours.line, spanGaps: false }] },
    options: Object.assign({}, common, { scales: { y: { min: 0, max: 100 } } })
  });

  draw('chart-topics', {
    type: 'bar',
    data: { labels: data.topics, datasets: [{ label: 'Answers', data: data.topicAnswers, backgroundColor: colours.line }] },
    options: Object.assign({}, common, { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } })
  });
}());
