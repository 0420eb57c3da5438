"""The site benchmark's pure parts: reading wrk's output, the ratios, the targets and the exit status.

No load is generated here: wrk's output is canned, and the command is only asked to refuse bad options
before it touches a database.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from home.bench import report
from home.bench.load import LoadError, Measurement, parse_wrk, percentile, wrk_command
from home.bench.prepare import read as read_targets
from home.bench.run import Options, pages
from home.bench.stack import StackError, database_name

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:40111/courses/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    21.10ms    5.02ms  88.20ms   80.00%
    Req/Sec   480.12     40.33   560.00     70.00%
  Latency Distribution
     50%   20.50ms
     75%   23.00ms
     90%   27.00ms
     99%   44.00ms
  9602 requests in 10.00s, 80.12MB read
  Socket errors: connect 0, read 9602, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    960.02
Transfer/sec:      8.01MB
BENCH requests=9602
BENCH duration_us=10001000
BENCH not_2xx=5
BENCH statuses=302,500,302,
BENCH p50_us=20500
BENCH p95_us=31000
BENCH p99_us=44000
"""


def test_parse_wrk_reads_the_lua_summary_and_counts_only_real_socket_errors():
    m = parse_wrk(WRK_OUTPUT)
    assert m.requests == 9602
    assert m.per_second == pytest.approx(9602 / 10.001)
    assert (m.p50, m.p95, m.p99) == (20.5, 31.0, 44.0)
    # Redirects count too (wrk's own line says 3); read errors are gunicorn closing each connection.
    assert m.not_2xx == 5
    assert m.statuses == ["302", "500"]
    assert m.socket_errors == 2
    assert m.failed


def test_parse_wrk_without_the_lua_summary_is_an_error():
    with pytest.raises(LoadError, match="lacks the benchmark's summary"):
        parse_wrk("Running 10s test @ http://127.0.0.1/\nRequests/sec: 10.0\n")


def test_wrk_command_sends_https_proxy_header_and_the_report_script():
    command = wrk_command("http://x/", headers={"Cookie": "sessionid=abc"}, threads=2, connections=20, duration=5)
    assert command[:7] == ["wrk", "--threads", "2", "--connections", "20", "--duration", "5s"]
    assert "X-Forwarded-Proto: https" in command and "Cookie: sessionid=abc" in command
    assert command[command.index("--script") + 1].endswith("wrk_report.lua")
    assert command[-1] == "http://x/"


def test_wrk_command_passes_each_learners_cookies_to_the_script_after_the_address():
    cookies = ["sessionid=a; csrftoken=1", "sessionid=b; csrftoken=2"]
    command = wrk_command("http://x/", headers={}, threads=2, connections=20, duration=5, cookies=cookies)
    assert command[-4:] == ["http://x/", "--", *cookies]
    script = Path(command[command.index("--script") + 1]).read_text()
    assert "function request()" in script and 'headers["Cookie"]' in script


def test_percentile_is_nearest_rank():
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 95) == 95.0
    assert percentile(samples, 50) == 50.0
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 95) == 0.0


def ok(per_second, *, p95=10.0, p99=20.0, not_2xx=0):
    return Measurement(requests=int(per_second * 10), seconds=10, p50=5, p95=p95, p99=p99, not_2xx=not_2xx)


def test_ratios_use_the_mean_of_the_bare_runs_and_targets_are_judged():
    bare_first = report.Row("bare Django view (first)", ok(1000))
    bare_last = report.Row("bare Django view (last)", ok(800))
    fast = report.Row("home /", ok(600, p99=30), report.ANONYMOUS_PAGE)
    slow_tail = report.Row("course page", ok(600, p99=60), report.ANONYMOUS_PAGE)
    dashboard = report.Row("learner dashboard", ok(80), report.DASHBOARD)
    autosave = report.Row("quiz autosave", ok(50, p95=120), report.QUIZ_ACTION)
    feed = report.Row("feed", ok(300))
    rows = [bare_first, fast, slow_tail, dashboard, autosave, feed, bare_last]

    report.with_ratios(rows, bare=report.bare_rate([bare_first, bare_last]))

    assert fast.ratio == pytest.approx(600 / 900)
    assert fast.verdict().startswith("meets target")
    assert slow_tail.verdict().startswith("below target")  # fast enough, but p99 over 50 ms
    assert dashboard.ratio == pytest.approx(80 / 900)
    assert dashboard.verdict() == "below target (≥ 10% of bare)"
    assert autosave.verdict() == "below target (p95 < 100 ms)"
    assert feed.verdict() == ""
    assert report.failures(rows) == []
    table = report.table(rows)
    assert "67%" in table and "meets target (≥ 50% of bare, p99 < 50 ms)" in table


def test_failures_name_the_page_and_status_and_fail_the_target():
    broken = report.Row("module page, signed in", ok(500, not_2xx=4), report.SIGNED_IN_MODULE, ratio=0.9)
    broken.measurement.statuses = ["302"]
    nothing = report.Row("search", Measurement(requests=0, seconds=10, p50=0, p95=0, p99=0))
    assert broken.verdict().startswith("below target")
    assert report.failures([broken, nothing]) == [
        "module page, signed in: 4 answers were not 2xx (status 302)",
        "search: no request completed",
    ]


def test_pages_cover_the_issue_list():
    targets = {"catalogue": "/courses/", "course": "/courses/a/", "module": "/courses/a/b/", "events": "/events/"}
    names = [page.name for page in pages({**targets, "search_term": "swedish"})]
    assert names[0] == "home /" and "search /search/?q=swedish" in names
    signed_in = {page.name for page in pages({**targets, "search_term": "x"}) if page.signed_in}
    assert signed_in == {"module page, signed in", "learner dashboard /learning/"}


def test_targets_are_read_from_the_preparation_output():
    assert read_targets('noise\nBENCH-TARGETS {"course": "/courses/a/"}\n') == {"course": "/courses/a/"}
    with pytest.raises(ValueError):
        read_targets("nothing here")


@pytest.mark.parametrize(
    "url",
    ["sqlite:///bench.sqlite3", "postgres://postgres@127.0.0.1:5432/postgres", "postgres://postgres@127.0.0.1:5432/"],
)
def test_only_a_named_throwaway_postgres_database_is_accepted(url):
    with pytest.raises(StackError):
        database_name(url)


def test_options_problems_are_worded():
    assert Options().problems() == []
    assert Options(threads=4, connections=2).problems() == [
        "--threads cannot exceed --connections (wrk gives each thread at least one connection)."
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"duration": 0}, "--duration"),
        ({"connections": 0}, "--connections"),
        ({"workers": 0}, "--workers"),
        ({"database_url": "sqlite:///x.sqlite3"}, "PostgreSQL"),
        ({"database_url": "postgres://postgres@127.0.0.1:5432/postgres"}, "Refusing"),
    ],
)
def test_command_refuses_bad_options_before_doing_anything(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("bench_site", stdout=StringIO(), **options)
