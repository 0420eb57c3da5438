// Question editor: when the "module to review" changes, offer that module's sections.
(function () {
    "use strict";
    document.addEventListener("change", function (event) {
        var input = event.target;
        if (!input || input.name !== "remediation_module") {
            return;
        }
        var select = document.querySelector("select[data-quiz-section-select]");
        if (!select) {
            return;
        }
        var previous = select.value;
        function fill(sections) {
            select.innerHTML = "";
            [{ value: "", label: "The whole module" }].concat(sections).forEach(function (section) {
                var option = document.createElement("option");
                option.value = section.value;
                option.textContent = section.label;
                option.selected = section.value === previous;
                select.appendChild(option);
            });
        }
        if (!input.value) {
            fill([]);
            return;
        }
        var url = select.getAttribute("data-sections-url").replace(/\/0\/$/, "/" + encodeURIComponent(input.value) + "/");
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : { sections: [] }; })
            .then(function (data) { fill(data.sections || []); })
            .catch(function () { fill([]); });
    });
})();
