/* roi-ia: « Saisie de la semaine », the AI group's week in one grid (one row per person, one
   column per task, the uses of the week in each cell). Spreadsheet keys (arrows, Tab, Enter,
   Shift+Enter), paste of a block copied from Excel (tabs and line ends), a total of uses and
   of estimated hours per person; on a phone, one person at a time. The cells are checked with
   the weekly form's rules (form[data-roi-grid], from generator/pages/grid.py) and the forms'
   own code (window.roiForms, roi-forms.js), which also writes, downloads and copies the
   usage.csv answer. It sends nothing itself and makes no request. */
(function () {
  "use strict";

  var PHONE = "(max-width: 40em)";
  function Grid(form, rules) {
    this.form = form;
    this.rules = rules;
    this.parse = window.roiForms.parsers(rules);
    this.rows = Array.prototype.slice.call(form.querySelectorAll("[data-roi-grid-row]"));
    this.current = 0;
    this.answer = null;
    this.phone = window.matchMedia ? window.matchMedia(PHONE) : { matches: false };
  }

  /* The inputs of a row, left to right (the typed identifier first on a public site). */
  Grid.prototype.inputs = function (row) {
    return Array.prototype.slice.call(row.querySelectorAll("input"));
  };

  Grid.prototype.position = function (input) {
    var row = this.rows.indexOf(input.closest("[data-roi-grid-row]"));
    return { row: row, column: row < 0 ? -1 : this.inputs(this.rows[row]).indexOf(input) };
  };

  Grid.prototype.focusCell = function (row, column) {
    if (row < 0 || row >= this.rows.length) {
      return false;
    }
    var inputs = this.inputs(this.rows[row]);
    var target = inputs[Math.max(0, Math.min(column, inputs.length - 1))];
    if (this.phone.matches && row !== this.current) {
      this.show(row);
    }
    target.focus();
    target.select();
    return true;
  };

  /* The next cell in reading order: on a phone, across and then to the next person. */
  Grid.prototype.step = function (at, delta) {
    var width = this.inputs(this.rows[at.row]).length;
    var column = at.column + delta;
    if (column >= 0 && column < width) {
      return this.focusCell(at.row, column);
    }
    return this.focusCell(at.row + delta, delta > 0 ? 0 : Infinity);
  };

  Grid.prototype.onKey = function (event) {
    var input = event.target;
    var at = this.position(input);
    if (at.row < 0 || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    var moved = false;
    if (event.key === "Enter") {
      var delta = event.shiftKey ? -1 : 1;
      moved = this.phone.matches ? this.step(at, delta) : this.focusCell(at.row + delta, at.column);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var vertical = event.key === "ArrowDown" ? 1 : -1;
      moved = this.phone.matches
        ? this.step(at, vertical) : this.focusCell(at.row + vertical, at.column);
    } else if (event.key === "ArrowRight" && (whole || input.selectionStart === input.value.length)) {
      moved = this.step(at, 1);
    } else if (event.key === "ArrowLeft" && (whole || input.selectionEnd === 0)) {
      moved = this.step(at, -1);
    }
    if (moved || event.key === "Enter") {
      event.preventDefault();
    }
  };

  /* A block copied from a spreadsheet: lines of tab-separated cells, from the focused one. */
  Grid.prototype.onPaste = function (event) {
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n]/.test(text)) {
      return;
    }
    event.preventDefault();
    var at = this.position(event.target);
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
    var cells = 0;
    var rows = 0;
    var self = this;
    lines.forEach(function (line, i) {
      var row = self.rows[at.row + i];
      if (!row) {
        return;
      }
      var inputs = self.inputs(row);
      rows += 1;
      line.split("\t").forEach(function (value, j) {
        var input = inputs[at.column + j];
        if (input) {
          input.value = value.trim();
          cells += 1;
        }
      });
      self.total(row);
    });
    this.hideResult();
    this.form.querySelector("[data-roi-pasted]").textContent =
      window.roiForms.format(this.rules.grid.pasted, { rows: rows, cells: cells });
  };

  /* The row's total of uses and the hours they imply (uses × minutes saved per use). */
  Grid.prototype.total = function (row) {
    var uses = 0;
    var minutes = 0;
    var self = this;
    row.querySelectorAll("input[data-task]").forEach(function (input) {
      var parsed = input.value.trim() ? self.parse.int(input.value.trim()) : null;
      if (parsed && parsed.number >= 0) {
        uses += parsed.number;
        minutes += parsed.number * (self.rules.saved_minutes[input.getAttribute("data-task")] || 0);
      }
    });
    row.querySelector("[data-roi-grid-uses]").textContent = String(uses);
    row.querySelector("[data-roi-grid-hours]").textContent = window.roiForms.format(
      this.rules.grid.hours, { value: (Math.round(minutes / 6) / 10).toFixed(1).replace(".", ",") });
  };

  /* On a phone, the row of one person and « Personne 2 sur 9 ». */
  Grid.prototype.show = function (index) {
    this.current = Math.max(0, Math.min(index, this.rows.length - 1));
    var self = this;
    this.rows.forEach(function (row, i) {
      row.classList.toggle("roi-grid-current", i === self.current);
    });
    this.form.querySelector("[data-roi-grid-position]").textContent = window.roiForms.format(
      this.rules.grid.position, { number: this.current + 1, count: this.rows.length });
    this.form.querySelector("[data-roi-grid-previous]").disabled = this.current === 0;
    this.form.querySelector("[data-roi-grid-next]").disabled = this.current === this.rows.length - 1;
  };

  Grid.prototype.layout = function () {
    this.form.classList.toggle("roi-grid--phone", this.phone.matches);
    this.show(this.current);
  };

  Grid.prototype.hideResult = function () {
    this.answer = null;
    this.form.querySelector("[data-roi-result]").hidden = true;
  };

  Grid.prototype.clearProblems = function () {
    this.form.querySelectorAll(".roi-form-error").forEach(function (box) {
      box.textContent = "";
      box.hidden = true;
    });
    this.form.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
    this.form.querySelector("[data-roi-summary]").hidden = true;
  };

  Grid.prototype.flag = function (element, message) {
    var box = document.getElementById(element.id + "-error");
    box.textContent = message;
    box.hidden = false;
    element.setAttribute("aria-invalid", "true");
    var described = (element.getAttribute("aria-describedby") || "").split(" ");
    if (described.indexOf(box.id) < 0) {
      element.setAttribute("aria-describedby", described.concat(box.id).join(" ").trim());
    }
    return element;
  };

  /* The CSV rows of the grid (a row left blank is a person who did not answer; in a started
     row a blank cell is 0 uses), or the cells with a problem, each flagged. */
  Grid.prototype.collect = function () {
    var F = window.roiForms;
    var self = this;
    var rules = this.rules;
    var week = this.form.querySelector("[data-roi-weeks]").value;
    var invalid = [];
    var lines = [];
    var people = {};
    this.rows.forEach(function (row) {
      var typed = row.querySelector(".roi-grid-person");
      var cells = Array.prototype.slice.call(row.querySelectorAll("input[data-task]"));
      var started = cells.some(function (input) { return input.value.trim() !== ""; });
      if (!started && !(typed && typed.value.trim())) {
        return;
      }
      var choice = row.querySelector("select[name=tool]");  // from two declared tools on
      var tool = choice ? F.check(rules, self.parse, "tool", choice.value, true) : { text: rules.fixed.tool };
      if (tool.error) {
        invalid.push(self.flag(choice, tool.error));
      }
      var person = F.check(rules, self.parse, "person",
        typed ? typed.value : row.getAttribute("data-person"), true);
      var key = person.text + " " + tool.text;  // one row per person and tool
      if (typed && person.error) {
        invalid.push(self.flag(typed, person.error));
      } else if (typed && people[key]) {
        invalid.push(self.flag(typed, rules.grid.duplicate));
      }
      people[key] = true;
      cells.forEach(function (input) {
        var uses = F.check(rules, self.parse, "uses", input.value.trim() || "0", true);
        if (uses.error) {
          invalid.push(self.flag(input, uses.error));
        } else {
          lines.push({ week: week, person: person.text, task: input.getAttribute("data-task"),
            uses: uses.text, tool: tool.text });
        }
      });
    });
    if (!lines.length && !invalid.length) {
      var box = document.getElementById(this.form.id + "-rows-error");
      box.textContent = rules.grid.no_row;
      box.hidden = false;
      invalid.push(box);
    }
    return { lines: lines, invalid: invalid };
  };

  Grid.prototype.submit = function () {
    this.clearProblems();
    this.hideResult();
    var collected = this.collect();
    if (collected.invalid.length) {
      var summary = this.form.querySelector("[data-roi-summary]");
      summary.querySelector("[data-roi-summary-text]").textContent = window.roiForms.format(
        this.rules.messages.summary, { count: collected.invalid.length });
      summary.hidden = false;
      var first = collected.invalid[0];
      var at = this.position(first);
      if (at.row >= 0) {
        this.focusCell(at.row, at.column);
      } else {
        summary.focus();
      }
      return;
    }
    this.ready(collected.lines);
  };

  Grid.prototype.ready = function (lines) {
    var F = window.roiForms;
    var header = this.rules.header;
    var csv = [header.join(",")].concat(lines.map(function (line) {
      return header.map(function (name) { return F.csvCell(line[name] || ""); }).join(",");
    })).join("\n") + "\n";
    var name = F.stamp(new Date()) + "-equipe-" + F.randomChars(4) + ".csv";
    var path = "data/inbox/" + this.rules.file + "/" + name;
    this.answer = { csv: csv, name: name, path: path };
    this.form.querySelector("[data-roi-csv]").textContent = csv;
    this.form.querySelector("[data-roi-filename]").textContent = path;
    var github = this.form.querySelector("[data-roi-github]");
    if (github && this.rules.repository) {
      github.href = F.githubLink(this.rules, path, csv);
    }
    this.form.querySelector("[data-roi-status]").textContent = "";
    var result = this.form.querySelector("[data-roi-result]");
    result.hidden = false;
    result.querySelector("[data-roi-result-title]").focus();
  };

  Grid.prototype.start = function () {
    var self = this;
    var form = this.form;
    window.roiForms.fillWeeks(form.querySelector("[data-roi-weeks]"), this.rules);
    form.addEventListener("keydown", function (event) {
      if (event.target.tagName === "INPUT") {
        self.onKey(event);
      }
    });
    form.addEventListener("paste", function (event) {
      if (event.target.tagName === "INPUT") {
        self.onPaste(event);
      }
    });
    form.addEventListener("focusin", function (event) {
      if (event.target.tagName === "INPUT" && event.target.closest("[data-roi-grid-row]")) {
        event.target.select();
      }
    });
    form.addEventListener("input", function (event) {
      var row = event.target.closest && event.target.closest("[data-roi-grid-row]");
      if (row) {
        self.total(row);
      }
      self.hideResult();
    });
    form.addEventListener("change", function () { self.hideResult(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submit();
    });
    form.querySelector("[data-roi-grid-previous]").addEventListener("click", function () {
      self.show(self.current - 1);
    });
    form.querySelector("[data-roi-grid-next]").addEventListener("click", function () {
      self.show(self.current + 1);
    });
    form.querySelector("[data-roi-download]").addEventListener("click", function () {
      window.roiForms.download(self.answer, form.querySelector("[data-roi-status]"), self.rules.messages);
    });
    form.querySelector("[data-roi-copy]").addEventListener("click", function () {
      window.roiForms.copy(self.answer, form.querySelector("[data-roi-status]"), self.rules.messages,
        form.querySelector("[data-roi-csv]"));
    });
    if (this.phone.addEventListener) {
      this.phone.addEventListener("change", function () { self.layout(); });
    }
    this.layout();
    form.querySelector("[data-roi-submit]").disabled = false;
  };

  if (window.roiForms) {
    window.roiForms.whenReady(function () { window.roiForms.startEvery("data-roi-grid", Grid); });
  }
})();
