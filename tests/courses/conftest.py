import pytest
from django.core.management import call_command
from django.db import transaction


class _Discard:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass


def load_demo() -> None:
    call_command("load_demo", stdout=_Discard())


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker):
    """`load_demo` once for a whole test module, rolled back after it: a load takes seconds.

    Each test still runs in its own savepoint (the `db` fixture), so what one test changes the next
    one does not see.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
