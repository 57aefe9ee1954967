// The ticket machine: puts the cursor in the booking reference field (a QR
// scanner types into it), and returns from a printed ticket to the start
// screen after a minute so the next person finds it ready.
(function () {
  'use strict';
  var field = document.querySelector('[data-autofocus]');
  if (field) field.focus();
  var ticket = document.getElementById('kiosk-ticket');
  if (ticket && ticket.dataset.return) {
    setTimeout(function () { window.location.assign(ticket.dataset.return); }, 60000);
  }
})();
