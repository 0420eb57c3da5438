"""Reads about a learner that other apps need (certificates, rosters)."""

from .models import LearnerProfile


def legal_name_for(user) -> str:
    """The name for certificates: the legal name on the profile, else the account's full name."""
    profile = LearnerProfile.objects.filter(user=user).only("legal_name").first()
    if profile and profile.legal_name:
        return profile.legal_name
    return user.get_full_name() or user.get_username()
