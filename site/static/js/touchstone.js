// Small progressive enhancements. Every page works without this file.
(function () {
    "use strict";

    // Live filters: a form with data-live-filter="#results" refreshes that region in place when a
    // field changes (no page reload, so focus stays put), and keeps the address bar in step so the
    // filtered view can be bookmarked. The submit button still works for no-JS users.
    document.querySelectorAll("form[data-live-filter]").forEach(function (form) {
        var target = document.querySelector(form.getAttribute("data-live-filter"));
        if (!target) {
            return;
        }
        var pending = null;

        function refresh() {
            var params = new URLSearchParams(new FormData(form));
            Array.from(params.keys()).forEach(function (key) {
                if (!params.get(key)) {
                    params.delete(key);
                }
            });
            var query = params.toString();
            var url = (form.getAttribute("action") || window.location.pathname) + (query ? "?" + query : "");
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            target.setAttribute("aria-busy", "true");
            fetch(url, { headers: { "X-Requested-With": "fetch" }, signal: pending.signal })
                .then(function (response) { return response.text(); })
                .then(function (html) {
                    var doc = new DOMParser().parseFromString(html, "text/html");
                    var fresh = doc.querySelector(form.getAttribute("data-live-filter"));
                    var freshErrors = doc.querySelector("[data-filter-errors]");
                    var errors = form.querySelector("[data-filter-errors]");
                    if (fresh) {
                        target.innerHTML = fresh.innerHTML;
                    }
                    if (errors && freshErrors) {
                        errors.innerHTML = freshErrors.innerHTML;
                    }
                    // Other regions that depend on the filters (e.g. links carrying them) refresh too.
                    document.querySelectorAll("[data-live-filter-sync][id]").forEach(function (region) {
                        var freshRegion = doc.getElementById(region.id);
                        if (freshRegion) {
                            region.innerHTML = freshRegion.innerHTML;
                        }
                    });
                    window.history.replaceState(null, "", url);
                })
                .catch(function (error) {
                    if (error.name !== "AbortError") {
                        form.submit();
                    }
                })
                .finally(function () {
                    target.removeAttribute("aria-busy");
                });
        }

        form.addEventListener("change", refresh);
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            refresh();
        });
    });
    // Event times: each session is shown in the event's own zone. When the reader's zone differs
    // (a webinar seen from another state), add the same moment in their time underneath.
    var readerZone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelectorAll("time[data-local-time]").forEach(function (node) {
        if (!readerZone || node.getAttribute("data-zone") === readerZone) {
            return;
        }
        var start = new Date(node.getAttribute("datetime"));
        var end = new Date(node.getAttribute("data-end"));
        if (isNaN(start) || isNaN(end)) {
            return;
        }
        var format = new Intl.DateTimeFormat(undefined, {
            weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit", timeZoneName: "short"
        });
        var note = document.createElement("span");
        note.className = "local-time";
        note.textContent = "Your time: " + format.format(start) + " – " + format.format(end);
        node.insertAdjacentElement("afterend", note);
    });

    // Feed addresses: focusing the read-only field selects it, ready to copy.
    document.addEventListener("focusin", function (event) {
        if (event.target.matches && event.target.matches("input[data-select-on-focus]")) {
            event.target.select();
        }
    });
})();
