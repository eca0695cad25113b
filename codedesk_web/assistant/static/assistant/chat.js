// The assistant's chat: post the question, read the answer as server-sent
// events (step, text, done) and show each part as it arrives. Text is set
// with textContent only, never parsed as HTML.
(function () {
  "use strict";
  var form = document.getElementById("ask-form");
  if (!form || !window.fetch || !window.TextDecoder) { return; }

  var live = document.getElementById("live");
  var steps = document.getElementById("live-steps");
  var text = document.getElementById("live-text");
  var sources = document.getElementById("live-sources");
  var flags = document.getElementById("live-flags");

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function item(list, content) {
    var li = document.createElement("li");
    li.textContent = content;
    list.appendChild(li);
    return li;
  }

  function showStep(data) {
    if (!data.done) {
      var li = item(steps, data.tool + ": running…");
      li.className = "running";
      return;
    }
    var running = steps.querySelector("li.running");
    if (running) { running.className = "done"; running.textContent = data.tool + ": " + data.summary; }
    else { item(steps, data.tool + ": " + data.summary); }
  }

  // The answer's text with each code the guard kept linked to its page.
  function linkCodes(answerText, codes) {
    var kept = codes.filter(function (c) {
      return c.system && (c.status === "valid" || c.status === "header");
    });
    clear(text);
    if (!kept.length) { text.textContent = answerText; return; }
    var names = kept.map(function (c) { return c.code.replace(/\./g, "\\."); });
    names.sort(function (a, b) { return b.length - a.length; });
    var pattern = new RegExp("(^|[^\\w.])(" + names.join("|") + ")(?![\\w])", "g");
    var last = 0, match;
    while ((match = pattern.exec(answerText)) !== null) {
      var start = match.index + match[1].length;
      text.appendChild(document.createTextNode(answerText.slice(last, start)));
      var code = kept.filter(function (c) { return c.code === match[2]; })[0];
      var a = document.createElement("a");
      a.href = "/codes/" + encodeURIComponent(code.system) + "/" + encodeURIComponent(code.code);
      a.textContent = match[2];
      text.appendChild(a);
      last = start + match[2].length;
    }
    text.appendChild(document.createTextNode(answerText.slice(last)));
  }

  function showDone(data) {
    linkCodes(data.text, data.codes);
    clear(sources);
    data.sources.forEach(function (s) {
      var li = document.createElement("li");
      if (s.system && s.code) {
        var a = document.createElement("a");
        a.href = "/codes/" + encodeURIComponent(s.system) + "/" + encodeURIComponent(s.code);
        a.textContent = s.title;
        li.appendChild(a);
      } else {
        li.textContent = s.title;
      }
      if (s.detail) { li.appendChild(document.createTextNode(": " + s.detail)); }
      sources.appendChild(li);
    });
    data.flags.forEach(function (f) { item(flags, f); });
    form.elements.conversation.value = data.conversation;
    if (window.history && data.conversation_url) { window.history.replaceState(null, "", data.conversation_url); }
  }

  function handle(block) {
    var name = "message", lines = [];
    block.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) { name = line.slice(6).trim(); }
      else if (line.indexOf("data:") === 0) { lines.push(line.slice(5).trim()); }
    });
    if (!lines.length) { return; }
    var data = JSON.parse(lines.join("\n"));
    if (name === "step") { showStep(data); }
    else if (name === "text") { text.textContent += data.text; }
    else if (name === "done") { showDone(data); }
    else if (name === "error") { item(flags, data.error); }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = new FormData(form);
    live.hidden = false;
    document.getElementById("live-question").textContent = body.get("question");
    clear(steps); clear(sources); clear(flags); text.textContent = "";
    fetch(form.dataset.stream, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (data) { item(flags, data.error); });
        }
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { if (buffer.trim()) { handle(buffer); } return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var cut;
            while ((cut = buffer.indexOf("\n\n")) >= 0) {
              handle(buffer.slice(0, cut));
              buffer = buffer.slice(cut + 2);
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () { item(flags, "The answer could not be read; try again."); });
  });
})();
