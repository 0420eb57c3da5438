// Single-choice editor: the "right answer" boxes of a question's options act as one group of radio buttons.
// Without this script they stay checkboxes, and saving two ticks shows a message beside each.
(function () {
    "use strict";
    var SELECTOR = "input[data-single-right-answer]";

    // "options-2-is_correct" belongs to the "options" list.
    function group(input) {
        return input.name.replace(/-\d+-[^-]+$/, "");
    }

    function enhance(root) {
        (root || document).querySelectorAll(SELECTOR).forEach(function (input) {
            if (input.name.indexOf("__prefix__") === -1 && input.type !== "radio") {
                input.type = "radio";
            }
        });
    }

    document.addEventListener("change", function (event) {
        var input = event.target;
        if (!input.matches || !input.matches(SELECTOR) || !input.checked) {
            return;
        }
        document.querySelectorAll(SELECTOR).forEach(function (other) {
            if (other !== input && group(other) === group(input)) {
                other.checked = false;
            }
        });
    });
    // Wagtail's inline panels announce each option added with "Add option".
    document.addEventListener("w-formset:added", function (event) {
        enhance(event.target);
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { enhance(); });
    } else {
        enhance();
    }
})();
