// Enhancements for the citizen form pages. Every page works without this
// script; with it:
// - the error summary takes focus when a page comes back with errors;
// - questions that do not apply are hidden as answers change (data-show-if);
// - entries of a repeating group are added and removed without a reload;
// - a postal code fills in the address (GET /api/v1/postal-codes/{code});
// - answers are checked as you move to the next question, with the same rules and
//   the same words as the server (the form spec and message templates the
//   page embeds in #form-hints); the server still decides;
// - a form is sent once, however often its button is pressed.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var hints = readHints();

  function readHints() {
    var node = document.getElementById("form-hints");
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (e) {
      return null;
    }
  }

  function ui(key, fallback) {
    return (hints && hints.ui && hints.ui[key]) || fallback || "";
  }

  // ---- conditions (data-show-if) ----

  function valuesOf(form, name) {
    var out = [];
    var elements = form.querySelectorAll("[name]");
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.name !== name) continue;
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) out.push(el.value);
        else if (el.type === "checkbox" && el.value === "true") out.push("false");
      } else if (el.value !== "") {
        out.push(el.value);
      }
    }
    return out;
  }

  function holds(form, c) {
    if (!c) return true;
    if (c.all) return c.all.every(function (x) { return holds(form, x); });
    if (c.any) return c.any.some(function (x) { return holds(form, x); });
    if (c.not) return !holds(form, c.not);
    if (c.op === "always") return true;
    var values = valuesOf(form, c.name);
    var wanted = (c.values || []).map(String);
    var has = function (v) { return values.indexOf(v) >= 0; };
    switch (c.op) {
      case "equals":
      case "contains":
        return has(wanted[0]);
      case "not_equals":
        return !has(wanted[0]);
      case "in":
        return wanted.some(has);
      case "not_in":
        return !wanted.some(has);
      case "answered":
        return values.length > 0 && !(values.length === 1 && values[0] === "false");
      case "not_answered":
        return values.length === 0 || (values.length === 1 && values[0] === "false");
      default:
        return true;
    }
  }

  function applyConditions(form) {
    var nodes = form.querySelectorAll("[data-show-if]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var condition;
      try {
        condition = JSON.parse(node.getAttribute("data-show-if"));
      } catch (e) {
        continue;
      }
      node.hidden = !holds(form, condition);
    }
  }

  // ---- messages mirrored from the server ----

  function lang() {
    return (hints && hints.lang) || "ja";
  }

  function label(field) {
    var text = field.label ? (field.label[lang()] || field.label.ja) : "";
    return lang() === "en" ? "\u201c" + text + "\u201d" : "\u300c" + text + "\u300d";
  }

  function message(code, field, args) {
    var templates = (hints && hints.messages) || {};
    var t = templates[code] || templates.invalid_answer;
    var text = t ? (t[lang()] || t.ja) : code;
    text = text.replace("{label}", label(field));
    Object.keys(args || {}).forEach(function (k) {
      text = text.split("{" + k + "}").join(String(args[k]));
    });
    return text;
  }

  var specByPath = {};
  function indexSpec(fields) {
    (fields || []).forEach(function (f) {
      specByPath[f.path] = f;
      if (f.fields) indexSpec(f.fields);
    });
  }
  if (hints && hints.spec) hints.spec.sections.forEach(function (s) { indexSpec(s.fields); });

  function patternOf(name) {
    return name.replace(/\[\d+\]/g, "[]");
  }

  function characters(text) {
    return Array.from(text).length;
  }

  function toAsciiDigits(text) {
    return text.replace(/[\uff10-\uff19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xfee0);
    }).replace(/[\uff0c,\s]/g, "").replace(/\uff0e/g, ".");
  }

  function humanBytes(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
    if (n >= 1024) return Math.ceil(n / 1024) + " KB";
    return n + " B";
  }

  // The first problem with a question's answer, or "" (only what the page can judge).
  function problem(input) {
    var field = specByPath[patternOf(input.name)];
    if (!field) return "";
    var limits = field.limits || {};
    if (input.type === "file") {
      var file = input.files && input.files[0];
      if (!file) return "";
      if (limits.max_bytes && file.size > limits.max_bytes) {
        return message("file_too_large", field, { size: humanBytes(file.size), max: humanBytes(limits.max_bytes) });
      }
      return "";
    }
    var value = input.value.trim();
    if (value === "") {
      var touched = input.value !== input.defaultValue || input.hasAttribute("data-touched");
      return field.required && touched ? message(field.type === "select" ? "required_choice" : "required", field) : "";
    }
    var textLike = ["text", "katakana", "name", "address", "email"].indexOf(field.type) >= 0;
    if (textLike && limits.max_length && characters(value) > limits.max_length) {
      return message("too_long", field, { max: limits.max_length, count: characters(value) });
    }
    if (textLike && limits.min_length && characters(value) < limits.min_length) {
      return message("too_short", field, { min: limits.min_length, count: characters(value) });
    }
    if (field.type === "email" && !/^[^\s@\uff20]+[@\uff20][^\s@\uff20]+\.[^\s@\uff20]+$/.test(value)) {
      return message("invalid_email", field);
    }
    if (field.type === "number") {
      var n = Number(toAsciiDigits(value));
      if (isNaN(n)) return message("not_a_number", field);
      if (!limits.decimals && Math.floor(n) !== n) return message("not_an_integer", field);
      if (limits.min !== undefined && n < limits.min) return message("number_too_small", field, { min: limits.min });
      if (limits.max !== undefined && n > limits.max) return message("number_too_large", field, { max: limits.max });
    }
    if (limits.pattern && field.type === "text") {
      try {
        if (!new RegExp("^(?:" + limits.pattern + ")$", "u").test(value)) {
          var hint = limits.pattern_hint ? (limits.pattern_hint[lang()] || limits.pattern_hint.ja) : "";
          return message("pattern_mismatch", field, { hint: hint });
        }
      } catch (e) {
        return "";
      }
    }
    return "";
  }

  function errorElementFor(input) {
    var all = document.querySelectorAll("[data-error-for]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-error-for") === input.name) return all[i];
    }
    return null;
  }

  function showProblem(input, text) {
    var slot = errorElementFor(input);
    if (!slot) return;
    var wrapper = document.getElementById(input.id + "-field");
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (id) { return id !== slot.id; });
    if (text) {
      slot.textContent = text;
      slot.hidden = false;
      ids.push(slot.id);
      input.setAttribute("aria-invalid", "true");
      if (wrapper) wrapper.classList.add("field--error");
    } else if (slot.hasAttribute("data-checked") || input.value !== input.defaultValue) {
      slot.textContent = "";
      slot.hidden = true;
      input.removeAttribute("aria-invalid");
      if (wrapper) wrapper.classList.remove("field--error");
    }
    slot.setAttribute("data-checked", "");
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function checkInput(input) {
    if (!input.name || input.name.charAt(0) === "_") return;
    if (input.type === "radio" || input.type === "checkbox" || input.type === "hidden") return;
    var node = input.closest("[data-show-if]");
    if (node && node.hidden) return;
    showProblem(input, problem(input));
  }

  // ---- repeating groups ----

  function htmlId(name) {
    return "f-" + name.replace(/\]/g, "").replace(/[.\[]/g, "-").replace(/[^A-Za-z0-9_-]/g, "");
  }

  function renumber(repeat, addButton) {
    var items = repeat.querySelectorAll(":scope > [data-repeat-item]");
    for (var i = 0; i < items.length; i++) {
      var numbers = items[i].querySelectorAll(":scope > legend [data-item-number], :scope > [data-remove-item] [data-item-number]");
      for (var j = 0; j < numbers.length; j++) numbers[j].textContent = String(i + 1);
      var remove = items[i].querySelector(":scope > [data-remove-item]");
      if (remove) remove.hidden = items.length <= 1;
    }
    if (addButton) {
      var max = parseInt(addButton.getAttribute("data-max-items"), 10) || 0;
      addButton.hidden = max > 0 && items.length >= max;
    }
  }

  function rewrite(node, from, to) {
    var idFrom = htmlId(from);
    var idTo = htmlId(to);
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll("*")));
    all.forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attr) {
        var v = attr.value;
        var next = v.split(from).join(to);
        next = next.replace(new RegExp(idFrom.replace(/[-]/g, "\\-") + "(?=-|$|\\s)", "g"), idTo);
        if (next !== v) el.setAttribute(attr.name, next);
      });
    });
  }

  function clearEntry(item) {
    item.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") el.checked = false;
      else if (el.tagName === "SELECT") el.selectedIndex = 0;
      else if (el.type !== "hidden") el.value = "";
      el.removeAttribute("aria-invalid");
    });
    item.querySelectorAll(".current-file").forEach(function (el) { el.remove(); });
    item.querySelectorAll(".field--error").forEach(function (el) { el.classList.remove("field--error"); });
    item.querySelectorAll("[data-error-for]").forEach(function (el) {
      el.textContent = "";
      el.hidden = true;
    });
  }

  function setUpRepeat(form, addButton) {
    var path = addButton.getAttribute("data-add-item");
    var repeat = null;
    var candidates = form.querySelectorAll("[data-repeat]");
    for (var i = 0; i < candidates.length; i++) {
      if (candidates[i].getAttribute("data-repeat") === path) repeat = candidates[i];
    }
    if (!repeat) return;
    var next = repeat.querySelectorAll(":scope > [data-repeat-item]").length;
    addButton.addEventListener("click", function (event) {
      var items = repeat.querySelectorAll(":scope > [data-repeat-item]");
      if (!items.length) return;
      event.preventDefault();
      var last = items[items.length - 1];
      var index = last.id.match(/-(\d+)-item$/);
      var from = path + "[" + (index ? index[1] : items.length - 1) + "]";
      var to = path + "[" + next + "]";
      var copy = last.cloneNode(true);
      rewrite(copy, from, to);
      var remove = copy.querySelector(":scope > [data-remove-item]");
      if (remove) remove.value = "remove:" + path + ":" + next;
      next += 1;
      clearEntry(copy);
      repeat.appendChild(copy);
      bindEntry(form, copy, addButton);
      renumber(repeat, addButton);
      applyConditions(form);
      var first = copy.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });
    repeat.querySelectorAll(":scope > [data-repeat-item]").forEach(function (item) {
      bindEntry(form, item, addButton);
    });
  }

  function bindEntry(form, item, addButton) {
    var remove = item.querySelector(":scope > [data-remove-item]");
    if (!remove) return;
    remove.addEventListener("click", function (event) {
      var repeat = item.parentNode;
      if (repeat.querySelectorAll(":scope > [data-repeat-item]").length <= 1) return;
      event.preventDefault();
      var previous = item.previousElementSibling || item.nextElementSibling;
      item.remove();
      renumber(repeat, addButton);
      applyConditions(form);
      var focus = previous && previous.querySelector("legend");
      if (previous) {
        var target = previous.querySelector("input:not([type=hidden]), select, textarea");
        if (target) target.focus();
        else if (focus) focus.focus();
      }
    });
  }

  // ---- postal code → address ----

  function setUpPostal(input) {
    var target = document.getElementById(input.getAttribute("data-postal-target"));
    var status = document.getElementById(input.id + "-status");
    if (!target) return;
    var last = "";
    function look() {
      var digits = toAsciiDigits(input.value).replace(/[-\u2010-\u2015\u2212\u30fc\uff0d\u3012]/g, "");
      if (!/^\d{7}$/.test(digits) || digits === last) return;
      last = digits;
      if (status) status.textContent = ui("checking_postal");
      fetch("/api/v1/postal-codes/" + digits, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || !data.addresses || !data.addresses.length) {
            if (status) status.textContent = ui("postal_not_found");
            return;
          }
          var a = data.addresses[0];
          if (target.value.trim() === "") target.value = a.prefecture + a.city + (data.addresses.length === 1 ? a.town : "");
          if (status) status.textContent = ui("postal_found");
        })
        .catch(function () {
          if (status) status.textContent = "";
        });
    }
    input.addEventListener("input", look);
    input.addEventListener("change", look);
  }

  // ---- sending once ----

  function setUpSendOnce(form) {
    var sent = false;
    form.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      var once = submitter ? submitter.hasAttribute("data-submit-once") : !!form.querySelector("[data-submit-once]");
      if (!once) return;
      if (sent) {
        event.preventDefault();
        return;
      }
      sent = true;
      var button = submitter || form.querySelector("[data-submit-once]");
      button.setAttribute("aria-disabled", "true");
    });
    window.addEventListener("pageshow", function () { sent = false; });
  }

  // ---- start ----

  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  document.querySelectorAll("form").forEach(function (form) {
    setUpSendOnce(form);
    if (!form.hasAttribute("data-form")) return;
    applyConditions(form);
    form.addEventListener("change", function (event) {
      applyConditions(form);
      if (event.target.type === "file") checkInput(event.target);
    });
    form.addEventListener("input", function (event) {
      event.target.setAttribute("data-touched", "");
    });
    // A message appearing or going moves what is below it; when focus leaves
    // for a button (or for nothing, as when Safari clicks one), wait until the
    // click is done so it lands where the person aimed.
    form.addEventListener("focusout", function (event) {
      var el = event.target;
      if (!el.matches || !el.matches("input, select, textarea")) return;
      var to = event.relatedTarget;
      if (to && to.tagName === "BUTTON") return;
      if (!to) {
        window.setTimeout(function () { checkInput(el); }, 250);
        return;
      }
      checkInput(el);
    });
    form.querySelectorAll("[data-add-item]").forEach(function (button) { setUpRepeat(form, button); });
    form.querySelectorAll("[data-postal-target]").forEach(setUpPostal);
  });
})();
