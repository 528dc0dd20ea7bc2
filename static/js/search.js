// Progressive enhancement for the search box: entity names as you type.
// Without JavaScript the form works the same; this only adds a <datalist>.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  if (!input || !window.fetch || !input.dataset.autocompleteUrl) return;

  var list = document.createElement("datalist");
  list.id = "search-q-entities";
  input.parentNode.appendChild(list);
  input.setAttribute("list", list.id);

  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) { list.replaceChildren(); return; }
    // Wait for a pause in typing; ignore answers to older requests.
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(input.dataset.autocompleteUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== latest) return;
          list.replaceChildren.apply(list, data.results.map(function (row) {
            var option = document.createElement("option");
            option.value = row.label;
            option.label = row.kind_label + " · " + row.count;
            return option;
          }));
        })
        .catch(function () { /* suggestions are a nicety; the search still works */ });
    }, 150);
  });
})();
