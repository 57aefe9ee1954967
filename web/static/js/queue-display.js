// The calling display: follows the office's queue over Server-Sent Events,
// shows the latest calls (number and counter only) and the people waiting per
// line, and announces each new call with a chime made by the Web Audio API
// and speech (Japanese, then English) where the browser has speechSynthesis.
// Browsers allow sound only after a touch: the "sound" button turns it on.
(function () {
  'use strict';
  var root = document.getElementById('display');
  if (!root || !window.EventSource) return;
  var texts = {};
  var template = document.getElementById('display-texts');
  if (template) {
    template.content.querySelectorAll('[data-key]').forEach(function (el) { texts[el.dataset.key] = el.textContent; });
  }
  document.querySelectorAll('.js-only').forEach(function (el) { el.hidden = false; });
  var audio = null;
  var seen = {};
  var first = true;
  var version = Number(root.dataset.version || 0);
  var button = document.getElementById('display-sound');
  if (button) {
    button.addEventListener('click', function () {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (Context && !audio) audio = new Context();
      button.disabled = true;
    });
  }

  function chime() {
    if (!audio) return;
    [880, 660].forEach(function (frequency, i) {
      var start = audio.currentTime + i * 0.45;
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 1);
    });
  }

  function say(call) {
    if (!audio || !window.speechSynthesis) return;
    var spoken = call.label.replace('-', ' ').replace(/ 0+(\d)/, ' $1');
    [['ja', 'ja-JP'], ['en', 'en-US']].forEach(function (pair) {
      var text = (texts[pair[0]] || '').replace('{label}', spoken).replace('{counter}', call.counter);
      if (!text) return;
      var u = new SpeechSynthesisUtterance(text);
      u.lang = pair[1];
      window.speechSynthesis.speak(u);
    });
  }

  function render(board) {
    var body = document.getElementById('display-calls');
    var rows = [];
    var fresh = [];
    board.calls.forEach(function (call) {
      if (call.status !== 'called') return;
      var key = call.id + ':' + call.count;
      if (!seen[key]) {
        seen[key] = true;
        if (!first) fresh.push(call);
      }
      var tr = document.createElement('tr');
      var label = document.createElement('td');
      label.className = 'display__label';
      label.textContent = call.label;
      var counter = document.createElement('td');
      counter.className = 'display__counter';
      counter.textContent = call.counter;
      tr.appendChild(label);
      tr.appendChild(counter);
      if (fresh.indexOf(call) >= 0) tr.className = 'display__row--new';
      rows.push(tr);
    });
    body.replaceChildren.apply(body, rows);
    board.lines.forEach(function (line) {
      var li = document.querySelector('#display-lines [data-line="' + line.line + '"] .display__waiting');
      if (li) li.textContent = String(line.waiting);
    });
    first = false;
    if (fresh.length) {
      chime();
      fresh.reverse().forEach(say);
    }
  }

  var source = new EventSource(root.dataset.events);
  source.addEventListener('board', function (event) {
    var v = Number(event.lastEventId || 0);
    if (v && v < version) return;
    version = v;
    render(JSON.parse(event.data));
  });
})();
