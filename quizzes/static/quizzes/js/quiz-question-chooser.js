// Quiz editor: questions added since the last save are not offered again by the question chooser.
// The server already marks those in the saved draft; this covers the rows added on this page.
(function () {
    "use strict";

    function questionsOnThePage() {
        var ids = {};
        document.querySelectorAll('input[name^="question_links-"][name$="-question"]').forEach(function (input) {
            var row = input.closest("[data-inline-panel-child]");
            var deleted = document.getElementById(input.name.replace(/-question$/, "-DELETE"));
            if (input.value && !(row && row.hidden) && !(deleted && deleted.value === "1")) {
                ids[input.value] = true;
            }
        });
        return ids;
    }

    function markAdded(root) {
        if (!document.getElementById("id_question_links-FORMS")) {
            return;
        }
        var ids = questionsOnThePage();
        root.querySelectorAll("input[data-multiple-choice-select]").forEach(function (box) {
            if (ids[box.value]) {
                box.checked = false;
                box.disabled = true;
                box.title = "Already in this quiz";
            }
        });
        root.querySelectorAll("a[data-chooser-modal-choice]").forEach(function (link) {
            var match = /\/chosen\/(\d+)\//.exec(link.getAttribute("href") || "");
            if (match && ids[match[1]]) {
                var text = document.createElement("span");
                text.textContent = link.textContent + " (already in this quiz)";
                link.replaceWith(text);
            }
        });
    }

    function watch() {
        new MutationObserver(function (mutations) {
            mutations.forEach(function (mutation) {
                mutation.addedNodes.forEach(function (node) {
                    if (node.nodeType === 1 && node.querySelector("[data-multiple-choice-select], [data-chooser-modal-choice]")) {
                        markAdded(node);
                    }
                });
            });
        }).observe(document.body, { childList: true, subtree: true });
    }
    if (document.body) {
        watch();
    } else {
        document.addEventListener("DOMContentLoaded", watch);
    }
})();
