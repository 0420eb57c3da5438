"""The file cache the page cache and sessions use without Redis (pagecache.file_cache): Django's, with the folder
counted on one write in CULL_EVERY instead of on every write."""

from pagecache.file_cache import FileCache


def cache_in(folder, **options) -> FileCache:
    return FileCache(str(folder), {"OPTIONS": options})


def test_the_folder_is_counted_on_the_first_write_and_then_once_in_cull_every(tmp_path, monkeypatch):
    cache = cache_in(tmp_path, MAX_ENTRIES=1000, CULL_EVERY=10)
    counted = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: counted.append(1) or original())
    for number in range(25):
        cache.set(f"learner:{number}", "token", 60)
    assert len(counted) == 3  # writes 1, 11 and 21
    assert all(cache.get(f"learner:{number}") == "token" for number in range(25))


def test_max_entries_is_kept_at_the_next_count(tmp_path):
    cache = cache_in(tmp_path, MAX_ENTRIES=15, CULL_EVERY=10, CULL_FREQUENCY=2)
    for number in range(20):
        cache.set(f"page:{number}", "kept page", 60)
    # Counted at writes 1 and 11 (0 and 10 files): the folder holds 20 until the next count.
    assert len(cache._list_cache_files()) == 20
    cache.set("page:20", "kept page", 60)  # write 21 counts 20 files, culls half of them, then writes
    assert len(cache._list_cache_files()) == 11


def test_the_options_django_knows_still_apply(tmp_path):
    cache = cache_in(tmp_path, MAX_ENTRIES=5, CULL_FREQUENCY=4)
    assert (cache._max_entries, cache._cull_frequency, cache.cull_every) == (5, 4, 100)
    assert cache.add("generation", "a") and not cache.add("generation", "b")
    assert cache.get("generation") == "a"
