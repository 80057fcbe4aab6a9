/* Suggestions under a search box: titles and partner names from the catalogue's `saran/` route.
 *
 * Progressive enhancement: the page works without this file (the form just submits). With it, an
 * <input data-suggest-url="…"> becomes an ARIA 1.2 combobox with a listbox of up to eight
 * suggestions. Keyboard: ↓/↑ move, Enter opens the chosen suggestion, Escape closes the list;
 * a live region says how many suggestions there are. No framework, no build step.
 */
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_LENGTH = 2;
    var counter = 0;
    var lang = (document.documentElement.lang || "id").slice(0, 2);
    var TEXT = {
        id: {
            count: function (n) { return n ? n + " saran tersedia. Gunakan panah atas dan bawah untuk memilih." : "Tidak ada saran."; },
            agreement: "Naskah",
            partner: "Mitra",
            list: "Saran pencarian"
        },
        en: {
            count: function (n) { return n ? n + " suggestion" + (n === 1 ? "" : "s") + " available. Use the up and down arrows to choose." : "No suggestions."; },
            agreement: "Agreement",
            partner: "Partner",
            list: "Search suggestions"
        }
    };
    var text = TEXT[lang] || TEXT.id;

    function enhance(input) {
        counter += 1;
        var listId = "suggest-list-" + counter;
        var wrapper = document.createElement("div");
        wrapper.className = "suggest";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggest-list";
        list.setAttribute("role", "listbox");
        // Its own name: sharing the input's label would give two controls the same name.
        list.setAttribute("aria-label", text.list);
        list.hidden = true;
        wrapper.appendChild(list);

        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var items = [];
        var active = -1;
        var timer = null;
        var request = null;

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            items = [];
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function choose(index) {
            var item = items[index];
            if (item && item.url) { window.location.assign(item.url); }
        }

        function highlight(index) {
            var options = list.querySelectorAll("[role=option]");
            for (var i = 0; i < options.length; i += 1) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            active = index;
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(suggestions) {
            close();
            items = suggestions;
            suggestions.forEach(function (suggestion, index) {
                var option = document.createElement("li");
                option.id = listId + "-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = suggestion.label;
                var kind = document.createElement("span");
                kind.className = "suggest-kind";
                kind.textContent = " · " + (text[suggestion.kind] || "");
                if (text[suggestion.kind]) { option.appendChild(kind); }
                // mousedown, not click: the input must not lose focus (and close the list) first.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(index);
                });
                list.appendChild(option);
            });
            status.textContent = text.count(suggestions.length);
            if (suggestions.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function fetchSuggestions() {
            var value = input.value.trim();
            if (value.length < MIN_LENGTH) { close(); return; }
            if (request && request.abort) { request.abort(); }
            request = window.AbortController ? new AbortController() : null;
            var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value);
            fetch(url, { headers: { Accept: "application/json" }, signal: request ? request.signal : undefined })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    if (input.value.trim() === value && document.activeElement === input) {
                        show((data && data.suggestions) || []);
                    }
                })
                .catch(function () { /* offline or aborted: the form still submits */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && items.length) {
                event.preventDefault();
                highlight(active + 1 >= items.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp" && items.length) {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    }

    function start() {
        if (!window.fetch) { return; }
        var inputs = document.querySelectorAll("input[data-suggest-url]");
        for (var i = 0; i < inputs.length; i += 1) { enhance(inputs[i]); }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
