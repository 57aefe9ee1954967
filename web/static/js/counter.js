// The counter pages' enhancements. Every page works without this script
// (the code is typed; corrections are forms); with it:
// - the start page reads the citizen's QR code with the PC camera (jsQR,
//   served from /static/vendor/jsqr) and submits the code it finds;
// - the intake page talks to the card bridge on this PC (127.0.0.1): pairs
//   once with the code the bridge shows (the token stays in this browser),
//   asks the PIN tries left, reads the card's four items (and the individual
//   number where a procedure needs it) and hands them to the server. The PIN
//   goes only to the bridge and is never stored.
(function () {
  "use strict";

  // ---- camera QR scanning (start page) ----

  function setupCamera() {
    var box = document.querySelector("[data-camera-scan]");
    var input = document.getElementById("code");
    if (!box || !input || typeof window.jsQR !== "function" || !navigator.mediaDevices) return;
    box.hidden = false;
    var button = box.querySelector("[data-camera-start]");
    var video = box.querySelector("[data-camera-video]");
    var status = box.querySelector("[data-camera-status]");
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", { willReadFrequently: true });
    button.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        status.textContent = button.getAttribute("data-reading") || "";
        var tick = function () {
          if (video.readyState === video.HAVE_ENOUGH_DATA) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            var image = context.getImageData(0, 0, canvas.width, canvas.height);
            var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
            if (found && found.data) {
              stream.getTracks().forEach(function (t) { t.stop(); });
              input.value = found.data;
              input.form.submit();
              return;
            }
          }
          window.requestAnimationFrame(tick);
        };
        window.requestAnimationFrame(tick);
      }).catch(function (e) {
        status.textContent = String(e && e.message ? e.message : e);
      });
    });
  }

  // ---- card bridge (intake page) ----

  var TOKEN_KEY = "madoguchi.cardBridge.token";

  function setupCardReader() {
    var root = document.querySelector("[data-card-reader]");
    if (!root) return;
    var bridge = root.getAttribute("data-bridge");
    var post = root.getAttribute("data-card-post");
    var ui = root.querySelector("[data-card-ui]");
    var status = root.querySelector("[data-card-status]");
    var pairBox = root.querySelector("[data-card-pair]");
    var readBox = root.querySelector("[data-card-read]");
    var lastTry = root.querySelector("[data-last-try]");
    var english = document.documentElement.lang === "en";
    var messages = {};
    root.querySelectorAll("[data-card-messages] li").forEach(function (li) {
      messages[li.getAttribute("data-key")] = li.textContent;
    });
    root.querySelector("[data-card-nojs]").hidden = true;
    ui.hidden = false;

    function say(text, isError) {
      status.textContent = text;
      status.classList.toggle("field__error", !!isError);
    }
    function token() {
      try { return window.localStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; }
    }
    function call(path, body) {
      var headers = { "Content-Type": "application/json" };
      if (token()) headers.Authorization = "Bearer " + token();
      return fetch(bridge + path, { method: body ? "POST" : "GET", headers: headers,
                                    body: body ? JSON.stringify(body) : undefined, mode: "cors", credentials: "omit" })
        .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); });
    }
    function errorText(body) {
      var e = body && body.error;
      if (!e) return "";
      return english ? e.message_en : e.message_ja;
    }
    function showRead() {
      pairBox.hidden = true;
      readBox.hidden = false;
      say(messages.ready);
    }
    function refresh() {
      call("/v1/status").then(function (r) {
        if (r.body && r.body.paired) showRead();
        else { pairBox.hidden = false; readBox.hidden = true; say(messages.pair); }
      }).catch(function () { say(messages.not_running, true); });
    }

    root.querySelector("[data-pair-submit]").addEventListener("click", function () {
      var code = root.querySelector("[data-pair-code]").value.replace(/\s/g, "");
      call("/v1/pair", { code: code }).then(function (r) {
        if (r.status === 200 && r.body.token) {
          try { window.localStorage.setItem(TOKEN_KEY, r.body.token); } catch (e) { /* private mode */ }
          say(messages.paired);
          showRead();
        } else {
          say(errorText(r.body), true);
        }
      }).catch(function () { say(messages.not_running, true); });
    });

    root.querySelector("[data-card-submit]").addEventListener("click", function () {
      var pinInput = root.querySelector("[data-card-pin]");
      var number = root.querySelector("[data-card-number]");
      var confirm = root.querySelector("[data-card-last-try]");
      var request = { pin: pinInput.value, individual_number: !!(number && number.checked),
                      confirm_last_try: !!(confirm && confirm.checked && !lastTry.hidden) };
      pinInput.value = "";
      say(messages.reading);
      call("/v1/card/read", request).then(function (r) {
        if (r.status !== 200) {
          var code = r.body && r.body.error && r.body.error.code;
          if (code === "last_try") lastTry.hidden = false;
          if (code === "pin_blocked") readBox.hidden = true;
          if (code === "unpaired") { pairBox.hidden = false; readBox.hidden = true; }
          say(errorText(r.body), true);
          return null;
        }
        say(messages.saving);
        return fetch(post, { method: "POST", headers: { "Content-Type": "application/json" },
                             body: JSON.stringify(r.body.card), credentials: "same-origin" })
          .then(function (s) { return s.json().then(function (j) { return { status: s.status, body: j }; }); })
          .then(function (s) {
            if (s.status === 200 && s.body.location) window.location.assign(s.body.location);
            else say(s.body && s.body.error ? (english ? s.body.error.message.en : s.body.error.message.ja) : "", true);
          });
      }).catch(function () { say(messages.not_running, true); });
    });

    refresh();
  }

  setupCamera();
  setupCardReader();
})();
