"""The site's URLs plus a bare view: the cheapest response Django can give through the same middleware.

Only the benchmark's settings (config.settings.bench) use this URL configuration, so the bare view never
exists on a real site.
"""

from django.http import HttpResponse
from django.urls import include, path


def bare_view(request):
    return HttpResponse("ok")


urlpatterns = [path("__bench__/bare/", bare_view, name="bench_bare"), path("", include("config.urls"))]
