// Taking a quiz, enhanced: answers save as you go, the timer counts down, ordering items move with
// buttons. Without this file the page is a plain form that saves on every button press.
(function () {
    "use strict";

    var form = document.querySelector("form[data-quiz-form]");
    var status = document.querySelector("[data-quiz-save-status]");
    // Calls back once every answer changed on this page has been sent (the autosave below fills it in).
    var whenSaved = function (done) {
        done();
    };

    function say(message, kind) {
        if (!status) {
            return;
        }
        status.textContent = message;
        status.className = "quiz-status__save" + (kind ? " quiz-status__save--" + kind : "");
    }

    function csrfToken() {
        var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    // ---------------------------------------------------------------- autosave
    // One request at a time, per question the latest answer wins: a question's pending change is
    // sent after the request before it has come back, with the save number that request returned.
    if (form) {
        var url = form.getAttribute("data-autosave-url");
        var queue = [];
        var busy = false;
        var timers = {};
        var closed = false;

        function questionData(fieldset) {
            var data = new FormData();
            fieldset.querySelectorAll("input, select, textarea").forEach(function (field) {
                if (!field.name || field.disabled) {
                    return;
                }
                if ((field.type === "radio" || field.type === "checkbox") && !field.checked) {
                    return;
                }
                data.append(field.name, field.value);
            });
            return data;
        }

        function markAnswered(fieldset) {
            var slot = fieldset.getAttribute("data-slot");
            var answered = Array.prototype.some.call(fieldset.querySelectorAll("input, select"), function (field) {
                if (field.type === "hidden") {
                    return false;
                }
                if (field.type === "radio" || field.type === "checkbox") {
                    return field.checked;
                }
                return field.value !== "";
            });
            var nav = document.querySelector("[data-quiz-nav-slot='" + slot + "']");
            if (nav) {
                nav.classList.toggle("quiz-nav__item--answered", answered);
                var state = nav.querySelector("[data-quiz-nav-state]");
                if (state) {
                    state.textContent = answered ? ", answered" : ", not answered";
                }
            }
            var counter = document.querySelector("[data-quiz-answered]");
            if (counter) {
                counter.textContent = document.querySelectorAll(".quiz-nav__item--answered").length;
            }
        }

        function questionStatus(fieldset, message, kind) {
            var line = fieldset.querySelector("[data-question-status]");
            if (line) {
                line.textContent = message;
                line.className = "question__status" + (kind ? " question__status--" + kind : "");
            }
        }

        function next() {
            if (busy || !queue.length || closed) {
                return;
            }
            busy = true;
            var fieldset = queue.shift();
            var data = questionData(fieldset);
            say("Saving…");
            fetch(url, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
            })
                .then(function (response) {
                    var type = response.headers.get("Content-Type") || "";
                    if (type.indexOf("application/json") === -1) {
                        throw new Error("signed-out");
                    }
                    return response.json().then(function (body) {
                        return { status: response.status, body: body };
                    });
                })
                .then(function (result) {
                    var body = result.body;
                    if (body.ok) {
                        var seq = fieldset.querySelector("[data-question-seq]");
                        if (seq) {
                            seq.value = body.seq;
                        }
                        questionStatus(fieldset, "", "");
                        markAnswered(fieldset);
                        say("All answers saved" + (body.saved_at ? " (last at " + body.saved_at + " UTC)." : "."), "ok");
                        return;
                    }
                    if (result.status === 403 && body.review_url) {
                        closed = true;
                        say(body.error + " ", "error");
                        var link = document.createElement("a");
                        link.href = body.review_url;
                        link.textContent = "See your result";
                        status.appendChild(link);
                        form.querySelectorAll("input, select, button").forEach(function (field) {
                            field.disabled = true;
                        });
                        return;
                    }
                    questionStatus(fieldset, body.error, "error");
                    say("Not saved: " + body.error, "error");
                })
                .catch(function (error) {
                    var message = error && error.message === "signed-out"
                        ? "You seem to be signed out, so this answer wasn't saved. Sign in again in another tab, then press Save answers."
                        : "Couldn't reach the server, so this answer isn't saved yet. Press Save answers when you're back online.";
                    questionStatus(fieldset, message, "error");
                    say(message, "error");
                })
                .finally(function () {
                    busy = false;
                    next();
                });
        }

        var waiting = {};

        function send(fieldset) {
            if (queue.indexOf(fieldset) === -1) {
                queue.push(fieldset);
            }
            next();
        }

        function schedule(fieldset) {
            var slot = fieldset.getAttribute("data-slot");
            clearTimeout(timers[slot]);
            waiting[slot] = fieldset;
            timers[slot] = setTimeout(function () {
                delete waiting[slot];
                send(fieldset);
            }, 300);
        }

        // When time is up, answers still waiting to be sent go at once, and the submit waits for them
        // (a few seconds at most: the server takes saves for a while after the deadline).
        whenSaved = function (done) {
            Object.keys(waiting).forEach(function (slot) {
                clearTimeout(timers[slot]);
                send(waiting[slot]);
                delete waiting[slot];
            });
            var giveUpAt = Date.now() + 5000;
            (function check() {
                if (closed || (!busy && !queue.length) || Date.now() > giveUpAt) {
                    done();
                } else {
                    setTimeout(check, 100);
                }
            })();
        };

        form.addEventListener("change", function (event) {
            var fieldset = event.target.closest("[data-question]");
            if (fieldset) {
                schedule(fieldset);
            }
        });

        // ------------------------------------------------------------ ordering
        // Buttons move an item up or down; the position selects stay the record of the order.
        form.querySelectorAll("[data-ordering]").forEach(function (list) {
            function renumber() {
                list.querySelectorAll("[data-ordering-item]").forEach(function (item, index) {
                    item.querySelector("[data-ordering-position]").value = String(index + 1);
                });
            }
            function changed() {
                renumber();
                list.dispatchEvent(new Event("change", { bubbles: true }));
            }
            list.querySelectorAll("[data-ordering-item]").forEach(function (item) {
                var text = item.querySelector(".ordering__text").textContent.trim();
                var controls = document.createElement("span");
                controls.className = "ordering__moves";
                [["up", "Move up"], ["down", "Move down"]].forEach(function (pair) {
                    var button = document.createElement("button");
                    button.type = "button";
                    button.className = "button button--small button--ghost";
                    button.textContent = pair[0] === "up" ? "↑" : "↓";
                    button.setAttribute("aria-label", pair[1] + ": " + text);
                    button.addEventListener("click", function () {
                        var sibling = pair[0] === "up" ? item.previousElementSibling : item.nextElementSibling;
                        if (!sibling) {
                            return;
                        }
                        if (pair[0] === "up") {
                            list.insertBefore(item, sibling);
                        } else {
                            list.insertBefore(sibling, item);
                        }
                        button.focus();
                        changed();
                    });
                    controls.appendChild(button);
                });
                item.appendChild(controls);
            });
            // Choosing a position by hand swaps with the item that held it, so the order stays whole.
            list.addEventListener("change", function (event) {
                var select = event.target;
                if (!select.matches || !select.matches("[data-ordering-position]")) {
                    return;
                }
                var items = Array.prototype.slice.call(list.querySelectorAll("[data-ordering-item]"));
                var item = select.closest("[data-ordering-item]");
                var target = parseInt(select.value, 10) - 1;
                var from = items.indexOf(item);
                if (isNaN(target) || target === from || target < 0 || target >= items.length) {
                    renumber();
                    return;
                }
                var other = items[target];
                var marker = document.createElement("li");
                list.replaceChild(marker, other);
                list.replaceChild(other, item);
                list.replaceChild(item, marker);
                renumber();
                select.focus();
            }, true);
        });
    }

    // ---------------------------------------------------------------- timer
    // The page is told the time left to the millisecond and counts down to exactly that moment: the
    // server takes the timer's submit as "time is up" only from (nearly) the deadline on.
    var timer = document.querySelector("[data-quiz-timer]");
    if (timer) {
        var value = timer.querySelector("[data-quiz-timer-value]");
        var announce = timer.querySelector("[data-quiz-timer-announce]");
        var exact = parseInt(timer.getAttribute("data-milliseconds-left"), 10);
        var leftMs = isNaN(exact) ? (parseInt(timer.getAttribute("data-seconds-left"), 10) || 0) * 1000 : exact;
        var left = Math.ceil(leftMs / 1000);
        var endsAt = Date.now() + leftMs;
        var warned = {};
        function format(seconds) {
            var minutes = Math.floor(seconds / 60);
            var rest = seconds % 60;
            return minutes + ":" + (rest < 10 ? "0" : "") + rest;
        }
        function tick() {
            var remaining = endsAt - Date.now();
            // Whole seconds still to go, so "0:00" shows only when the time really is up.
            var seconds = Math.max(0, Math.ceil(remaining / 1000));
            value.textContent = format(seconds);
            [300, 60].forEach(function (mark) {
                if (seconds <= mark && !warned[mark] && left > mark) {
                    warned[mark] = true;
                    announce.textContent = (mark / 60) + (mark === 60 ? " minute" : " minutes") + " left.";
                }
            });
            timer.classList.toggle("quiz-timer--low", seconds <= 60);
            if (remaining > 0) {
                // Next tick on the next whole second, the last one on the deadline itself.
                setTimeout(tick, remaining % 1000 || 1000);
                return;
            }
            var timeUp = document.querySelector("form[data-quiz-time-up]");
            if (timeUp) {
                say("Time is up: submitting your saved answers…", "error");
                whenSaved(function () {
                    timeUp.submit();
                });
            }
        }
        tick();
    }
})();
