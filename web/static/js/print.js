// The printable list: shows a "print" button that opens the browser's print dialog (without
// JavaScript the page prints from the browser's own menu).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
