// The phone page of one ticket: follows the office's queue over Server-Sent
// Events and rewrites the status (people ahead, expected wait, the counter
// when called). "Notify me" asks for permission to show a browser
// notification when the turn is near, while the page is open. Without
// JavaScript or EventSource the page works by reloading it.
(function () {
  'use strict';
  var root = document.getElementById('ticket');
  if (!root || !window.EventSource) return;
  var texts = {};
  var template = document.getElementById('ticket-texts');
  if (template) {
    template.content.querySelectorAll('[data-key]').forEach(function (el) { texts[el.dataset.key] = el.textContent; });
  }
  document.querySelectorAll('.js-only').forEach(function (el) { el.hidden = false; });
  var version = Number(root.dataset.version || 0);
  var alertAhead = Number(root.dataset.alertAhead || 3);
  var notified = false;
  var status = document.getElementById('ticket-status');
  var button = document.getElementById('ticket-notify');
  if (button) {
    if (!('Notification' in window)) {
      button.parentElement.hidden = true;
    } else {
      button.addEventListener('click', function () {
        Notification.requestPermission().then(function () { button.disabled = true; });
      });
    }
  }

  function waitText(low, high) {
    if (!high) return texts.none || '';
    var unit = texts.minutes || '';
    return low === high ? low + unit : low + '〜' + high + unit;
  }

  function paragraph(parts, className) {
    var p = document.createElement('p');
    p.className = className || '';
    parts.forEach(function (part) {
      if (typeof part === 'string') {
        p.appendChild(document.createTextNode(part));
      } else {
        var strong = document.createElement('strong');
        strong.textContent = part.strong;
        if (part.id) strong.id = part.id;
        p.appendChild(strong);
      }
    });
    return p;
  }

  function render(d) {
    var aheadSpan = document.getElementById('ticket-ahead');
    var latest = document.getElementById('ticket-latest');
    if (latest && d.latest_call) latest.textContent = d.latest_call.label;
    if (d.status === 'waiting' && aheadSpan) {
      aheadSpan.textContent = String(d.ahead);
      var wait = document.getElementById('ticket-wait');
      if (wait) wait.textContent = waitText(d.wait_low, d.wait_high);
      if (!notified && d.ahead < alertAhead && 'Notification' in window && Notification.permission === 'granted') {
        notified = true;
        new Notification(texts.soon || '');
      }
      return;
    }
    if (d.status === 'waiting' || d.status === 'finished') {
      window.location.reload();
      return;
    }
    status.replaceChildren();
    if (d.status === 'called') {
      status.appendChild(paragraph([texts.called + ' ', { strong: texts.counter + ' ' + d.counter }],
                                   'ticket-status__main ticket-status__main--called'));
      if ('Notification' in window && Notification.permission === 'granted') new Notification(texts.called + ' ' + texts.counter + ' ' + d.counter);
    } else if (d.status === 'done') {
      status.appendChild(paragraph([texts.done], 'ticket-status__main'));
    } else if (d.status === 'no_show') {
      status.appendChild(paragraph([texts.no_show], 'ticket-status__main'));
    }
  }

  var source = new EventSource(root.dataset.events);
  source.addEventListener('ticket', function (event) {
    var v = Number(event.lastEventId || 0);
    if (v && v < version) return;
    version = v;
    render(JSON.parse(event.data));
  });
})();
