/* roi-ia: the survey forms (« Questionnaires »).
   Each form[data-roi-form] carries its rules, derived at build time from generator/input/schema.py
   and generator/input/parse.py (generator/pages/forms.py): kind, required, bounds, choices and references
   of each column, the patterns each kind accepts, the French messages of the loader. This
   script checks the answers with them, shows every problem under its field, then writes the
   CSV and offers to propose it on GitHub, download it or copy it. It sends nothing itself
   and makes no request. Started from Material's document$ (instant navigation).
   The « Chronomètre » form also has a start/stop clock that fills its minutes field. */
(function () {
  "use strict";

  var SPACES = /[\s\u00a0\u202f]/g;
  var RANDOM = "abcdefghijklmnopqrstuvwxyz0123456789";

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  /* Lower case without accents, like parse.fold: « Équilibre » → « equilibre ». */
  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function utcDay(year, month, day) {
    var date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date;
  }

  function isRealDay(year, month, day) {
    var date = utcDay(year, month, day);
    return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day;
  }

  function isoWeek(year, month, day) {
    var date = utcDay(year, month, day);
    date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
    var first = utcDay(date.getUTCFullYear(), 1, 1);
    return { year: date.getUTCFullYear(), week: Math.ceil(((date - first) / 864e5 + 1) / 7) };
  }

  function weeksInYear(year) {
    return isoWeek(year, 12, 28).week;
  }

  function weekText(year, week) {
    return pad(year, 4) + "-W" + pad(week, 2);
  }

  function addDays(date, days) {
    var moved = new Date(date.getTime());
    moved.setUTCDate(moved.getUTCDate() + days);
    return moved;
  }

  /* A week in words, as generator/core/format.py says it (week_label, days_span), from the
     month names and patterns of the rules: « semaine du 23 au 29 novembre 2026 »,
     « du 28 septembre au 4 octobre 2026 », « du 29 décembre 2025 au 4 janvier 2026 ». */
  function dayNumber(date, words) {
    return date.getUTCDate() === 1 ? words.first_day : String(date.getUTCDate());
  }

  function dayLabel(date, words) {
    return dayNumber(date, words) + " " + words.months[date.getUTCMonth()] + " " + date.getUTCFullYear();
  }

  function weekLabel(monday, words) {
    var sunday = addDays(monday, 6);
    var first = dayLabel(monday, words);
    if (monday.getUTCFullYear() === sunday.getUTCFullYear()) {
      first = monday.getUTCMonth() === sunday.getUTCMonth()
        ? dayNumber(monday, words)
        : dayNumber(monday, words) + " " + words.months[monday.getUTCMonth()];
    }
    var days = format(words.span, { first: first, last: dayLabel(sunday, words) });
    return format(words.week, { days: days });
  }

  /* The weeks a person may answer for, newest first: the week in progress and those before
     it, ``count`` in all. The default is the last complete week: the newest whose Sunday is
     today or before (on a Sunday, the week ending that day). Today is the person's own day. */
  function recentWeeks(now, count) {
    var today = utcDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
    var sunday = today.getUTCDay() === 0;
    var monday = addDays(today, -((today.getUTCDay() + 6) % 7));
    var weeks = [];
    for (var back = 0; back < count; back += 1) {
      var first = addDays(monday, -7 * back);
      var iso = isoWeek(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate());
      weeks.push({ value: weekText(iso.year, iso.week), monday: first, complete: sunday || back > 0 });
    }
    return weeks;
  }

  function fillWeeks(select, rules) {
    var chosen = null;
    recentWeeks(new Date(), rules.weeks_shown).forEach(function (week) {
      var label = weekLabel(week.monday, rules.dates);
      var option = document.createElement("option");
      option.value = week.value;
      option.textContent = week.complete ? label : format(rules.messages.week_current, { week: label });
      select.appendChild(option);
      if (week.complete && chosen === null) {
        chosen = week.value;
      }
    });
    select.value = chosen;
  }

  /* One parser per kind of the schema, from the patterns of parse.py. Each takes a trimmed,
     non-blank value and returns { text: the CSV cell, number: for bounds } or null. */
  function parsers(rules) {
    var pattern = {};
    Object.keys(rules.patterns).forEach(function (kind) {
      pattern[kind] = new RegExp("^(?:" + rules.patterns[kind] + ")$");
    });

    function day(value) {
      var match = pattern.date.exec(value);
      var parts = match ? [+match[1], +match[2], +match[3]] : null;
      if (!parts && (match = pattern.fr_date.exec(value))) {
        parts = [+match[3], +match[2], +match[1]];
      }
      return parts && isRealDay(parts[0], parts[1], parts[2]) ? parts : null;
    }

    function number(value) {
      var cleaned = value.replace(SPACES, "");
      if (cleaned.split(",").length === 2 && cleaned.indexOf(".") < 0) {
        cleaned = cleaned.replace(",", ".");  // the form is French: 1,5 means 1.5
      }
      if (!pattern.number.test(cleaned) || !isFinite(parseFloat(cleaned))) {
        return null;
      }
      return { text: cleaned.replace(/^\+/, ""), number: parseFloat(cleaned) };
    }

    return {
      id: function (value) {
        var folded = value.toLowerCase();
        return pattern.id.test(folded) ? { text: folded } : null;
      },
      choice: function (value, column) {
        var folded = fold(value);
        return column.choices.indexOf(folded) >= 0 ? { text: folded } : null;
      },
      text: function (value) {
        return value.length <= rules.max_text ? { text: value } : null;
      },
      number: number,
      int: function (value) {
        var cleaned = value.replace(SPACES, "");
        var parsed = pattern.int.test(cleaned) ? parseInt(cleaned, 10) : (number(value) || {}).number;
        if (!Number.isInteger(parsed) || Math.abs(parsed) > rules.max_int) {
          return null;
        }
        return { text: String(parsed === 0 ? 0 : parsed), number: parsed };
      },
      date: function (value) {
        var parts = day(value);
        return parts && { text: pad(parts[0], 4) + "-" + pad(parts[1], 2) + "-" + pad(parts[2], 2) };
      },
      week: function (value) {
        var match = pattern.week.exec(value);
        if (match) {
          var week = +match[2];
          return week >= 1 && week <= weeksInYear(+match[1]) ? { text: weekText(+match[1], week) } : null;
        }
        var parts = day(value);
        var iso = parts && isoWeek(parts[0], parts[1], parts[2]);
        return iso && { text: weekText(iso.year, iso.week) };
      },
      month: function (value) {
        var match = pattern.month.exec(value);
        var parts = match ? [+match[1], +match[2]] : day(value);
        if (!parts || parts[0] < 1 || parts[1] < 1 || parts[1] > 12) {
          return null;
        }
        return { text: pad(parts[0], 4) + "-" + pad(parts[1], 2) };
      }
    };
  }

  /* The CSV cell of one answer, or the French message saying what is wrong with it. */
  function check(rules, parse, name, raw, required) {
    var column = rules.columns[name];
    var messages = rules.messages;
    var value = String(raw).trim();
    if (!column) {
      return { error: format(messages.bad_value, { expected: "", value: name }) };
    }
    if (value === "" && rules.blank_zero.indexOf(name) >= 0) {
      return { text: "0" };  // the weekly form: a blank count means « not used »
    }
    if (value === "") {
      return required ? { error: messages.required } : { text: "" };
    }
    var parsed = (parse[column.kind] || parse.text)(value, column);
    if (!parsed) {
      return {
        error: column.kind === "text"
          ? format(messages.too_long, { length: value.length, max: rules.max_text })
          : format(messages.bad_value, { expected: column.expected, value: value })
      };
    }
    var bound = { expected: column.expected, min: column.min, max: column.max, value: value };
    if (parsed.number !== undefined && column.min !== null && parsed.number < column.min) {
      return { error: format(messages.below_min, bound) };
    }
    if (parsed.number !== undefined && column.max !== null && parsed.number > column.max) {
      return { error: format(messages.above_max, bound) };
    }
    var known = column.refers_to && rules.known[column.refers_to];
    if (known && known.indexOf(parsed.text) < 0) {
      return { error: format(messages.unknown_ref, { value: value, file: column.refers_to }) };
    }
    return { text: parsed.text };
  }

  function csvCell(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function randomChars(count) {
    var bytes = new Uint8Array(count);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return RANDOM[b % RANDOM.length]; }).join("");
  }

  function stamp(now) {
    return pad(now.getUTCFullYear(), 4) + pad(now.getUTCMonth() + 1, 2) + pad(now.getUTCDate(), 2) +
      "-" + pad(now.getUTCHours(), 2) + pad(now.getUTCMinutes(), 2) + pad(now.getUTCSeconds(), 2);
  }

  function githubLink(rules, path, csv) {
    function segments(value) {
      return value.split("/").map(encodeURIComponent).join("/");
    }
    return "https://github.com/" + segments(rules.repository) + "/new/" + segments(rules.branch) +
      "?filename=" + encodeURIComponent(path) + "&value=" + encodeURIComponent(csv);
  }

  /* Today, in the person's own time zone, for the empty period field (the week is a list:
     fillWeeks). */
  function defaultValue(type) {
    var now = new Date();
    var year = now.getFullYear();
    var month = now.getMonth() + 1;
    if (type === "month") {
      return pad(year, 4) + "-" + pad(month, 2);
    }
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(now.getDate(), 2);
  }

  function field(form, name) {
    return Array.prototype.filter.call(form.elements, function (e) { return e.name === name; })[0];
  }

  /* A group of radio buttons (fieldset[data-roi-radios]) answers like one field. */
  function nameOf(element) {
    return element.getAttribute("data-roi-radios") || element.name;
  }

  function valueOf(element) {
    if (!element.hasAttribute("data-roi-radios")) {
      return element.value;
    }
    var checked = element.querySelector("input[type=radio]:checked");
    return checked ? checked.value : "";
  }

  function clockText(minutes) {
    var seconds = Math.floor(minutes * 60);
    return pad(Math.floor(seconds / 60), 1) + ":" + pad(seconds % 60, 2);
  }

  /* Start and stop measure the task; the minutes, to the hundredth, fill the minutes field
     (with a French decimal comma, as a person would type them), which stays editable. */
  function startStopwatch(form, messages) {
    var box = form.querySelector("[data-roi-stopwatch]");
    if (!box) {
      return;
    }
    var clock = box.querySelector("[data-roi-stopwatch-clock]");
    var start = box.querySelector("[data-roi-stopwatch-start]");
    var stop = box.querySelector("[data-roi-stopwatch-stop]");
    var started = null;
    var timer = null;
    function elapsed() {
      return (Date.now() - started) / 60000;
    }
    function show(minutes) {
      clock.textContent = format(messages.stopwatch_clock, {
        minutes: minutes.toFixed(1).replace(".", ","), clock: clockText(minutes)
      });
    }
    start.addEventListener("click", function () {
      started = Date.now();
      show(0);
      timer = window.setInterval(function () {
        if (!form.isConnected) {
          window.clearInterval(timer);
          return;
        }
        show(elapsed());
      }, 1000);
      start.disabled = true;
      stop.disabled = false;
      stop.focus();
    });
    stop.addEventListener("click", function () {
      var minutes = elapsed();
      window.clearInterval(timer);
      show(minutes);
      var input = field(form, "minutes");
      input.value = String(Math.round(minutes * 100) / 100).replace(".", ",");
      input.dispatchEvent(new Event("input", { bubbles: true }));
      stop.disabled = true;
      start.disabled = false;
      start.focus();
    });
    start.disabled = false;
  }

  /* Whether ``name`` is said on ``row``: a tool only for a measurement with AI (rules.when). */
  function said(rules, row, name) {
    var when = rules.when[name];
    return !when || row[when[0]] === when[1];
  }

  function Survey(form, rules) {
    this.form = form;
    this.rules = rules;
    this.parse = parsers(rules);
    this.answer = null;
    this.result = form.querySelector("[data-roi-result]");
    this.summary = form.querySelector("[data-roi-summary]");
    this.status = form.querySelector("[data-roi-status]");
  }

  Survey.prototype.start = function () {
    var self = this;
    this.form.querySelectorAll("[data-roi-default]").forEach(function (input) {
      if (!input.value) {
        input.value = defaultValue(input.getAttribute("data-roi-default"));
      }
    });
    this.form.querySelectorAll("select[data-roi-weeks]").forEach(function (select) {
      fillWeeks(select, self.rules);
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit();
    });
    ["input", "change"].forEach(function (type) {
      self.form.addEventListener(type, function () { self.hideResult(); });
    });
    this.form.querySelector("[data-roi-download]").addEventListener("click", function () {
      self.download();
    });
    this.form.querySelector("[data-roi-copy]").addEventListener("click", function () {
      self.copy();
    });
    startStopwatch(this.form, this.rules.messages);
    this.form.querySelector("[data-roi-submit]").disabled = false;
  };

  Survey.prototype.hideResult = function () {
    this.answer = null;
    this.result.hidden = true;
  };

  Survey.prototype.clearProblems = function () {
    this.form.querySelectorAll(".roi-form-error").forEach(function (box) {
      box.textContent = "";
      box.hidden = true;
    });
    this.form.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
    this.summary.hidden = true;
  };

  /* Show ``message`` under ``element`` (its box is #<id>-error, named by aria-describedby). */
  Survey.prototype.flag = function (element, message) {
    var box = document.getElementById(element.id + "-error");
    box.textContent = message;
    box.hidden = false;
    if (element.type !== "hidden") {
      element.setAttribute("aria-invalid", "true");
    }
    var described = (element.getAttribute("aria-describedby") || "").split(" ");
    if (described.indexOf(box.id) < 0) {
      element.setAttribute("aria-describedby", described.concat(box.id).join(" ").trim());
    }
    return element;
  };

  /* Every row the answer holds, or the elements with a problem (each flagged). */
  Survey.prototype.collect = function () {
    var self = this;
    var rules = this.rules;
    var invalid = [];
    var shared = {};
    function take(row, element, required, incomplete) {
      var checked = check(rules, self.parse, nameOf(element), valueOf(element), required);
      if (checked.error) {
        var blank = String(valueOf(element)).trim() === "";
        invalid.push(self.flag(element, blank && incomplete ? rules.messages.row_incomplete : checked.error));
      } else {
        row[nameOf(element)] = checked.text;
      }
    }
    rules.shared.forEach(function (name) {  // person, period (and the weekly form's tool)
      take(shared, field(self.form, name), true, false);
    });
    var rows = [];
    this.form.querySelectorAll(".roi-form-row").forEach(function (fieldset) {
      var answers = fieldset.querySelectorAll(
        "input:not([type=hidden]):not([type=radio]), select, textarea, [data-roi-radios]");
      var started = Array.prototype.some.call(answers, function (input) {
        return String(valueOf(input)).trim() !== "";
      });
      if (rules.optional_rows && !started) {
        return;
      }
      var row = Object.assign({}, shared);
      fieldset.querySelectorAll("input[type=hidden]").forEach(function (key) {
        take(row, key, true, false);
      });
      answers.forEach(function (input) {
        var column = rules.columns[nameOf(input)];
        if (!said(rules, row, nameOf(input))) {
          return;  // the tool of a measurement without AI
        }
        take(row, input, !column || column.required || input.required === true, rules.optional_rows);
      });
      Object.keys(rules.fixed).forEach(function (name) {  // the id of a lone tool
        row[name] = said(rules, row, name) ? rules.fixed[name] : "";
      });
      rows.push(row);
    });
    if (!rows.length) {
      var box = this.form.querySelector(".roi-form-rows");
      invalid.push(this.flag(box, rules.messages.no_row));
    }
    return { rows: rows, invalid: invalid, person: shared.person };
  };

  Survey.prototype.submit = function () {
    this.clearProblems();
    this.hideResult();
    var collected = this.collect();
    if (collected.invalid.length) {
      this.summary.querySelector("[data-roi-summary-text]").textContent =
        format(this.rules.messages.summary, { count: collected.invalid.length });
      this.summary.hidden = false;
      var first = collected.invalid.filter(function (e) {
        return e.type !== "hidden" && e.tagName !== "FIELDSET";
      })[0];
      (first || this.summary).focus();
      return;
    }
    this.show(collected.rows, collected.person);
  };

  Survey.prototype.show = function (rows, person) {
    var header = this.rules.header;
    var lines = [header.join(",")].concat(rows.map(function (row) {
      return header.map(function (name) { return csvCell(row[name] || ""); }).join(",");
    }));
    var csv = lines.join("\n") + "\n";
    var name = stamp(new Date()) + "-" + person + "-" + randomChars(4) + ".csv";
    var path = "data/inbox/" + this.rules.file + "/" + name;
    this.answer = { csv: csv, name: name, path: path };
    this.form.querySelector("[data-roi-csv]").textContent = csv;
    this.form.querySelector("[data-roi-filename]").textContent = path;
    var github = this.form.querySelector("[data-roi-github]");
    if (this.rules.repository) {
      github.href = githubLink(this.rules, path, csv);
    }
    this.status.textContent = "";
    this.result.hidden = false;
    var title = this.result.querySelector("[data-roi-result-title]");
    title.focus();
  };

  Survey.prototype.download = function () {
    downloadAnswer(this.answer, this.status, this.rules.messages);
  };

  Survey.prototype.copy = function () {
    copyAnswer(this.answer, this.status, this.rules.messages, this.form.querySelector("[data-roi-csv]"));
  };

  /* Save ``answer`` (csv, name) as a file; say so in ``status``. */
  function downloadAnswer(answer, status, messages) {
    if (!answer) {
      return;
    }
    var url = URL.createObjectURL(new Blob([answer.csv], { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = answer.name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status.textContent = format(messages.downloaded, { name: answer.name });
  }

  /* Copy ``answer``'s CSV to the clipboard, else select it in ``shown`` and copy that. */
  function copyAnswer(answer, status, messages, shown) {
    if (!answer) {
      return;
    }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(shown);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      status.textContent = done ? messages.copied : messages.copy_failed;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(answer.csv).then(function () {
        status.textContent = messages.copied;
      }, fallback);
    } else {
      fallback();
    }
  }

  /* What the team-week grid (roi-grid.js, loaded after this script) shares with the forms. */
  window.roiForms = {
    format: format,
    pad: pad,
    parsers: parsers,
    check: check,
    csvCell: csvCell,
    stamp: stamp,
    randomChars: randomChars,
    githubLink: githubLink,
    fillWeeks: fillWeeks,
    download: downloadAnswer,
    copy: copyAnswer
  };

  /* Start ``Kind`` once on every form carrying its rules in ``attribute`` (JSON). */
  function startEvery(attribute, Kind) {
    document.querySelectorAll("form[" + attribute + "]").forEach(function (form) {
      if (form.dataset.roiReady) {
        return;
      }
      form.dataset.roiReady = "1";
      var rules;
      try {
        rules = JSON.parse(form.getAttribute(attribute));
      } catch (error) {
        console.warn("roi-ia: " + form.id + " has unreadable rules", error);
        return;
      }
      new Kind(form, rules).start();
    });
  }

  /* Run ``start`` on each page Material shows (instant navigation) or once the page is read. */
  function whenReady(start) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(start);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  window.roiForms.startEvery = startEvery;
  window.roiForms.whenReady = whenReady;
  whenReady(function () { startEvery("data-roi-form", Survey); });
})();
