"""Reads about a learner that other apps need (certificates, rosters)."""

from .models import LearnerProfile


def legal_name_for(user) -> str:
    """The name for certificates: the legal name on the profile, else the account's full name."""
    profile = LearnerProfile.objects.filter(user=user).only("legal_name").first()
    if profile and profile.legal_name:
        return profile.legal_name
    return user.get_full_name() or user.get_username()


def legal_names_for(users) -> dict[int, str]:
    """`legal_name_for` of many people at once (rosters), in one query: {user id: name}."""
    users = list(users)
    profiles = dict(
        LearnerProfile.objects.filter(user__in=[user.pk for user in users]).values_list("user_id", "legal_name")
    )
    return {user.pk: profiles.get(user.pk) or user.get_full_name() or user.get_username() for user in users}
