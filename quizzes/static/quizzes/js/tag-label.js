// Tag fields: tag-it hides the labelled input and types into a new one, so name that one after the label.
(function () {
    "use strict";
    function labelTagInputs() {
        document.querySelectorAll('input[data-controller~="w-tag"][id]').forEach(function (original) {
            var list = original.nextElementSibling;
            if (!list || !list.classList.contains("tagit")) {
                return;
            }
            var typing = list.querySelector("li.tagit-new input");
            if (!typing || typing.hasAttribute("aria-labelledby")) {
                return;
            }
            var label = document.querySelector('label[for="' + original.id + '"]');
            if (label) {
                label.id = label.id || original.id + "-label";
                typing.setAttribute("aria-labelledby", label.id);
            } else {
                typing.setAttribute("aria-label", "Tags");
            }
            var help = original.getAttribute("aria-describedby");
            if (help) {
                typing.setAttribute("aria-describedby", help);
            }
        });
    }
    new MutationObserver(labelTagInputs).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", labelTagInputs);
})();
