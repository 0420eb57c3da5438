"""The committed nginx site (deploy/nginx/touchstone.conf) as `make prod-smoke` renders and runs it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "deploy" / "smoke"))

from stack import Node, SmokeFailure, Stack  # noqa: E402


@pytest.fixture
def stack(tmp_path):
    smoke = Stack(tmp=tmp_path, database_url="postgres://x@127.0.0.1/touchstone_t", redis_url="redis://x", nginx="")
    smoke.https_port = 44443
    smoke.nodes = [Node("A", 18001, tmp_path / "a.log"), Node("B", 18002, tmp_path / "b.log")]
    return smoke


def test_media_comes_from_disk_and_private_uploads_never(stack):
    site = stack.nginx_site()
    assert f"alias {stack.media_root}/;" in site
    assert "location ^~ /media/outside-certificates/ {\n        return 404;" in site
    assert "private-media" not in site
    assert "server 127.0.0.1:18001 " in site and "server 127.0.0.1:18002 " in site
    assert "listen 127.0.0.1:44443 ssl http2;" in site
    assert "proxy_next_upstream error timeout" in site


def test_a_template_that_lost_an_example_value_stops_the_smoke(stack, monkeypatch, tmp_path):
    template = tmp_path / "touchstone.conf"
    template.write_text((REPO / "deploy/nginx/touchstone.conf").read_text().replace("/srv/touchstone/media/", "/x/"))
    monkeypatch.setattr("stack.TEMPLATE", template)
    with pytest.raises(SmokeFailure, match="alias /srv/touchstone/media/"):
        stack.nginx_site()


@pytest.mark.skipif(not Path("/usr/sbin/nginx").exists() or not shutil.which("openssl"), reason="needs nginx")
def test_nginx_accepts_the_rendered_configuration(stack, tmp_path):
    (tmp_path / "tls").mkdir()
    stack.env = {}
    stack.log = lambda name: tmp_path / f"{name}.log"
    stack.make_certificate()
    prefix = tmp_path / "nginx"
    prefix.mkdir()
    (prefix / "touchstone.conf").write_text(stack.nginx_site())
    (prefix / "nginx.conf").write_text(
        f"pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {prefix}/touchstone.conf; }}\n"
    )
    done = subprocess.run(
        ["/usr/sbin/nginx", "-t", "-q", "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
