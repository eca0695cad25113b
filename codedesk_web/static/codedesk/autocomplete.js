// Autocomplete for the search box: asks the JSON API as the user types and
// lists codes under the box. The form still works without this script.
(function () {
  "use strict";

  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var endpoint = input.getAttribute("data-suggest");
  var form = input.form;
  var pending = null;
  var timer = null;
  var active = -1;

  function fieldValue(name) {
    var field = form.elements.namedItem(name);
    return field && field.value ? field.value : "";
  }

  function codeUrl(hit) {
    var url = "/codes/" + encodeURIComponent(hit.system) + "/" + encodeURIComponent(hit.code);
    var date = fieldValue("date");
    return date ? url + "?date=" + encodeURIComponent(date) : url;
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
  }

  function show(hits) {
    list.textContent = "";
    active = -1;
    hits.forEach(function (hit, index) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var code = document.createElement("span");
      item.setAttribute("role", "option");
      item.id = "q-option-" + index;
      link.href = codeUrl(hit);
      code.className = "code";
      code.textContent = hit.code;
      link.appendChild(code);
      link.appendChild(document.createTextNode(" " + hit.title));
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", hits.length ? "true" : "false");
  }

  function ask() {
    var query = input.value.trim();
    if (query.length < 2) {
      close();
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var params = new URLSearchParams({ q: query, limit: "8" });
    ["system", "date"].forEach(function (name) {
      if (fieldValue(name)) {
        params.set(name, fieldValue(name));
      }
    });
    fetch(endpoint + "?" + params.toString(), { signal: pending.signal })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (body) {
        show(body.results || []);
      })
      .catch(function () {});
  }

  function move(step) {
    var items = list.querySelectorAll("li");
    if (!items.length) {
      return;
    }
    if (active >= 0) {
      items[active].classList.remove("active");
    }
    active = (active + step + items.length) % items.length;
    items[active].classList.add("active");
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 80);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", function () {
    setTimeout(close, 150);
  });
})();
