"""Running a piece of work in several threads at the same moment, for race tests (each on its own connection)."""

import threading

from django.db import connection


def run_together(count, work):
    """Start ``count`` threads that call ``work(index)`` at the same moment; return what each returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def runner(index):
        try:
            barrier.wait(timeout=10)
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread raised
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results
