"""Sign-up and profile forms, and a password-reset form that mails through a background task."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm, UserCreationForm
from django.template import loader

from .models import LearnerProfile
from .tasks import send_email

User = get_user_model()

LEGAL_NAME_HELP = "Your name exactly as your licensing board knows it. It is printed on your certificates."


class SignupForm(UserCreationForm):
    legal_name = forms.CharField(label="Legal name", max_length=150, help_text=LEGAL_NAME_HELP)
    email = forms.EmailField(label="E-mail", help_text="We send password resets here, nothing else.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "legal_name", "email")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this e-mail. Log in, or reset your password.")
        return email

    def clean_legal_name(self) -> str:
        name = " ".join(self.cleaned_data["legal_name"].split())
        if not name:
            raise forms.ValidationError("Enter your legal name.")
        return name

    def save(self, commit: bool = True):
        user = super().save(commit=False)
        user.email = self.cleaned_data["email"]
        first, _, last = self.cleaned_data["legal_name"].partition(" ")
        user.first_name, user.last_name = first[:150], last[:150]
        if commit:
            user.save()
            LearnerProfile.objects.update_or_create(user=user, defaults={"legal_name": self.cleaned_data["legal_name"]})
        return user


class ProfileForm(forms.Form):
    legal_name = forms.CharField(label="Legal name", max_length=150, help_text=LEGAL_NAME_HELP)
    email = forms.EmailField(label="E-mail")

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_legal_name(self) -> str:
        name = " ".join(self.cleaned_data["legal_name"].split())
        if not name:
            raise forms.ValidationError("Enter your legal name.")
        return name

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError("Another account already uses this e-mail.")
        return email

    def save(self) -> LearnerProfile:
        self.user.email = self.cleaned_data["email"]
        self.user.save(update_fields=["email"])
        profile, _ = LearnerProfile.objects.update_or_create(
            user=self.user, defaults={"legal_name": self.cleaned_data["legal_name"]}
        )
        return profile


class TaskPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail handed to a background task instead of sent in the request."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = loader.render_to_string(html_email_template_name, context) if html_email_template_name else None
        send_email.enqueue(subject=subject, body=body, to=[to_email], html_body=html)
